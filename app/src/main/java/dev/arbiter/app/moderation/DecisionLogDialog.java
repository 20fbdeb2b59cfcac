package dev.arbiter.app.moderation;

import dev.arbiter.app.common.OfflineMarks;
import dev.arbiter.persistence.moderation.DecisionEntry;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The decision log, with undo for decisions made today. */
final class DecisionLogDialog {

  private DecisionLogDialog() {}

  static void show(Window owner, DecisionLogViewModel model) {
    ListView<DecisionEntry> list = new ListView<>(model.entries());
    list.setId("decisionLog");
    list.setPrefSize(760, 360);
    list.setCellFactory(
        v ->
            new ListCell<>() {
              @Override
              protected void updateItem(DecisionEntry item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : DecisionLogViewModel.describe(item));
              }
            });
    Button undo = new Button("Undo selected");
    undo.setId("decisionLogUndo");
    OfflineMarks.needsDatabase(undo);
    undo.disableProperty()
        .bind(
            javafx.beans.binding.Bindings.createBooleanBinding(
                () -> {
                  DecisionEntry selected = list.getSelectionModel().getSelectedItem();
                  return selected == null || !selected.undoable();
                },
                list.getSelectionModel().selectedItemProperty()));
    undo.setOnAction(e -> model.undo(list.getSelectionModel().getSelectedItem()));
    Label status = new Label();
    status.setId("decisionLogStatus");
    status.textProperty().bind(model.statusProperty());
    Dialog<ButtonType> dialog = new Dialog<>();
    dialog.initOwner(owner);
    dialog.setResizable(true);
    dialog.setTitle("Decision log");
    dialog.getDialogPane().setId("decisionLogDialog");
    dialog.getDialogPane().setContent(new VBox(10, list, undo, status));
    dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    model.refresh();
    dialog.show();
  }
}
