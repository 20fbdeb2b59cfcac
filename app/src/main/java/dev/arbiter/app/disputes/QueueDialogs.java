package dev.arbiter.app.disputes;

import dev.arbiter.app.common.Confirmation;
import dev.arbiter.persistence.disputes.DisputeBulkService.Outcome;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * The small dialogs of the disputes area. Saving a view is a form ({@link SaveViewDialog}, in
 * FXML); confirmations, results and the help are notices built here.
 */
final class QueueDialogs {

  /** Every shortcut, shown by the help overlay and in tooltips. */
  static final List<String[]> SHORTCUTS =
      List.of(
          new String[] {"j / ↓", "next dispute"},
          new String[] {"k / ↑", "previous dispute"},
          new String[] {"Enter", "open the selected dispute"},
          new String[] {"a", "assign the selected disputes to me"},
          new String[] {"/", "search"},
          new String[] {"?", "this help"},
          new String[] {"Shift/Ctrl + click", "select many for a bulk action"},
          new String[] {"Ctrl+Enter", "send the reply you are writing"},
          new String[] {"F5", "reload the queue"},
          new String[] {"Esc", "back to the queue from the search"});

  private final Node owner;

  QueueDialogs(Node owner) {
    this.owner = owner;
  }

  boolean confirm(String title, String description) {
    return Confirmation.ask(owner, title, description);
  }

  void showResults(List<Outcome> outcomes) {
    long done = outcomes.stream().filter(Outcome::done).count();
    ListView<String> list =
        new ListView<>(
            javafx.collections.FXCollections.observableArrayList(
                outcomes.stream()
                    .map(o -> (o.done() ? "✔ " : "✘ ") + o.reference() + " — " + o.message())
                    .toList()));
    list.setId("bulkResults");
    list.setPrefSize(640, 300);
    Alert alert = new Alert(Alert.AlertType.INFORMATION);
    alert.setTitle("Bulk result");
    alert.setHeaderText(done + " done, " + (outcomes.size() - done) + " refused");
    alert.getDialogPane().setContent(list);
    alert.getDialogPane().setId("bulkDialog");
    alert.initOwner(window());
    alert.showAndWait();
  }

  /** Asks for a view name and whether to share it; empty if cancelled. */
  Optional<SaveViewDialog.Answer> askViewName() {
    return new SaveViewDialog().showAndWait(window());
  }

  void showHelp() {
    GridPane grid = new GridPane();
    grid.setHgap(16);
    grid.setVgap(6);
    for (int i = 0; i < SHORTCUTS.size(); i++) {
      Label key = new Label(SHORTCUTS.get(i)[0]);
      key.getStyleClass().add("kbd");
      grid.addRow(i, key, new Label(SHORTCUTS.get(i)[1]));
    }
    Alert alert = new Alert(Alert.AlertType.INFORMATION);
    alert.setTitle("Keyboard shortcuts");
    alert.setHeaderText("Disputes: keyboard shortcuts");
    alert.getDialogPane().setContent(grid);
    alert.getDialogPane().setId("disputesHelp");
    alert.initOwner(window());
    alert.show();
  }

  private Window window() {
    return owner.getScene() == null ? null : owner.getScene().getWindow();
  }
}
