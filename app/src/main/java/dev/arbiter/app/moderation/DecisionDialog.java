package dev.arbiter.app.moderation;

import dev.arbiter.model.moderation.FlagDecision;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

/**
 * Asks for a decision on one item. Non-blocking: {@code onConfirm} gets the filled form when the
 * moderator confirms, nothing happens on cancel.
 */
final class DecisionDialog {

  private DecisionDialog() {}

  static void show(
      Window owner,
      FlagDecision initial,
      String target,
      Consumer<DecisionFormViewModel> onConfirm) {
    DecisionFormViewModel model = new DecisionFormViewModel(initial, target);
    Dialog<ButtonType> dialog = new Dialog<>();
    dialog.initOwner(owner);
    dialog.setResizable(true);
    dialog.setTitle("Decide " + target);
    dialog.setHeaderText("Decide " + target);
    dialog.getDialogPane().setId("decisionDialog");
    dialog.getDialogPane().setPrefWidth(720);
    dialog.getDialogPane().setContent(DecisionForm.build(model));
    ButtonType confirm = new ButtonType("Confirm", ButtonType.OK.getButtonData());
    dialog.getDialogPane().getButtonTypes().addAll(confirm, ButtonType.CANCEL);
    Button confirmButton = (Button) dialog.getDialogPane().lookupButton(confirm);
    confirmButton.setId("decisionConfirm");
    confirmButton.disableProperty().bind(model.validProperty().not());
    dialog
        .resultProperty()
        .addListener(
            (obs, old, result) -> {
              if (result == confirm) {
                onConfirm.accept(model);
              }
            });
    dialog.show();
  }
}
