package dev.arbiter.app.moderation;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;

/**
 * The item pane's busy flag and its message and error lines, shared by the commands on the item and
 * its decisions so that only one of them runs at a time and none is sent while offline.
 */
final class CommandStatus {

  private final ObservableBooleanValue online;
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

  CommandStatus(ObservableBooleanValue online) {
    this.online = online;
  }

  /**
   * Marks a command as running and clears the error line; false when one already runs, or when the
   * database cannot be reached (then the error line says so and nothing may be sent).
   */
  boolean start() {
    if (busy.get()) {
      return false;
    }
    if (!online.get()) {
      error.set(ItemViewModel.OFFLINE);
      return false;
    }
    busy.set(true);
    error.set("");
    return true;
  }

  /** The running command succeeded; {@code text} reports it. */
  void succeeded(String text) {
    busy.set(false);
    message.set(text);
  }

  /** The running command failed; the caller then says why, or what happens next. */
  void failed() {
    busy.set(false);
    message.set("");
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
