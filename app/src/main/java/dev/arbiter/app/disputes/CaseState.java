package dev.arbiter.app.disputes;

import dev.arbiter.persistence.disputes.DisputeCase;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the case view shows, shared by the parts of {@link DisputeCaseViewModel} that read the case
 * and send commands on it. FX thread.
 */
final class CaseState {

  /** The case as last read. */
  final ReadOnlyObjectWrapper<DisputeCase> current = new ReadOnlyObjectWrapper<>();

  /** Whether a read or an action of the agent's own is running. */
  final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

  final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
  final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");

  /** What someone else changed first, when the agent's action was refused as stale. */
  final ObservableList<String> staleChanges = FXCollections.observableArrayList();

  /** The open case's id; only call while a case is shown. */
  long id() {
    return current.get().header().id();
  }
}
