package dev.arbiter.app.workspaces;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;

/**
 * The workspace pane's busy flag and its message and error lines, written by the reads of the
 * workspace and by the actions on it; actions are refused while the database cannot be reached.
 */
final class ActionStatus {

  private final ObservableBooleanValue online;
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

  ActionStatus(ObservableBooleanValue online) {
    this.online = online;
  }

  /** True, with the reason in the error line, when nothing may be sent because offline. */
  boolean refuseOffline() {
    if (!online.get()) {
      message.set("");
      error.set(WorkspaceDetailViewModel.OFFLINE);
      return true;
    }
    return false;
  }

  void busy(boolean value) {
    busy.set(value);
  }

  void message(String text) {
    message.set(text);
  }

  void error(String text) {
    error.set(text);
  }

  ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }
}
