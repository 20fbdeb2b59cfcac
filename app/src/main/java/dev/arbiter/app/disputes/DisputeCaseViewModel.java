package dev.arbiter.app.disputes;

import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.app.common.command.CommandRunner;
import dev.arbiter.app.common.command.CommandSlot;
import dev.arbiter.model.disputes.DisputePriority;
import dev.arbiter.model.disputes.DisputeStatus;
import dev.arbiter.model.disputes.MessageVisibility;
import dev.arbiter.persistence.disputes.ActionResult;
import dev.arbiter.persistence.disputes.DisputeCase;
import dev.arbiter.persistence.disputes.DisputeCommand;
import dev.arbiter.persistence.disputes.DisputeSnapshot;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;

/**
 * One open case and the agent's actions on it; a coordinator of small parts. Every action becomes a
 * {@link DisputeCommand} carrying the version the agent saw, taken to the database by {@link
 * CommandSender} (input checks, confirmation, stale refusals) through the case's {@link
 * CommandSlot} (offline, one at a time, a save whose connection dropped). {@link CaseLoader} reads
 * the case, {@link CaseWatcher} follows others' changes to it, and {@link FormCommands} turns what
 * the agent typed into commands.
 */
public final class DisputeCaseViewModel {

  /** Reads a case (the case service, or a fake). */
  public interface CaseSource {
    Optional<DisputeCase> load(long id);
  }

  /** Runs a command (the action service, or a fake). */
  public interface Actions {
    ActionResult execute(DisputeCommand command);
  }

  /** Asks the agent to confirm a command; the view shows a dialog. */
  public interface Confirmer {
    boolean confirm(String description);
  }

  /** The format of deadlines typed by hand. */
  public static final DateTimeFormatter DUE_FORMAT = FormCommands.DUE_FORMAT;

  private final Clock clock;
  private final ZoneId zone;
  private final String login;
  private final CaseForms forms = new CaseForms();
  private final CaseState state = new CaseState();
  private final ReadOnlyObjectWrapper<Long> formsFor = new ReadOnlyObjectWrapper<>();
  private final StaleRetry staleRetry = new StaleRetry();
  private final CaseWatcher watcher;
  private final CaseLoader loader;
  private final CommandSlot slot;
  private final CommandSender sender;
  private final ReadOnlyStringWrapper assignToMeRefusal = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper assignToMeDisabled = new ReadOnlyBooleanWrapper(true);

  /**
   * @param commands sends the agent's commands; nothing is sent while it is offline, and an action
   *     whose connection dropped while it was saved is settled by its key
   * @param onChanged told the id of a case this console changed (or found changed by others)
   */
  public DisputeCaseViewModel(
      CaseSource source,
      Actions actions,
      TaskRunner tasks,
      CommandRunner commands,
      Clock clock,
      ZoneId zone,
      String login,
      Consumer<Long> onChanged) {
    this.clock = clock;
    this.zone = zone;
    this.login = login;
    this.watcher =
        new CaseWatcher(source, tasks, state.current::get, this::quiet, state.current::set);
    this.loader = new CaseLoader(source, tasks, state, watcher);
    this.slot = new CommandSlot(commands, state.busy);
    this.sender =
        new CommandSender(
            actions, slot, clock, forms, state, loader, watcher, staleRetry, onChanged);
    state.current.addListener((obs, was, now) -> staleRetry.update(now, clock.instant()));
    assignToMeRefusal.bind(
        Bindings.createStringBinding(() -> assignToMeRefusal(state.current.get()), state.current));
    assignToMeDisabled.bind(state.current.isNull().or(assignToMeRefusal.isNotEmpty()));
  }

  // The rules assign_dispute applies, checked before the agent clicks.
  private String assignToMeRefusal(DisputeCase shown) {
    if (shown == null) {
      return "";
    }
    DisputeCase.Header h = shown.header();
    if (!h.status().isOpen()) {
      return h.reference()
          + " is "
          + Labels.of(h.status()).toLowerCase(Locale.ROOT)
          + ": its assignee no longer changes.";
    }
    return login.equals(h.assignedTo()) ? h.reference() + " is already assigned to you." : "";
  }

  /** Opens the case {@code id}, replacing the one shown (and its unsent inputs). */
  public void open(long id) {
    DisputeCase shown = state.current.get();
    if (shown == null || shown.header().id() != id) {
      // The forms leave the old case before they are emptied, so its drafts are kept.
      formsFor.set(null);
      forms.reset();
      state.staleChanges.clear();
      state.notice.set("");
      // A refusal or failure said about the previous case does not belong to this one.
      state.error.set("");
      staleRetry.forget();
      watcher.acknowledge();
      formsFor.set(id);
    }
    loader.load(id, false);
  }

  /** The open case (or its thread, evidence or settlements) may have changed in the database. */
  public void liveChanged() {
    watcher.changed();
  }

  /** The agent read the banner and dismissed it. */
  public void acknowledgeChanges() {
    watcher.acknowledge();
  }

  /** Reads the open case again. */
  public void reload() {
    loader.reload();
  }

  public void sendReply() {
    post(MessageVisibility.PARTIES);
  }

  public void addNote() {
    post(MessageVisibility.INTERNAL);
  }

  private void post(MessageVisibility visibility) {
    withCase(seen -> sender.run(FormCommands.message(forms, visibility, seen)));
  }

  public void assignToMe() {
    if (!assignToMeDisabled.get()) {
      assignTo(login, "you");
    }
  }

  /** True when Assign to me cannot apply; {@link #assignToMeRefusalProperty} says why. */
  public ReadOnlyBooleanProperty assignToMeDisabledProperty() {
    return assignToMeDisabled.getReadOnlyProperty();
  }

  /** Why the case cannot be assigned to the agent ("… is already assigned to you."); or empty. */
  public ReadOnlyStringProperty assignToMeRefusalProperty() {
    return assignToMeRefusal.getReadOnlyProperty();
  }

  /** Assigns the case to {@code agentLogin} (null: to nobody). */
  public void assignTo(String agentLogin, String agentName) {
    withCase(
        seen ->
            run(new DisputeCommand.Assign(seen, agentLogin, agentName, DisputeCommand.newKey())));
  }

  public void changeStatus(DisputeStatus target) {
    withCase(seen -> run(new DisputeCommand.ChangeStatus(seen, target, DisputeCommand.newKey())));
  }

  public void escalate() {
    changeStatus(DisputeStatus.ESCALATED);
  }

  public void changePriority(DisputePriority priority) {
    withCase(
        seen -> run(new DisputeCommand.ChangePriority(seen, priority, DisputeCommand.newKey())));
  }

  /**
   * Sets the deadline typed in the form ("yyyy-MM-dd HH:mm", local time), or clears it if empty.
   */
  public void setDeadline() {
    forms.clearErrors();
    withCase(seen -> sender.run(FormCommands.deadline(forms, zone, seen)));
  }

  /** Fills the deadline field with now plus {@code hours}. */
  public void dueIn(int hours) {
    forms.due.set(
        LocalDateTime.ofInstant(clock.instant().plusSeconds(hours * 3600L), zone)
            .format(DUE_FORMAT));
  }

  public void proposeSettlement() {
    forms.clearErrors();
    withCase(seen -> sender.run(FormCommands.settlement(forms, seen)));
  }

  private void withCase(Consumer<DisputeSnapshot> action) {
    DisputeCase shown = state.current.get();
    if (shown != null && !state.busy.get()) {
      action.accept(shown.snapshot());
    }
  }

  /** A command that leaves the forms as they are once saved. */
  private void run(DisputeCommand command) {
    sender.run(new Pending(command, () -> {}));
  }

  /** Sends the action whose connection dropped again, under its own key (so it acts once). */
  public void retry() {
    sender.retry();
  }

  /**
   * Re-applies the change refused because someone else saved first, on the case as it is now (fresh
   * version, new key); only offered while it still makes sense there.
   */
  public void reapply() {
    sender.reapply();
  }

  private boolean quiet() {
    return !state.busy.get() && !sender.checking();
  }

  /** The statuses the agent may move the case to by hand from where it is. */
  public List<DisputeStatus> manualMoves() {
    DisputeCase shown = state.current.get();
    if (shown == null) {
      return List.of();
    }
    DisputeStatus status = shown.header().status();
    return status.nextStatuses().stream()
        .filter(s -> s != DisputeStatus.SETTLING && !status.requiresMoneyFunction(s))
        .sorted()
        .toList();
  }

  public void setConfirmer(Confirmer confirmer) {
    sender.setConfirmer(confirmer);
  }

  public CaseForms forms() {
    return forms;
  }

  public String login() {
    return login;
  }

  public Clock clock() {
    return clock;
  }

  public ZoneId zone() {
    return zone;
  }

  public ReadOnlyObjectProperty<DisputeCase> currentProperty() {
    return state.current.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return state.busy.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty errorProperty() {
    return state.error.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty noticeProperty() {
    return state.notice.getReadOnlyProperty();
  }

  public ObservableList<String> staleChanges() {
    return state.staleChanges;
  }

  /** The case the forms (and their drafts) belong to; null while switching cases. */
  public ReadOnlyObjectProperty<Long> formsForProperty() {
    return formsFor.getReadOnlyProperty();
  }

  /** What changed under the agent while the case was open, by whom; empty when nothing did. */
  public ReadOnlyStringProperty changedProperty() {
    return watcher.bannerProperty();
  }

  /** Whether the change refused as stale can be re-applied on the case as it is now. */
  public ReadOnlyBooleanProperty canReapplyProperty() {
    return staleRetry.availableProperty();
  }

  /** Why the refused change can no longer be re-applied, or empty. */
  public ReadOnlyStringProperty reapplyNoteProperty() {
    return staleRetry.noteProperty();
  }

  /** "Connection lost while saving…" while an action's outcome is unknown or it was not saved. */
  public ReadOnlyStringProperty outcomeProperty() {
    return sender.outcomeProperty();
  }

  /** Whether the action whose connection dropped is known not to be saved and can be re-sent. */
  public ReadOnlyBooleanProperty canRetryProperty() {
    return slot.retryableProperty();
  }
}
