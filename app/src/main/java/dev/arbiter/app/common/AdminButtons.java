package dev.arbiter.app.common;

import java.util.function.BooleanSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableObjectValue;
import javafx.scene.control.Button;

/**
 * The rule the admin tables' buttons follow: only an admin may press them, and only while they can
 * act. The database refuses a non-admin anyway; a disabled button says so before anyone tries.
 */
public final class AdminButtons {

  private AdminButtons() {}

  /** Enabled for an admin while {@code usable} holds; {@code admin} is asked again each time. */
  public static void enableWhen(
      BooleanSupplier admin, ObservableBooleanValue usable, Button... buttons) {
    BooleanBinding blocked =
        Bindings.createBooleanBinding(() -> !admin.getAsBoolean() || !usable.get(), usable);
    for (Button button : buttons) {
      button.disableProperty().bind(blocked);
    }
  }

  /** Enabled for an admin while a row is selected and nothing the view sent is on its way. */
  public static void onSelectedRow(
      BooleanSupplier admin,
      ObservableObjectValue<?> selected,
      ObservableBooleanValue busy,
      Button... buttons) {
    enableWhen(admin, Bindings.isNotNull(selected).and(Bindings.not(busy)), buttons);
  }
}
