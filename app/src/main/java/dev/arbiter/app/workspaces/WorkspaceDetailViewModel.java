package dev.arbiter.app.workspaces;

import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.app.common.command.CommandRunner;
import dev.arbiter.app.common.command.CommandSlot;
import dev.arbiter.app.common.command.StaffCommand;
import dev.arbiter.app.common.command.StaleOffer;
import dev.arbiter.app.common.command.StatusLines;
import dev.arbiter.app.live.ChangeSet;
import dev.arbiter.app.workspaces.StaleEdits.Again;
import dev.arbiter.app.workspaces.StaleEdits.Redo;
import dev.arbiter.model.workspaces.MemberRole;
import dev.arbiter.model.workspaces.NoteVisibility;
import dev.arbiter.model.workspaces.WorkspaceStatus;
import dev.arbiter.persistence.workspaces.InviteTokens;
import dev.arbiter.persistence.workspaces.WorkspaceActions;
import dev.arbiter.persistence.workspaces.WorkspaceDetails;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Invite;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Member;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Settings;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One workspace and the admin actions on it. Every action is a {@link StaffCommand} under its own
 * request key, sent through the view's {@link CommandSlot}: the database checks the rules and
 * audits the change; on success the workspace is read again, on refusal the database's sentence is
 * shown and nothing else changes. Support staff may read and add notes only. The workspace is read
 * again when it changes in the database ({@link WorkspaceReader}); an action refused because its
 * record changed meanwhile shows what changed ({@link #stale()}) and can be re-applied; one whose
 * connection dropped is settled by its key before {@link #retry()} is offered ({@link
 * ActionReply}).
 */
public final class WorkspaceDetailViewModel {

  /** What the detail reads and sends through; called off the FX thread. */
  public interface Port {
    WorkspaceDetails details(long workspaceId);

    /** A fresh key for one action the staff member asked for; its retries keep it. */
    String newRequestKey();

    /** The actions, each recorded under {@code requestKey}, so that a retry is done only once. */
    WorkspaceActions keyed(String requestKey);
  }

  static final String OFFLINE =
      "Offline: the database cannot be reached, so nothing was sent. Your text is kept; try again"
          + " once the connection is back.";

  private final Port port;
  private final boolean admin;
  private final StatusLines lines = new StatusLines();
  private final WorkspaceReader reader;
  private final StaleOffer<Again> stale = new StaleOffer<>();
  private final CommandSlot commands;
  private final ReadOnlyStringWrapper issuedToken = new ReadOnlyStringWrapper("");
  private final WorkspaceStatusRule toActive;
  private final WorkspaceStatusRule toSuspended;

  /**
   * @param commands sends the admin actions; nothing is sent while it is offline, text is kept
   * @param me the signed-in login: only what others changed is announced as a change
   */
  public WorkspaceDetailViewModel(
      Port port, TaskRunner tasks, CommandRunner commands, boolean admin, String me) {
    this.port = port;
    this.admin = admin;
    this.reader = new WorkspaceReader(port::details, tasks, me, lines);
    this.commands = new CommandSlot(commands, lines.busy());
    this.toActive = new WorkspaceStatusRule(reader.detailsProperty(), WorkspaceStatus.ACTIVE);
    this.toSuspended = new WorkspaceStatusRule(reader.detailsProperty(), WorkspaceStatus.SUSPENDED);
  }

  /** Whether the signed-in staff member may run admin actions (support may only add notes). */
  public boolean isAdmin() {
    return admin;
  }

  public void open(long id) {
    reader.select(id);
    issuedToken.set("");
    lines.message("");
    lines.error("");
    reader.clearChange();
    stale.clear();
    commands.forget();
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
        roleOn(member, role, member),
        StaleEdits.member(member, now -> roleOn(member, role, now)));
  }

  public void suspend(Member member) {
    act(
        "Suspended " + member.name() + ".",
        suspendOn(member),
        StaleEdits.member(member, this::suspendOn));
  }

  public void reactivate(Member member) {
    act(
        "Reactivated " + member.name() + ".",
        reactivateOn(member),
        StaleEdits.member(member, this::reactivateOn));
  }

  public void remove(Member member) {
    act(
        "Removed " + member.name() + ".",
        removeOn(member),
        StaleEdits.member(member, this::removeOn));
  }

  /** The second step of a transfer, after the view asked for confirmation. */
  public void transferOwnership(Member newOwner) {
    long id = reader.openId();
    act(
        newOwner.name() + " now owns the workspace.",
        keyed(
            "Make " + newOwner.name() + " the owner",
            k -> k.transferOwnership(id, newOwner.userId())),
        null);
  }

  public void revoke(Invite invite) {
    act(
        "Revoked the invite for " + invite.email() + ".",
        revokeOn(invite),
        StaleEdits.invite(invite, this::revokeOn));
  }

  /** Re-issues an invite; its new token is shown once in {@link #issuedTokenProperty()}. */
  public void reissue(Invite invite) {
    // The token is made once, with the key: a retry whose first send was saved can still show it.
    String token = InviteTokens.newToken();
    send(
        answering(
            "Re-issue the invite for " + invite.email(), k -> k.reissueInvite(invite.id(), token)),
        issued -> {
          issuedToken.set(issued.token());
          lines.message(
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
    send(
        answering("Expire the overdue invites", WorkspaceActions::expireInvites),
        count -> {
          lines.message(count == 1 ? "1 invite expired." : count + " invites expired.");
          reload();
        });
  }

  public void setStatus(WorkspaceStatus status) {
    WorkspaceDetails current = reader.details();
    if (current == null || rule(status).disabledProperty().get()) {
      return;
    }
    act(
        "Workspace is now " + status.dbValue() + ".",
        statusOn(current.settings(), status),
        StaleEdits.status(current.settings(), status, now -> statusOn(now, status)));
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
      lines.error("Write the note first.");
      return;
    }
    long id = reader.openId();
    act(
        "Note added.",
        keyed("Add a note", k -> k.addNote(id, subjectUserId, body, visibility, supersedes)),
        null,
        onSaved);
  }

  /** Does the refused action again on the record as it is now (a new action, with a new key). */
  public void reapply() {
    // The offer stays until the action goes out (offline, it waits for the connection).
    Again again = stale.offered();
    if (again != null) {
      act(again.done(), again.command(), again.plan(), () -> {});
    }
  }

  /** Sends the action the lost connection left unsaved again, under its own key. */
  public void retry() {
    commands.retry();
  }

  /** True once an action is known not saved after a lost connection: {@link #retry()} sends it. */
  public ReadOnlyBooleanProperty canRetryProperty() {
    return commands.retryableProperty();
  }

  public void discardStale() {
    stale.clear();
  }

  // The actions as commands, each on the version of its record it was decided on.

  private StaffCommand<Object> roleOn(Member named, MemberRole role, Member on) {
    return keyed(
        "Change " + named.name() + " to " + role.dbValue(),
        k -> k.changeRole(on.id(), on.version(), role));
  }

  private StaffCommand<?> suspendOn(Member on) {
    return keyed("Suspend " + on.name(), k -> k.suspendMember(on.id(), on.version()));
  }

  private StaffCommand<?> reactivateOn(Member on) {
    return keyed("Reactivate " + on.name(), k -> k.reactivateMember(on.id(), on.version()));
  }

  private StaffCommand<?> removeOn(Member on) {
    return keyed("Remove " + on.name(), k -> k.removeMember(on.id(), on.version()));
  }

  private StaffCommand<?> revokeOn(Invite on) {
    return keyed("Revoke the invite for " + on.email(), k -> k.revokeInvite(on.id(), on.version()));
  }

  private StaffCommand<?> statusOn(Settings on, WorkspaceStatus status) {
    return keyed(
        "Make the workspace " + status.dbValue(),
        k -> k.setWorkspaceStatus(on.id(), on.version(), status));
  }

  // One action under a fresh request key, which its retries keep. Found saved after its answer was
  // lost, it is sent once more under that key to read the answer it got (the database replays it).
  private <T> StaffCommand<T> answering(String description, Function<WorkspaceActions, T> action) {
    String key = port.newRequestKey();
    return StaffCommand.replaying(key, description, () -> action.apply(port.keyed(key)));
  }

  private StaffCommand<Object> keyed(String description, Consumer<WorkspaceActions> action) {
    return answering(
        description,
        k -> {
          action.accept(k);
          return null;
        });
  }

  private void act(String done, StaffCommand<?> action, Function<WorkspaceDetails, Redo> plan) {
    act(done, action, plan, () -> {});
  }

  /**
   * Runs {@code action} and reports {@code done}; {@code plan} turns it into its redo on the record
   * as it is now, or is null when a stale refusal cannot be re-applied. {@code onSaved} runs once
   * the action is known saved, and only then.
   */
  private <T> void act(
      String done,
      StaffCommand<T> action,
      Function<WorkspaceDetails, Redo> plan,
      Runnable onSaved) {
    send(
        action,
        ignored -> {
          lines.message(done);
          onSaved.run();
          reader.reload();
        },
        done,
        plan);
  }

  // An action whose report depends on its answer: saved says what it did and reads again.
  private <T> void send(StaffCommand<T> action, Consumer<T> saved) {
    send(action, saved, null, null);
  }

  private <T> void send(
      StaffCommand<T> action,
      Consumer<T> saved,
      String done,
      Function<WorkspaceDetails, Redo> plan) {
    commands.send(action, new ActionReply<>(lines, reader, stale, done, saved, plan));
  }

  private WorkspaceStatusRule rule(WorkspaceStatus status) {
    return status == WorkspaceStatus.ACTIVE ? toActive : toSuspended;
  }

  /** True when the open workspace cannot move to {@code status} (ACTIVE or SUSPENDED). */
  public ReadOnlyBooleanProperty statusDisabledProperty(WorkspaceStatus status) {
    return rule(status).disabledProperty();
  }

  /** Why the open workspace cannot move to {@code status} ("… already active."); or empty. */
  public ReadOnlyStringProperty statusRefusalProperty(WorkspaceStatus status) {
    return rule(status).refusalProperty();
  }

  public ReadOnlyObjectProperty<WorkspaceDetails> detailsProperty() {
    return reader.detailsProperty();
  }

  /** The id of the open workspace, -1 before one is opened. */
  public ReadOnlyLongProperty openIdProperty() {
    return reader.openIdProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return lines.busyProperty();
  }

  public ReadOnlyStringProperty messageProperty() {
    return lines.messageProperty();
  }

  public ReadOnlyStringProperty errorProperty() {
    return lines.errorProperty();
  }

  public ReadOnlyStringProperty issuedTokenProperty() {
    return issuedToken.getReadOnlyProperty();
  }

  /** What someone else changed while the workspace was open, with who; empty when nothing. */
  public ReadOnlyStringProperty changedTextProperty() {
    return reader.changedTextProperty();
  }

  /** An action refused because its record changed: what changed, and re-applying it. */
  public StaleOffer<?> stale() {
    return stale;
  }
}
