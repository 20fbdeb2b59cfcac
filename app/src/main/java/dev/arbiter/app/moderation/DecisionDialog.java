package dev.arbiter.app.moderation;

import dev.arbiter.app.common.OfflineMarks;
import dev.arbiter.app.live.DraftBinder;
import dev.arbiter.model.moderation.FlagDecision;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks for a decision on one item. Non-blocking: {@code onConfirm} gets the filled form when the
 * moderator confirms, nothing happens on cancel. The note is kept as a draft under {@code draftKey}
 * until the decision is saved, so a cancelled dialog, an outage or a crash loses none of it.
 */
final class DecisionDialog {

  private DecisionDialog() {}

  static void show(
      Window owner,
      FlagDecision initial,
      String target,
      Consumer<DecisionFormViewModel> onConfirm,
      DraftBinder drafts,
      String draftKey,
      Consumer<Boolean> editing) {
    DecisionFormViewModel model = new DecisionFormViewModel(initial, target);
    Dialog<ButtonType> dialog = new Dialog<>();
    dialog.initOwner(owner);
    dialog.setResizable(true);
    dialog.setTitle("Decide " + target);
    dialog.setHeaderText("Decide " + target);
    dialog.getDialogPane().setId("decisionDialog");
    dialog.getDialogPane().setPrefWidth(720);
    VBox form = DecisionForm.build(model);
    dialog.getDialogPane().setContent(form);
    TextArea note = (TextArea) form.lookup("#decisionNote");
    drafts.bind(note, draftKey);
    // Colleagues see a pencil on the item while there is unsent text in the note.
    note.textProperty()
        .addListener((obs, old, text) -> editing.accept(text != null && !text.isBlank()));
    editing.accept(!note.getText().isBlank());
    dialog.setOnHidden(e -> editing.accept(false));
    ButtonType confirm = new ButtonType("Confirm", ButtonType.OK.getButtonData());
    dialog.getDialogPane().getButtonTypes().addAll(confirm, ButtonType.CANCEL);
    Button confirmButton = (Button) dialog.getDialogPane().lookupButton(confirm);
    confirmButton.setId("decisionConfirm");
    OfflineMarks.needsDatabase(confirmButton);
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
