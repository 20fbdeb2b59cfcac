package dev.arbiter.app.disputes;

import dev.arbiter.app.common.OfflineMarks;
import dev.arbiter.app.common.ViewLoader;
import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextField;
import javafx.stage.Window;

/** Asks for the name of a saved view and whether the team shares it. */
final class SaveViewDialog {

  /** What was typed: the view's name and whether it is shared. */
  record Answer(String name, boolean shared) {}

  @FXML private Dialog<Answer> dialog;
  @FXML private TextField name;
  @FXML private CheckBox shared;

  SaveViewDialog() {
    ViewLoader.load(this);
  }

  /** Waits for the answer; empty if cancelled. */
  Optional<Answer> showAndWait(Window owner) {
    dialog.initOwner(owner);
    return dialog.showAndWait();
  }

  @FXML
  private void initialize() {
    Node save = dialog.getDialogPane().lookupButton(ButtonType.OK);
    save.disableProperty().bind(name.textProperty().isEmpty());
    save.setId("saveViewOk");
    OfflineMarks.needsDatabase(save);
    dialog.setResultConverter(
        b -> b == ButtonType.OK ? new Answer(name.getText(), shared.isSelected()) : null);
  }
}
