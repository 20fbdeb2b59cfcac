package dev.arbiter.app.workspaces;

import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.model.workspaces.MemberRole;
import dev.arbiter.model.workspaces.NoteVisibility;
import dev.arbiter.model.workspaces.WorkspaceStatus;
import dev.arbiter.persistence.workspaces.WorkspaceAdminService;
import dev.arbiter.persistence.workspaces.WorkspaceDetails;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Invite;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Member;
import java.util.concurrent.Callable;
import java.util.function.LongFunction;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One workspace and the admin actions on it. Every action goes to the database, which checks the
 * rules and audits the change; on success the workspace is read again, on refusal the database's
 * sentence is shown and nothing else changes. Support staff may read and add notes only.
 */
public final class WorkspaceDetailViewModel {

  private final LongFunction<WorkspaceDetails> source;
  private final WorkspaceAdminService actions;
  private final TaskRunner tasks;
  private final boolean admin;
  private final ReadOnlyObjectWrapper<WorkspaceDetails> details = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper issuedToken = new ReadOnlyStringWrapper("");
  private long workspaceId = -1;

  public WorkspaceDetailViewModel(
      LongFunction<WorkspaceDetails> source,
      WorkspaceAdminService actions,
      TaskRunner tasks,
      boolean admin) {
    this.source = source;
    this.actions = actions;
    this.tasks = tasks;
    this.admin = admin;
  }

  /** Whether the signed-in staff member may run admin actions (support may only add notes). */
  public boolean isAdmin() {
    return admin;
  }

  public void open(long id) {
    workspaceId = id;
    issuedToken.set("");
    message.set("");
    error.set("");
    reload();
  }

  public void reload() {
    if (workspaceId < 0) {
      return;
    }
    long id = workspaceId;
    busy.set(true);
    tasks
        .run(() -> source.apply(id))
        .onSuccess(
            loaded -> {
              busy.set(false);
              if (loaded.settings().id() == workspaceId) {
                details.set(loaded);
              }
            })
        .onFailure(
            failure -> {
              busy.set(false);
              error.set(ErrorText.describe(failure));
            });
  }

  public void changeRole(Member member, MemberRole role) {
    act(
        "Changed " + member.name() + " to " + role.dbValue() + ".",
        () -> {
          actions.changeRole(member.id(), member.version(), role);
          return null;
        });
  }

  public void suspend(Member member) {
    act(
        "Suspended " + member.name() + ".",
        run(() -> actions.suspendMember(member.id(), member.version())));
  }

  public void reactivate(Member member) {
    act(
        "Reactivated " + member.name() + ".",
        run(() -> actions.reactivateMember(member.id(), member.version())));
  }

  public void remove(Member member) {
    act(
        "Removed " + member.name() + ".",
        run(() -> actions.removeMember(member.id(), member.version())));
  }

  /** The second step of a transfer, after the view asked for confirmation. */
  public void transferOwnership(Member newOwner) {
    act(
        newOwner.name() + " now owns the workspace.",
        run(() -> actions.transferOwnership(workspaceId, newOwner.userId())));
  }

  public void revoke(Invite invite) {
    act(
        "Revoked the invite for " + invite.email() + ".",
        run(() -> actions.revokeInvite(invite.id(), invite.version())));
  }

  /** Re-issues an invite; its new token is shown once in {@link #issuedTokenProperty()}. */
  public void reissue(Invite invite) {
    busy.set(true);
    tasks
        .run(() -> actions.reissueInvite(invite.id()))
        .onSuccess(
            issued -> {
              busy.set(false);
              error.set("");
              issuedToken.set(issued.token());
              message.set(
                  "New invite for "
                      + invite.email()
                      + ". Copy the token now: it is not stored and will not be shown again.");
              reload();
            })
        .onFailure(this::refused);
  }

  public void forgetIssuedToken() {
    issuedToken.set("");
  }

  public void expireInvites() {
    busy.set(true);
    tasks
        .run(actions::expireInvites)
        .onSuccess(
            count -> {
              busy.set(false);
              error.set("");
              message.set(count == 1 ? "1 invite expired." : count + " invites expired.");
              reload();
            })
        .onFailure(this::refused);
  }

  public void setStatus(WorkspaceStatus status) {
    WorkspaceDetails current = details.get();
    if (current == null) {
      return;
    }
    act(
        "Workspace is now " + status.dbValue() + ".",
        run(
            () ->
                actions.setWorkspaceStatus(
                    current.settings().id(), current.settings().version(), status)));
  }

  /** Adds a note; {@code supersedes} is the id of the note it replaces, or null. */
  public void addNote(String body, NoteVisibility visibility, Long subjectUserId, Long supersedes) {
    if (body == null || body.isBlank()) {
      error.set("Write the note first.");
      return;
    }
    act(
        "Note added.",
        () -> actions.addNote(workspaceId, subjectUserId, body, visibility, supersedes));
  }

  private static Callable<Object> run(Runnable action) {
    return () -> {
      action.run();
      return null;
    };
  }

  private void act(String done, Callable<?> action) {
    busy.set(true);
    tasks
        .run(action)
        .onSuccess(
            ignored -> {
              busy.set(false);
              error.set("");
              message.set(done);
              reload();
            })
        .onFailure(this::refused);
  }

  private void refused(Throwable failure) {
    busy.set(false);
    message.set("");
    error.set(
        failure instanceof IllegalArgumentException
            ? failure.getMessage()
            : ErrorText.describe(failure));
    reload();
  }

  public ReadOnlyObjectProperty<WorkspaceDetails> detailsProperty() {
    return details.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty issuedTokenProperty() {
    return issuedToken.getReadOnlyProperty();
  }
}
