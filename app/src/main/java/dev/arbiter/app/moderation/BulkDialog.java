package dev.arbiter.app.moderation;

import dev.arbiter.app.common.OfflineMarks;
import dev.arbiter.app.common.ViewLoader;
import dev.arbiter.model.moderation.FlagDecision;
import dev.arbiter.persistence.moderation.ItemKey;
import java.util.Map;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Window;

/**
 * The bulk action: what it targets (with the count first), the decision form, then one result line
 * per item. The Run button stays in the dialog so the results show where the action was started,
 * and so does Retry the rest, for a run that a lost connection cut short.
 */
final class BulkDialog {

  @FXML private Dialog<ButtonType> dialog;
  @FXML private ButtonType run;
  @FXML private ButtonType retry;
  @FXML private Label scope;
  @FXML private Label summary;
  @FXML private ListView<String> results;

  private final BulkViewModel model;
  private final DecisionFormViewModel form =
      new DecisionFormViewModel(FlagDecision.DISMISS, "each item");

  private BulkDialog(BulkViewModel model) {
    this.model = model;
    ViewLoader.load(this, Map.of("form", new DecisionForm(form).node()));
  }

  static void show(Window owner, BulkViewModel model) {
    BulkDialog bulk = new BulkDialog(model);
    bulk.dialog.initOwner(owner);
    bulk.dialog.show();
  }

  @FXML
  private void initialize() {
    scope.textProperty().bind(model.scopeProperty());
    summary.textProperty().bind(model.summaryProperty());
    results.setItems(model.results());
    Button runButton = (Button) dialog.getDialogPane().lookupButton(run);
    runButton.setId("bulkRun");
    runButton
        .disableProperty()
        .bind(model.readyProperty().not().or(form.validProperty().not()).or(model.doneProperty()));
    runButton.addEventFilter(
        ActionEvent.ACTION,
        e -> {
          // Keep the dialog open to show the per-item results.
          e.consume();
          ItemKey first = model.keys().get(0);
          model.run(form.build(first));
        });
    // Shown once a lost connection left items over; waits (disabled) while offline.
    Button retryButton = (Button) dialog.getDialogPane().lookupButton(retry);
    retryButton.setId("bulkRetry");
    OfflineMarks.needsDatabase(runButton, retryButton);
    retryButton.visibleProperty().bind(model.retryOfferedProperty());
    retryButton.disableProperty().bind(model.retryableProperty().not());
    retryButton.addEventFilter(
        ActionEvent.ACTION,
        e -> {
          e.consume();
          model.retryRest();
        });
  }
}
