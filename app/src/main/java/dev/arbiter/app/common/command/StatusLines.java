package dev.arbiter.app.common.command;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;

/**
 * A view's busy flag and its two lines about the staff member's own work: what was done, and what
 * went wrong. Shared by the view's reads and its {@link CommandSlot}, so they speak in one place.
 */
public final class StatusLines {

  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final StringProperty actionError = new SimpleStringProperty("");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

  public StatusLines() {
    this(new SimpleStringProperty(""));
  }

  /**
   * For a view whose reads keep their own error line (a {@code PagedList}'s): an action's failure
   * stays until the next action, and otherwise the error line says what the reads found.
   */
  public StatusLines(ObservableStringValue readError) {
    error.bind(Bindings.when(actionError.isEmpty()).then(readError).otherwise(actionError));
  }

  public void message(String text) {
    message.set(text);
  }

  public void error(String text) {
    actionError.set(text);
  }

  public String message() {
    return message.get();
  }

  /** The flag itself, for a {@link CommandSlot} or a read to set. */
  public BooleanProperty busy() {
    return busy;
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }
}
