package dev.arbiter.app.common;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;

/**
 * A button that cannot apply says why in its tooltip. A disabled control gets no mouse events, so
 * its own tooltip never shows; the reason goes on a wrapper put in the control's place, which the
 * pointer still reaches, and only while there is a reason.
 */
public final class DisabledReason {

  private DisabledReason() {}

  /**
   * Puts {@code control} in a wrapper (id {@code <control id>Reason}) whose tooltip reads {@code
   * reason} while it is not empty. The control must already sit in a {@link Pane}, without layout
   * constraints of its own (they would stay on the control); its disabling stays the caller's,
   * bound to the view model's flag for the same rule.
   */
  public static void explain(Control control, ObservableStringValue reason) {
    if (!(control.getParent() instanceof Pane parent)) {
      throw new IllegalStateException("explain a control once it sits in a pane: " + control);
    }
    int at = parent.getChildren().indexOf(control);
    StackPane wrapper = new StackPane();
    wrapper.setId(control.getId() == null ? null : control.getId() + "Reason");
    wrapper.setMinWidth(Control.USE_PREF_SIZE);
    parent.getChildren().set(at, wrapper);
    wrapper.getChildren().add(control);
    Tooltip tip = new Tooltip();
    tip.textProperty().bind(reason);
    update(wrapper, tip, reason.get());
    reason.addListener((obs, was, now) -> update(wrapper, tip, now));
  }

  private static void update(Node wrapper, Tooltip tip, String reason) {
    if (reason == null || reason.isEmpty()) {
      Tooltip.uninstall(wrapper, tip);
    } else {
      Tooltip.install(wrapper, tip);
    }
  }
}
