package dev.arbiter.app.disputes;

import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.model.disputes.DisputePriority;
import dev.arbiter.model.disputes.DisputeStatus;
import dev.arbiter.model.disputes.MessageVisibility;
import dev.arbiter.persistence.disputes.ActionResult;
import dev.arbiter.persistence.disputes.DisputeActionRefused;
import dev.arbiter.persistence.disputes.DisputeCase;
import dev.arbiter.persistence.disputes.DisputeCommand;
import dev.arbiter.persistence.disputes.DisputeCommandRules;
import dev.arbiter.persistence.disputes.DisputeSnapshot;
import dev.arbiter.persistence.session.ConnectionFailures;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One open case and the agent's actions on it. Every action becomes a {@link DisputeCommand}
 * carrying the version the agent saw; inputs are checked first (messages go next to the field),
 * money-moving or hard-to-undo commands ask for confirmation, and a stale view is refused with what
 * changed, then reloaded, and can be re-applied. The case follows others' changes ({@link
 * CaseWatcher}); nothing is sent offline, and a save whose connection dropped is settled by its key
 * ({@link UnknownOutcome}).
 */
public final class DisputeCaseViewModel {

  /** Reads a case (the case service, or a fake). */
  public interface CaseSource {
    Optional<DisputeCase> load(long id);
  }

  /** Runs a command (the action service, or a fake). */
  public interface CommandRunner {
    ActionResult execute(DisputeCommand command);
  }

  /** Asks the agent to confirm a command; the view shows a dialog. */
  public interface Confirmer {
    boolean confirm(String description);
  }

  static final String OFFLINE =
      "You are offline, so nothing was sent. Your text is kept; send it again once the connection"
          + " is back.";

  /** The format of deadlines typed by hand. */
  public static final DateTimeFormatter DUE_FORMAT = FormCommands.DUE_FORMAT;

  private final CaseSource source;
  private final CommandRunner runner;
  private final TaskRunner tasks;
  private final Clock clock;
  private final ZoneId zone;
  private final String login;
  private final Consumer<Long> onChanged;
  private final CaseForms forms = new CaseForms();
  private final ReadOnlyObjectWrapper<DisputeCase> current = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
  private final ObservableList<String> staleChanges = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<Long> formsFor = new ReadOnlyObjectWrapper<>();
  private final StaleRetry staleRetry = new StaleRetry();
  private final ObservableBooleanValue online;
  private final UnknownOutcome outcome;
  private final CaseWatcher watcher;
  private Confirmer confirmer = description -> true;
  private long loadGeneration;

  /**
   * @param online false while the database cannot be reached; nothing is sent then
   * @param outcomes settles an action whose connection dropped while it was saved
   */
  public DisputeCaseViewModel(
      CaseSource source,
      CommandRunner runner,
      TaskRunner tasks,
      Clock clock,
      ZoneId zone,
      String login,
      Consumer<Long> onChanged,
      ObservableBooleanValue online,
      OutcomeChecker outcomes) {
    this.source = source;
    this.runner = runner;
    this.tasks = tasks;
    this.clock = clock;
    this.zone = zone;
    this.login = login;
    this.onChanged = onChanged;
    this.online = online;
    this.outcome = new UnknownOutcome(outcomes::committed, tasks, online, this::savedAfterAll);
    this.watcher = new CaseWatcher(source, tasks, current::get, this::quiet, current::set);
    current.addListener((obs, was, now) -> staleRetry.update(now, clock.instant()));
  }

  /** Whether an action keyed so was committed ({@code CommitOutcomes::committed}, or a fake). */
  public interface OutcomeChecker {
    boolean committed(String idempotencyKey) throws Exception;
  }

  /** Opens the case {@code id}, replacing the one shown (and its unsent inputs). */
  public void open(long id) {
    DisputeCase shown = current.get();
    if (shown == null || shown.header().id() != id) {
      // The forms leave the old case before they are emptied, so its drafts are kept.
      formsFor.set(null);
      forms.reset();
      staleChanges.clear();
      notice.set("");
      staleRetry.forget();
      watcher.acknowledge();
      formsFor.set(id);
    }
    load(id, false);
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
    if (current.get() != null) {
      load(current.get().header().id(), false);
    }
  }

  /** Reads the case again and keeps the refusal on screen, so the agent sees what changed. */
  private void reloadKeepingRefusal() {
    load(current.get().header().id(), true);
  }

  private void load(long id, boolean keepRefusal) {
    long mine = ++loadGeneration;
    busy.set(true);
    tasks
        .run(() -> source.load(id))
        .onSuccess(
            found -> {
              if (mine != loadGeneration) {
                return;
              }
              if (found.isEmpty()) {
                error.set("That dispute no longer exists.");
              } else {
                if (!keepRefusal) {
                  error.set("");
                }
                current.set(found.get());
              }
              idle();
            })
        .onFailure(
            failure -> {
              if (mine == loadGeneration) {
                error.set(ErrorText.describe(failure));
                idle();
              }
            });
  }

  public void sendReply() {
    post(MessageVisibility.PARTIES, forms.reply.get());
  }

  public void addNote() {
    post(MessageVisibility.INTERNAL, forms.note.get());
  }

  private void post(MessageVisibility visibility, String body) {
    withCase(seen -> run(FormCommands.message(forms, visibility, seen)));
  }

  public void assignToMe() {
    assignTo(login, "you");
  }

  /** Assigns the case to {@code agentLogin} (null: to nobody). */
  public void assignTo(String agentLogin, String agentName) {
    withCase(
        seen ->
            run(
                new DisputeCommand.Assign(seen, agentLogin, agentName, DisputeCommand.newKey()),
                () -> {}));
  }

  public void changeStatus(DisputeStatus target) {
    withCase(
        seen ->
            run(new DisputeCommand.ChangeStatus(seen, target, DisputeCommand.newKey()), () -> {}));
  }

  public void escalate() {
    changeStatus(DisputeStatus.ESCALATED);
  }

  public void changePriority(DisputePriority priority) {
    withCase(
        seen ->
            run(
                new DisputeCommand.ChangePriority(seen, priority, DisputeCommand.newKey()),
                () -> {}));
  }

  /**
   * Sets the deadline typed in the form ("yyyy-MM-dd HH:mm", local time), or clears it if empty.
   */
  public void setDeadline() {
    forms.clearErrors();
    withCase(seen -> run(FormCommands.deadline(forms, zone, seen)));
  }

  /** Fills the deadline field with now plus {@code hours}. */
  public void dueIn(int hours) {
    forms.due.set(
        LocalDateTime.ofInstant(clock.instant().plusSeconds(hours * 3600L), zone)
            .format(DUE_FORMAT));
  }

  public void proposeSettlement() {
    forms.clearErrors();
    withCase(seen -> run(FormCommands.settlement(forms, seen)));
  }

  private void withCase(Consumer<DisputeSnapshot> action) {
    DisputeCase shown = current.get();
    if (shown != null && !busy.get()) {
      action.accept(shown.snapshot());
    }
  }

  private void run(DisputeCommand command, Runnable onDone) {
    run(new Pending(command, onDone));
  }

  /**
   * Checks the inputs, asks to confirm if needed and sends; {@code action} null: a typing error.
   */
  private void run(Pending action) {
    if (action == null) {
      return;
    }
    DisputeCommand command = action.command();
    forms.clearErrors();
    DisputeCase shown = current.get();
    Optional<DisputeActionRefused> problem =
        DisputeCommandRules.check(command, clock.instant(), shown.header().heldMinor());
    if (problem.isPresent()) {
      showRefusal(command, problem.get());
      return;
    }
    if (command.needsConfirmation() && !confirmer.confirm(command.description())) {
      return;
    }
    send(action);
  }

  private void send(Pending action) {
    DisputeCommand command = action.command();
    if (!online.get()) {
      error.set(OFFLINE);
      return;
    }
    if (outcome.checking()) {
      error.set(UnknownOutcome.CHECKING);
      return;
    }
    busy.set(true);
    tasks
        .run(() -> runner.execute(command))
        .onSuccess(
            result -> {
              busy.set(false);
              saved(action, result.message());
            })
        .onFailure(
            failure -> {
              busy.set(false);
              if (failure instanceof DisputeActionRefused refusal) {
                showRefusal(command, refusal);
                if (refusal.reason() == DisputeActionRefused.Reason.STALE) {
                  staleRetry.refused(action, current.get(), clock.instant());
                }
              } else if (ConnectionFailures.isConnectionLost(failure)) {
                error.set("");
                outcome.lost(action);
              } else {
                error.set(ErrorText.describe(failure));
              }
              watcher.settled();
            });
  }

  private void saved(Pending action, String message) {
    error.set("");
    staleChanges.clear();
    staleRetry.forget();
    watcher.acknowledge();
    notice.set(message);
    action.onDone().run();
    onChanged.accept(action.command().seen().id());
    reload();
  }

  private void savedAfterAll(Pending action) {
    saved(
        action,
        "Saved: "
            + action.command().description()
            + ". The connection dropped while it was saved; it was saved once.");
  }

  /** Sends the action whose connection dropped again, under its own key (so it acts once). */
  public void retry() {
    Pending again = outcome.retry();
    if (again != null) {
      send(again);
    }
  }

  /**
   * Re-applies the change refused because someone else saved first, on the case as it is now (fresh
   * version, new key); only offered while it still makes sense there.
   */
  public void reapply() {
    DisputeCase shown = current.get();
    if (shown == null || busy.get()) {
      return;
    }
    Pending again = staleRetry.take(shown);
    if (again != null) {
      staleChanges.clear();
      error.set("");
      run(again);
    }
  }

  private boolean quiet() {
    return !busy.get() && !outcome.checking();
  }

  private void idle() {
    busy.set(false);
    watcher.settled();
  }

  private void showRefusal(DisputeCommand command, DisputeActionRefused refused) {
    String field = refused.field();
    if ("body".equals(field) && command instanceof DisputeCommand.PostMessage m) {
      field = m.visibility() == MessageVisibility.INTERNAL ? "note" : "body";
    }
    if (field != null && forms.showError(field, refused.getMessage())) {
      return;
    }
    error.set(refused.getMessage());
    if (refused.reason() == DisputeActionRefused.Reason.STALE) {
      staleChanges.setAll(
          refused.changes().stream()
              .map(c -> c.field() + ": " + c.seen() + " → " + c.now())
              .toList());
      // Show the case as it is now; the agent's typed text stays in the form.
      reloadKeepingRefusal();
      onChanged.accept(command.seen().id());
    }
  }

  /** The statuses the agent may move the case to by hand from where it is. */
  public List<DisputeStatus> manualMoves() {
    DisputeCase shown = current.get();
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
    this.confirmer = confirmer;
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
    return current.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty noticeProperty() {
    return notice.getReadOnlyProperty();
  }

  public ObservableList<String> staleChanges() {
    return staleChanges;
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
    return outcome.messageProperty();
  }

  /** Whether the action whose connection dropped is known not to be saved and can be re-sent. */
  public ReadOnlyBooleanProperty canRetryProperty() {
    return outcome.retryableProperty();
  }
}
