package dev.arbiter.app.disputes;

import dev.arbiter.persistence.disputes.DisputeCase;
import dev.arbiter.persistence.disputes.DisputeCommand;
import dev.arbiter.persistence.disputes.DisputeCommandRules;
import java.time.Instant;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The change refused because someone else saved the case first, kept so the agent can make it again
 * on the case as it is now with one click, as long as it still makes sense there.
 */
final class StaleRetry {

  private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
  private Pending refused;

  void refused(Pending action, DisputeCase shown, Instant now) {
    refused = action;
    update(shown, now);
  }

  void forget() {
    refused = null;
    available.set(false);
    note.set("");
  }

  /** The case shown changed: whether the refused change applies to it. */
  void update(DisputeCase shown, Instant now) {
    if (refused == null
        || shown == null
        || shown.header().id() != refused.command().seen().id()
        // Until the fresh case is read, a re-apply would be refused for the same reason.
        || shown.header().version() == refused.command().seen().version()) {
      available.set(false);
      note.set("");
      return;
    }
    Optional<String> problem =
        DisputeCommandRules.stillApplies(refused.command(), shown.header(), now);
    available.set(problem.isEmpty());
    note.set(problem.map(p -> "Your change cannot be re-applied: " + p).orElse(""));
  }

  /** The refused change rebuilt on {@code shown} under a new key, or null if not available. */
  Pending take(DisputeCase shown) {
    if (!available.get()) {
      return null;
    }
    Pending again =
        new Pending(
            refused.command().on(shown.snapshot(), DisputeCommand.newKey()), refused.onDone());
    forget();
    return again;
  }

  ReadOnlyBooleanProperty availableProperty() {
    return available.getReadOnlyProperty();
  }

  ReadOnlyStringProperty noteProperty() {
    return note.getReadOnlyProperty();
  }
}
