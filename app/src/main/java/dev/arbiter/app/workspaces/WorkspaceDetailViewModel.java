package dev.arbiter.app.workspaces;

import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.app.live.ChangeSet;
import dev.arbiter.app.live.RefreshGate;
import dev.arbiter.app.workspaces.StaleEditViewModel.Redo;
import dev.arbiter.model.workspaces.MemberRole;
import dev.arbiter.model.workspaces.NoteVisibility;
import dev.arbiter.model.workspaces.WorkspaceStatus;
import dev.arbiter.persistence.workspaces.WorkspaceActionException;
import dev.arbiter.persistence.workspaces.WorkspaceAdminService;
import dev.arbiter.persistence.workspaces.WorkspaceDetails;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Invite;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Member;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.LongFunction;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;

/**
 * One workspace and the admin actions on it. Every action goes to the database, which checks the
 * rules and audits the change; on success the workspace is read again, on refusal the database's
 * sentence is shown and nothing else changes. Support staff may read and add notes only. The
 * workspace is read again when it changes in the database; an action refused because its record
 * changed meanwhile shows what changed ({@link #stale()}) and can be re-applied.
 */
public final class WorkspaceDetailViewModel {

  static final String OFFLINE =
      "Offline: the database cannot be reached, so nothing was sent. Your text is kept; try again"
          + " once the connection is back.";
  private static final Set<String> RELATED =
      Set.of("workspace_members", "workspace_invites", "contact_notes");

  private final LongFunction<WorkspaceDetails> source;
  private final WorkspaceAdminService actions;
  private final TaskRunner tasks;
  private final boolean admin;
  private final String me;
  private final ObservableBooleanValue online;
  private final ReadOnlyObjectWrapper<WorkspaceDetails> details = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyLongWrapper openId = new ReadOnlyLongWrapper(-1);
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper issuedToken = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper changedText = new ReadOnlyStringWrapper("");
  private final StaleEditViewModel stale = new StaleEditViewModel();
  private final RefreshGate live = new RefreshGate(done -> load(true, done));
  private Function<WorkspaceDetails, Redo> stalePlan;
  private long loads;

  public WorkspaceDetailViewModel(
      LongFunction<WorkspaceDetails> source,
      WorkspaceAdminService actions,
      TaskRunner tasks,
      boolean admin) {
    this(source, actions, tasks, admin, "", new SimpleBooleanProperty(true));
  }

  /**
   * @param me the signed-in login: only what others changed is announced as a change
   * @param online false while the database cannot be reached: actions are refused, text is kept
   */
  public WorkspaceDetailViewModel(
      LongFunction<WorkspaceDetails> source,
      WorkspaceAdminService actions,
      TaskRunner tasks,
      boolean admin,
      String me,
      ObservableBooleanValue online) {
    this.source = source;
    this.actions = actions;
    this.tasks = tasks;
    this.admin = admin;
    this.me = me;
    this.online = online;
  }

  /** Whether the signed-in staff member may run admin actions (support may only add notes). */
  public boolean isAdmin() {
    return admin;
  }

  public void open(long id) {
    openId.set(id);
    issuedToken.set("");
    message.set("");
    error.set("");
    changedText.set("");
    stale.clear();
    reload();
  }

  public void reload() {
    if (openId.get() >= 0) {
      load(false, () -> {});
    }
  }

  /** Reads the open workspace again when {@code changes} may concern it. FX thread. */
  public void changed(ChangeSet changes) {
    WorkspaceDetails shown = details.get();
    long id = openId.get();
    if (id < 0) {
      return;
    }
    boolean contracts =
        shown != null
            && shown.contracts().stream().anyMatch(c -> changes.touches("contracts", c.id()));
    if (changes.touches("workspaces", id)
        || changes.touches(RELATED.toArray(String[]::new))
        || contracts) {
      live.request();
    }
  }

  private void load(boolean isLive, Runnable done) {
    long id = openId.get();
    long mine = ++loads;
    if (!isLive) {
      busy.set(true);
    }
    tasks
        .run(() -> source.apply(id))
        .onSuccess(
            loaded -> {
              done.run();
              if (!isLive) {
                busy.set(false);
              }
              if (mine != loads || loaded.settings().id() != openId.get()) {
                return;
              }
              WorkspaceDetails before = details.get();
              if (isLive && before != null && before.settings().id() == id) {
                describeChange(before, loaded);
              }
              details.set(loaded);
            })
        .onFailure(
            failure -> {
              done.run();
              if (!isLive) {
                busy.set(false);
              }
              error.set(ErrorText.describe(failure));
            });
  }

  private void describeChange(WorkspaceDetails before, WorkspaceDetails now) {
    List<String> diffs = WorkspaceChanges.between(before, now);
    Set<String> actors = WorkspaceChanges.actorsSince(before, now);
    if (diffs.isEmpty() || !actors.isEmpty() && actors.stream().allMatch(me::equals)) {
      return;
    }
    List<String> others = actors.stream().filter(a -> !a.equals(me)).toList();
    changedText.set("");
    changedText.set(
        (others.isEmpty() ? "Changed" : "Changed by " + String.join(", ", others))
            + " while you had it open: "
            + String.join("; ", diffs));
  }

  public void changeRole(Member member, MemberRole role) {
    act(
        "Changed " + member.name() + " to " + role.dbValue() + ".",
        run(() -> actions.changeRole(member.id(), member.version(), role)),
        StaleEditViewModel.member(
            member, now -> () -> actions.changeRole(now.id(), now.version(), role)));
  }

  public void suspend(Member member) {
    act(
        "Suspended " + member.name() + ".",
        run(() -> actions.suspendMember(member.id(), member.version())),
        StaleEditViewModel.member(
            member, now -> () -> actions.suspendMember(now.id(), now.version())));
  }

  public void reactivate(Member member) {
    act(
        "Reactivated " + member.name() + ".",
        run(() -> actions.reactivateMember(member.id(), member.version())),
        StaleEditViewModel.member(
            member, now -> () -> actions.reactivateMember(now.id(), now.version())));
  }

  public void remove(Member member) {
    act(
        "Removed " + member.name() + ".",
        run(() -> actions.removeMember(member.id(), member.version())),
        StaleEditViewModel.member(
            member, now -> () -> actions.removeMember(now.id(), now.version())));
  }

  /** The second step of a transfer, after the view asked for confirmation. */
  public void transferOwnership(Member newOwner) {
    long id = openId.get();
    act(
        newOwner.name() + " now owns the workspace.",
        run(() -> actions.transferOwnership(id, newOwner.userId())),
        null);
  }

  public void revoke(Invite invite) {
    act(
        "Revoked the invite for " + invite.email() + ".",
        run(() -> actions.revokeInvite(invite.id(), invite.version())),
        StaleEditViewModel.invite(
            invite, now -> () -> actions.revokeInvite(now.id(), now.version())));
  }

  /** Re-issues an invite; its new token is shown once in {@link #issuedTokenProperty()}. */
  public void reissue(Invite invite) {
    if (refuseOffline()) {
      return;
    }
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
        .onFailure(failure -> refused(failure, null, null));
  }

  public void forgetIssuedToken() {
    issuedToken.set("");
  }

  public void expireInvites() {
    if (refuseOffline()) {
      return;
    }
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
        .onFailure(failure -> refused(failure, null, null));
  }

  public void setStatus(WorkspaceStatus status) {
    WorkspaceDetails current = details.get();
    if (current == null) {
      return;
    }
    long id = current.settings().id();
    act(
        "Workspace is now " + status.dbValue() + ".",
        run(() -> actions.setWorkspaceStatus(id, current.settings().version(), status)),
        StaleEditViewModel.status(
            current.settings(),
            status,
            now -> () -> actions.setWorkspaceStatus(id, now.version(), status)));
  }

  /** Adds a note; {@code supersedes} is the id of the note it replaces, or null. */
  public void addNote(String body, NoteVisibility visibility, Long subjectUserId, Long supersedes) {
    addNote(body, visibility, subjectUserId, supersedes, () -> {});
  }

  /** Adds a note; {@code onSaved} runs once it is saved (the view then clears the form). */
  public void addNote(
      String body,
      NoteVisibility visibility,
      Long subjectUserId,
      Long supersedes,
      Runnable onSaved) {
    if (body == null || body.isBlank()) {
      error.set("Write the note first.");
      return;
    }
    long id = openId.get();
    act(
        "Note added.",
        () -> actions.addNote(id, subjectUserId, body, visibility, supersedes),
        null,
        onSaved);
  }

  /** Does the refused action again on the record as it is now. */
  public void reapply() {
    Callable<?> again = stale.again();
    if (again != null) {
      act(stale.done(), again, stalePlan);
    }
  }

  public void discardStale() {
    stale.clear();
  }

  private static Callable<Object> run(Runnable action) {
    return () -> {
      action.run();
      return null;
    };
  }

  private boolean refuseOffline() {
    if (!online.get()) {
      message.set("");
      error.set(OFFLINE);
      return true;
    }
    return false;
  }

  private void act(String done, Callable<?> action, Function<WorkspaceDetails, Redo> plan) {
    act(done, action, plan, () -> {});
  }

  private void act(
      String done, Callable<?> action, Function<WorkspaceDetails, Redo> plan, Runnable onSaved) {
    if (refuseOffline()) {
      return;
    }
    busy.set(true);
    stale.clear();
    tasks
        .run(action)
        .onSuccess(
            ignored -> {
              busy.set(false);
              error.set("");
              message.set(done);
              onSaved.run();
              reload();
            })
        .onFailure(failure -> refused(failure, done, plan));
  }

  private void refused(Throwable failure, String done, Function<WorkspaceDetails, Redo> plan) {
    busy.set(false);
    message.set("");
    if (plan != null && failure instanceof WorkspaceActionException w && w.stale()) {
      error.set("");
      long id = openId.get();
      tasks
          .run(() -> source.apply(id))
          .onSuccess(
              fresh -> {
                if (fresh.settings().id() == openId.get()) {
                  details.set(fresh);
                  stalePlan = plan;
                  stale.show(w.getMessage(), done, plan.apply(fresh));
                }
              })
          .onFailure(f -> error.set(ErrorText.describe(failure)));
      return;
    }
    error.set(
        failure instanceof IllegalArgumentException
            ? failure.getMessage()
            : ErrorText.describe(failure));
    reload();
  }

  public ReadOnlyObjectProperty<WorkspaceDetails> detailsProperty() {
    return details.getReadOnlyProperty();
  }

  /** The id of the open workspace, -1 before one is opened. */
  public ReadOnlyLongProperty openIdProperty() {
    return openId.getReadOnlyProperty();
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

  /** What someone else changed while the workspace was open, with who; empty when nothing. */
  public ReadOnlyStringProperty changedTextProperty() {
    return changedText.getReadOnlyProperty();
  }

  public StaleEditViewModel stale() {
    return stale;
  }
}
