package dev.arbiter.app.disputes;

import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.app.disputes.DisputeCaseViewModel.CommandRunner;
import dev.arbiter.app.disputes.DisputeCaseViewModel.Confirmer;
import dev.arbiter.app.disputes.DisputeCaseViewModel.OutcomeChecker;
import dev.arbiter.model.disputes.MessageVisibility;
import dev.arbiter.persistence.disputes.DisputeActionRefused;
import dev.arbiter.persistence.disputes.DisputeCase;
import dev.arbiter.persistence.disputes.DisputeCommand;
import dev.arbiter.persistence.disputes.DisputeCommandRules;
import dev.arbiter.persistence.session.ConnectionFailures;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.value.ObservableBooleanValue;

/**
 * Takes the agent's command on the open case to the database: inputs are checked first (messages go
 * next to the field), money-moving or hard-to-undo commands ask for confirmation, nothing is sent
 * offline, and the result is shown. A stale refusal lists what changed and reloads the case; the
 * change can then be re-applied ({@link StaleRetry}). A save whose connection dropped is settled by
 * its key ({@link UnknownOutcome}).
 */
final class CommandSender {

  static final String OFFLINE =
      "You are offline, so nothing was sent. Your text is kept; send it again once the connection"
          + " is back.";

  private final CommandRunner runner;
  private final TaskRunner tasks;
  private final Clock clock;
  private final CaseForms forms;
  private final CaseState state;
  private final CaseLoader loader;
  private final CaseWatcher watcher;
  private final StaleRetry staleRetry;
  private final ObservableBooleanValue online;
  private final Consumer<Long> onChanged;
  private final UnknownOutcome outcome;
  private Confirmer confirmer = description -> true;

  /**
   * @param onChanged told the id of a case this console changed (or found changed by others)
   */
  CommandSender(
      CommandRunner runner,
      TaskRunner tasks,
      Clock clock,
      CaseForms forms,
      CaseState state,
      CaseLoader loader,
      CaseWatcher watcher,
      StaleRetry staleRetry,
      ObservableBooleanValue online,
      OutcomeChecker outcomes,
      Consumer<Long> onChanged) {
    this.runner = runner;
    this.tasks = tasks;
    this.clock = clock;
    this.forms = forms;
    this.state = state;
    this.loader = loader;
    this.watcher = watcher;
    this.staleRetry = staleRetry;
    this.online = online;
    this.onChanged = onChanged;
    this.outcome = new UnknownOutcome(outcomes::committed, tasks, online, this::savedAfterAll);
  }

  void setConfirmer(Confirmer confirmer) {
    this.confirmer = confirmer;
  }

  UnknownOutcome outcome() {
    return outcome;
  }

  /**
   * Checks the inputs, asks to confirm if needed and sends; {@code action} null: a typing error.
   */
  void run(Pending action) {
    if (action == null) {
      return;
    }
    DisputeCommand command = action.command();
    forms.clearErrors();
    DisputeCase shown = state.current.get();
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

  /** Sends the action whose connection dropped again, under its own key (so it acts once). */
  void retry() {
    Pending again = outcome.retry();
    if (again != null) {
      send(again);
    }
  }

  /** Re-applies the change refused as stale on the case as it is now (fresh version, new key). */
  void reapply() {
    DisputeCase shown = state.current.get();
    if (shown == null || state.busy.get()) {
      return;
    }
    Pending again = staleRetry.take(shown);
    if (again != null) {
      state.staleChanges.clear();
      state.error.set("");
      run(again);
    }
  }

  private void send(Pending action) {
    DisputeCommand command = action.command();
    if (!online.get()) {
      state.error.set(OFFLINE);
      return;
    }
    if (outcome.checking()) {
      state.error.set(UnknownOutcome.CHECKING);
      return;
    }
    state.busy.set(true);
    tasks
        .run(() -> runner.execute(command))
        .onSuccess(
            result -> {
              state.busy.set(false);
              saved(action, result.message());
            })
        .onFailure(
            failure -> {
              state.busy.set(false);
              if (failure instanceof DisputeActionRefused refusal) {
                showRefusal(command, refusal);
                if (refusal.reason() == DisputeActionRefused.Reason.STALE) {
                  staleRetry.refused(action, state.current.get(), clock.instant());
                }
              } else if (ConnectionFailures.isConnectionLost(failure)) {
                state.error.set("");
                outcome.lost(action);
              } else {
                state.error.set(ErrorText.describe(failure));
              }
              watcher.settled();
            });
  }

  private void saved(Pending action, String message) {
    state.error.set("");
    state.staleChanges.clear();
    staleRetry.forget();
    watcher.acknowledge();
    state.notice.set(message);
    action.onDone().run();
    onChanged.accept(action.command().seen().id());
    loader.reload();
  }

  private void savedAfterAll(Pending action) {
    saved(
        action,
        "Saved: "
            + action.command().description()
            + ". The connection dropped while it was saved; it was saved once.");
  }

  private void showRefusal(DisputeCommand command, DisputeActionRefused refused) {
    String field = refused.field();
    if ("body".equals(field) && command instanceof DisputeCommand.PostMessage m) {
      field = m.visibility() == MessageVisibility.INTERNAL ? "note" : "body";
    }
    if (field != null && forms.showError(field, refused.getMessage())) {
      return;
    }
    state.error.set(refused.getMessage());
    if (refused.reason() == DisputeActionRefused.Reason.STALE) {
      state.staleChanges.setAll(
          refused.changes().stream()
              .map(c -> c.field() + ": " + c.seen() + " → " + c.now())
              .toList());
      // Show the case as it is now; the agent's typed text stays in the form.
      loader.reloadKeepingRefusal();
      onChanged.accept(command.seen().id());
    }
  }
}
