package dev.arbiter.app.releases;

import dev.arbiter.app.common.ErrorText;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the reviewer is told about their last action and whether a call is in flight. A view model
 * shares it with the flows it hands work to, so they all speak on the one message line.
 */
final class ActionFeedback {

  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

  void say(String text, boolean isError) {
    message.set(text);
    error.set(isError);
  }

  void clear() {
    message.set("");
  }

  void busy(boolean now) {
    busy.set(now);
  }

  boolean busy() {
    return busy.get();
  }

  /** The flag itself, for the view's command slot to set while a command is on its way. */
  BooleanProperty busyFlag() {
    return busy;
  }

  /** The call failed outright: it is over, and the reviewer reads why. */
  void failed(Throwable failure) {
    busy.set(false);
    say(ErrorText.describe(failure), true);
  }

  ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  ReadOnlyBooleanProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }
}
