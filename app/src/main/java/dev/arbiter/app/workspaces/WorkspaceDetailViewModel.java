package dev.arbiter.app.workspaces;

import dev.arbiter.app.common.OutcomeByKey;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.app.live.ChangeSet;
import dev.arbiter.app.workspaces.StaleEditViewModel.Redo;
import dev.arbiter.model.workspaces.MemberRole;
import dev.arbiter.model.workspaces.NoteVisibility;
import dev.arbiter.model.workspaces.WorkspaceStatus;
import dev.arbiter.persistence.workspaces.InviteTokens;
import dev.arbiter.persistence.workspaces.WorkspaceAdminService;
import dev.arbiter.persistence.workspaces.WorkspaceDetails;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Invite;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Member;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongFunction;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;

/**
 * One workspace and the admin actions on it. Every action goes to the database, which checks the
 * rules and audits the change; on success the workspace is read again, on refusal the database's
 * sentence is shown and nothing else changes. Support staff may read and add notes only. The
 * workspace is read again when it changes in the database ({@link WorkspaceReader}); an action
 * refused because its record changed meanwhile shows what changed ({@link #stale()}) and can be
 * re-applied ({@link ActionRunner}). Each action is sent under its own request key: one whose
 * connection dropped is settled by that key before {@link #retry()} is offered.
 */
public final class WorkspaceDetailViewModel {

  static final String OFFLINE =
      "Offline: the database cannot be reached, so nothing was sent. Your text is kept; try again"
          + " once the connection is back.";

  private final WorkspaceAdminService actions;
  private final boolean admin;
  private final ActionStatus actionStatus;
  private final WorkspaceReader reader;
  private final StaleEditViewModel stale = new StaleEditViewModel();
  private final ActionRunner runner;
  private final ReadOnlyStringWrapper issuedToken = new ReadOnlyStringWrapper("");

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
    this.actions = actions;
    this.admin = admin;
    this.actionStatus = new ActionStatus(online);
    this.reader = new WorkspaceReader(source, tasks, me, actionStatus);
    this.runner =
        new ActionRunner(
            tasks,
            actionStatus,
            reader,
            stale,
            new OutcomeByKey(actions::committed, tasks, online));
  }

  /** Whether the signed-in staff member may run admin actions (support may only add notes). */
  public boolean isAdmin() {
    return admin;
  }

  public void open(long id) {
    reader.select(id);
    issuedToken.set("");
    actionStatus.message("");
    actionStatus.error("");
    reader.clearChange();
    stale.clear();
    runner.forget();
    reload();
  }

  public void reload() {
    reader.reload();
  }

  /** Reads the open workspace again when {@code changes} may concern it. FX thread. */
  public void changed(ChangeSet changes) {
    reader.changed(changes);
  }

  public void changeRole(Member member, MemberRole role) {
    act(
        "Changed " + member.name() + " to " + role.dbValue() + ".",
        keyed(k -> k.changeRole(member.id(), member.version(), role)),
        StaleEditViewModel.member(
            member, now -> keyed(k -> k.changeRole(now.id(), now.version(), role))));
  }

  public void suspend(Member member) {
    act(
        "Suspended " + member.name() + ".",
        keyed(k -> k.suspendMember(member.id(), member.version())),
        StaleEditViewModel.member(
            member, now -> keyed(k -> k.suspendMember(now.id(), now.version()))));
  }

  public void reactivate(Member member) {
    act(
        "Reactivated " + member.name() + ".",
        keyed(k -> k.reactivateMember(member.id(), member.version())),
        StaleEditViewModel.member(
            member, now -> keyed(k -> k.reactivateMember(now.id(), now.version()))));
  }

  public void remove(Member member) {
    act(
        "Removed " + member.name() + ".",
        keyed(k -> k.removeMember(member.id(), member.version())),
        StaleEditViewModel.member(
            member, now -> keyed(k -> k.removeMember(now.id(), now.version()))));
  }

  /** The second step of a transfer, after the view asked for confirmation. */
  public void transferOwnership(Member newOwner) {
    long id = reader.openId();
    act(
        newOwner.name() + " now owns the workspace.",
        keyed(k -> k.transferOwnership(id, newOwner.userId())),
        null);
  }

  public void revoke(Invite invite) {
    act(
        "Revoked the invite for " + invite.email() + ".",
        keyed(k -> k.revokeInvite(invite.id(), invite.version())),
        StaleEditViewModel.invite(
            invite, now -> keyed(k -> k.revokeInvite(now.id(), now.version()))));
  }

  /** Re-issues an invite; its new token is shown once in {@link #issuedTokenProperty()}. */
  public void reissue(Invite invite) {
    // The token is made once, with the key: a retry whose first send was saved can still show it.
    String token = InviteTokens.newToken();
    runner.run(
        KeyedCall.returning(key -> actions.keyed(key).reissueInvite(invite.id(), token)),
        issued -> {
          issuedToken.set(issued.token());
          actionStatus.message(
              "New invite for "
                  + invite.email()
                  + ". Copy the token now: it is not stored and will not be shown again.");
          reload();
        });
  }

  public void forgetIssuedToken() {
    issuedToken.set("");
  }

  public void expireInvites() {
    runner.run(
        KeyedCall.returning(key -> actions.keyed(key).expireInvites()),
        count -> {
          actionStatus.message(count == 1 ? "1 invite expired." : count + " invites expired.");
          reload();
        });
  }

  public void setStatus(WorkspaceStatus status) {
    WorkspaceDetails current = reader.details();
    if (current == null) {
      return;
    }
    long id = current.settings().id();
    act(
        "Workspace is now " + status.dbValue() + ".",
        keyed(k -> k.setWorkspaceStatus(id, current.settings().version(), status)),
        StaleEditViewModel.status(
            current.settings(),
            status,
            now -> keyed(k -> k.setWorkspaceStatus(id, now.version(), status))));
  }

  /** Adds a note; {@code supersedes} is the id of the note it replaces, or null. */
  public void addNote(String body, NoteVisibility visibility, Long subjectUserId, Long supersedes) {
    addNote(body, visibility, subjectUserId, supersedes, () -> {});
  }

  /**
   * Adds a note; {@code onSaved} runs once it is known saved (the view then clears the form), and
   * not before: after a lost connection the text stays until its key says it was saved.
   */
  public void addNote(
      String body,
      NoteVisibility visibility,
      Long subjectUserId,
      Long supersedes,
      Runnable onSaved) {
    if (body == null || body.isBlank()) {
      actionStatus.error("Write the note first.");
      return;
    }
    long id = reader.openId();
    runner.act(
        "Note added.",
        keyed(k -> k.addNote(id, subjectUserId, body, visibility, supersedes)),
        null,
        onSaved);
  }

  /** Does the refused action again on the record as it is now. */
  public void reapply() {
    runner.reapply();
  }

  /** Sends the action the lost connection left unsaved again, under its own key. */
  public void retry() {
    runner.retry();
  }

  /** True once an action is known not saved after a lost connection: {@link #retry()} sends it. */
  public ReadOnlyBooleanProperty canRetryProperty() {
    return runner.canRetryProperty();
  }

  public void discardStale() {
    stale.clear();
  }

  // One action under a fresh request key, which its retries keep.
  private KeyedCall<Object> keyed(Consumer<WorkspaceAdminService> action) {
    return KeyedCall.of(key -> action.accept(actions.keyed(key)));
  }

  private void act(String done, KeyedCall<?> action, Function<WorkspaceDetails, Redo> plan) {
    runner.act(done, action, plan, () -> {});
  }

  public ReadOnlyObjectProperty<WorkspaceDetails> detailsProperty() {
    return reader.detailsProperty();
  }

  /** The id of the open workspace, -1 before one is opened. */
  public ReadOnlyLongProperty openIdProperty() {
    return reader.openIdProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return actionStatus.busyProperty();
  }

  public ReadOnlyStringProperty messageProperty() {
    return actionStatus.messageProperty();
  }

  public ReadOnlyStringProperty errorProperty() {
    return actionStatus.errorProperty();
  }

  public ReadOnlyStringProperty issuedTokenProperty() {
    return issuedToken.getReadOnlyProperty();
  }

  /** What someone else changed while the workspace was open, with who; empty when nothing. */
  public ReadOnlyStringProperty changedTextProperty() {
    return reader.changedTextProperty();
  }

  public StaleEditViewModel stale() {
    return stale;
  }
}
