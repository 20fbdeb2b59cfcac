package dev.arbiter.app.disputes;

import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.command.CommandReply;
import dev.arbiter.app.common.command.CommandSlot;
import dev.arbiter.app.common.command.StaffCommand;
import dev.arbiter.app.disputes.DisputeCaseViewModel.Actions;
import dev.arbiter.app.disputes.DisputeCaseViewModel.Confirmer;
import dev.arbiter.model.disputes.MessageVisibility;
import dev.arbiter.persistence.disputes.ActionResult;
import dev.arbiter.persistence.disputes.DisputeActionRefused;
import dev.arbiter.persistence.disputes.DisputeCase;
import dev.arbiter.persistence.disputes.DisputeCommand;
import dev.arbiter.persistence.disputes.DisputeCommandRules;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Takes the agent's command on the open case to the database through the case's {@link
 * CommandSlot}: inputs are checked first (messages go next to the field), money-moving or
 * hard-to-undo commands ask for confirmation, and the result is shown. A stale refusal lists what
 * changed and reloads the case; the change can then be re-applied ({@link StaleRetry}). A save
 * whose connection dropped is settled by its key before Retry is offered.
 */
final class CommandSender {

  static final String OFFLINE =
      "You are offline, so nothing was sent. Your text is kept; send it again once the connection"
          + " is back.";
  static final String CHECKING = "Connection lost while saving; checking whether it was saved…";
  static final String NOT_SAVED =
      "Connection lost while saving; it was not saved. Your text is kept: Retry sends it once.";

  private final Actions actions;
  private final CommandSlot slot;
  private final Clock clock;
  private final CaseForms forms;
  private final CaseState state;
  private final CaseLoader loader;
  private final CaseWatcher watcher;
  private final StaleRetry staleRetry;
  private final Consumer<Long> onChanged;
  // "Connection lost while saving…" while an action's outcome is unknown or it was not saved.
  private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
  private Confirmer confirmer = description -> true;

  /**
   * @param onChanged told the id of a case this console changed (or found changed by others)
   */
  CommandSender(
      Actions actions,
      CommandSlot slot,
      Clock clock,
      CaseForms forms,
      CaseState state,
      CaseLoader loader,
      CaseWatcher watcher,
      StaleRetry staleRetry,
      Consumer<Long> onChanged) {
    this.actions = actions;
    this.slot = slot;
    this.clock = clock;
    this.forms = forms;
    this.state = state;
    this.loader = loader;
    this.watcher = watcher;
    this.staleRetry = staleRetry;
    this.onChanged = onChanged;
  }

  void setConfirmer(Confirmer confirmer) {
    this.confirmer = confirmer;
  }

  /** Whether actions must wait: the last one's outcome is being looked up. */
  boolean checking() {
    return slot.settling();
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
    // What the case's status rules out (a settlement on a case not escalated, say) is said before
    // the agent is asked to confirm, not refused by the database after.
    Optional<String> inapplicable =
        DisputeCommandRules.stillApplies(command, shown.header(), clock.instant());
    if (inapplicable.isPresent()) {
      state.error.set(inapplicable.get());
      return;
    }
    if (command.needsConfirmation() && !confirmer.confirm(command.description())) {
      return;
    }
    slot.send(
        StaffCommand.of(
            command.idempotencyKey(), command.description(), () -> actions.execute(command)),
        new Reply(action));
  }

  /** Sends the action whose connection dropped again, under its own key (so it acts once). */
  void retry() {
    slot.retry();
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

  private final class Reply implements CommandReply<ActionResult> {

    private final Pending action;

    Reply(Pending action) {
      this.action = action;
    }

    @Override
    public void sending() {
      outcome.set("");
    }

    @Override
    public void offline() {
      state.error.set(OFFLINE);
    }

    @Override
    public void held() {
      state.error.set(CHECKING);
    }

    @Override
    public void answered(ActionResult result) {
      saved(result.message());
    }

    @Override
    public void failed(Throwable failure) {
      DisputeCommand command = action.command();
      if (failure instanceof DisputeActionRefused refusal) {
        showRefusal(command, refusal);
        if (refusal.reason() == DisputeActionRefused.Reason.STALE) {
          staleRetry.refused(action, state.current.get(), clock.instant());
        }
      } else {
        state.error.set(ErrorText.describe(failure));
      }
      watcher.settled();
    }

    @Override
    public void checking() {
      state.error.set("");
      outcome.set(CHECKING);
      watcher.settled();
    }

    @Override
    public void savedAfterAll(ActionResult ignored) {
      outcome.set("");
      saved(
          "Saved: "
              + action.command().description()
              + ". The connection dropped while it was saved; it was saved once.");
    }

    // A retry is safe either way: it re-uses the key, so the database replays a saved action
    // instead of doing it twice.
    @Override
    public void notSaved(Throwable why) {
      outcome.set(
          why == null
              ? NOT_SAVED
              : "Could not find out whether it was saved ("
                  + ErrorText.describe(why)
                  + "). Retry sends it under the same key, so it cannot happen twice.");
    }

    private void saved(String message) {
      state.error.set("");
      state.staleChanges.clear();
      staleRetry.forget();
      watcher.acknowledge();
      state.notice.set(message);
      action.onDone().run();
      onChanged.accept(action.command().seen().id());
      loader.reload();
    }
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

  ReadOnlyStringProperty outcomeProperty() {
    return outcome.getReadOnlyProperty();
  }
}
