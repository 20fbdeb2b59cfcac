package dev.arbiter.app.moderation;

import dev.arbiter.app.common.DateTimes;
import dev.arbiter.app.common.OfflineMarks;
import dev.arbiter.app.common.ViewLoader;
import dev.arbiter.persistence.moderation.DecisionEntry;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.stage.Window;

/** The decision log, with undo for decisions made today. */
final class DecisionLogDialog {

  @FXML private Dialog<ButtonType> dialog;
  @FXML private ListView<DecisionEntry> list;
  @FXML private Button undo;
  @FXML private Label status;

  private final DecisionLogViewModel model;
  private final DateTimes dates;

  private DecisionLogDialog(DecisionLogViewModel model, DateTimes dates) {
    this.model = model;
    this.dates = dates;
    ViewLoader.load(this);
  }

  static void show(Window owner, DecisionLogViewModel model, DateTimes dates) {
    DecisionLogDialog log = new DecisionLogDialog(model, dates);
    log.dialog.initOwner(owner);
    model.refresh();
    log.dialog.show();
  }

  @FXML
  private void initialize() {
    list.setItems(model.entries());
    list.setCellFactory(
        v ->
            new ListCell<>() {
              @Override
              protected void updateItem(DecisionEntry item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : DecisionLogViewModel.describe(item, dates));
              }
            });
    OfflineMarks.needsDatabase(undo);
    undo.disableProperty()
        .bind(
            Bindings.createBooleanBinding(
                () -> {
                  DecisionEntry selected = list.getSelectionModel().getSelectedItem();
                  return selected == null || !selected.undoable();
                },
                list.getSelectionModel().selectedItemProperty()));
    status.textProperty().bind(model.statusProperty());
  }

  @FXML
  private void undo() {
    model.undo(list.getSelectionModel().getSelectedItem());
  }
}
