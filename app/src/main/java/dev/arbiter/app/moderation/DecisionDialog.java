package dev.arbiter.app.moderation;

import dev.arbiter.app.common.OfflineMarks;
import dev.arbiter.app.common.ViewLoader;
import dev.arbiter.app.live.DraftBinder;
import dev.arbiter.model.moderation.FlagDecision;
import java.util.Map;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/**
 * Asks for a decision on one item. Non-blocking: {@code onConfirm} gets the filled form when the
 * moderator confirms, nothing happens on cancel. The note is kept as a draft under {@code draftKey}
 * until the decision is saved, so a cancelled dialog, an outage or a crash loses none of it.
 */
final class DecisionDialog {

  @FXML private Dialog<ButtonType> dialog;
  @FXML private ButtonType confirm;

  private final DecisionFormViewModel model;
  private final DecisionForm form;
  private final String target;
  private final DraftBinder drafts;
  private final String draftKey;
  private final Consumer<Boolean> editing;

  private DecisionDialog(
      DecisionFormViewModel model,
      String target,
      DraftBinder drafts,
      String draftKey,
      Consumer<Boolean> editing) {
    this.model = model;
    this.form = new DecisionForm(model);
    this.target = target;
    this.drafts = drafts;
    this.draftKey = draftKey;
    this.editing = editing;
    ViewLoader.load(this, Map.of("form", form.node()));
  }

  static void show(
      Window owner,
      FlagDecision initial,
      String target,
      Consumer<DecisionFormViewModel> onConfirm,
      DraftBinder drafts,
      String draftKey,
      Consumer<Boolean> editing) {
    DecisionFormViewModel model = new DecisionFormViewModel(initial, target);
    new DecisionDialog(model, target, drafts, draftKey, editing).show(owner, onConfirm);
  }

  @FXML
  private void initialize() {
    dialog.setTitle("Decide " + target);
    dialog.setHeaderText("Decide " + target);
    TextArea note = form.note();
    drafts.bind(note, draftKey);
    // Colleagues see a pencil on the item while there is unsent text in the note.
    note.textProperty()
        .addListener((obs, old, text) -> editing.accept(text != null && !text.isBlank()));
    editing.accept(!note.getText().isBlank());
    dialog.setOnHidden(e -> editing.accept(false));
    Button confirmButton = (Button) dialog.getDialogPane().lookupButton(confirm);
    confirmButton.setId("decisionConfirm");
    OfflineMarks.needsDatabase(confirmButton);
    confirmButton.disableProperty().bind(model.validProperty().not());
  }

  private void show(Window owner, Consumer<DecisionFormViewModel> onConfirm) {
    dialog.initOwner(owner);
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
