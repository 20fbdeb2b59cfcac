package dev.arbiter.app.moderation;

import dev.arbiter.app.common.OfflineMarks;
import dev.arbiter.model.moderation.FlagDecision;
import dev.arbiter.persistence.moderation.ItemKey;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The bulk action: what it targets (with the count first), the decision form, then one result line
 * per item. The Run button stays in the dialog so the results show where the action was started,
 * and so does Retry the rest, for a run that a lost connection cut short.
 */
final class BulkDialog {

  private BulkDialog() {}

  static void show(Window owner, BulkViewModel model) {
    DecisionFormViewModel form = new DecisionFormViewModel(FlagDecision.DISMISS, "each item");
    Label scope = new Label();
    scope.setId("bulkScope");
    scope.getStyleClass().add("moderation-title");
    scope.textProperty().bind(model.scopeProperty());
    Label summary = new Label();
    summary.setId("bulkSummary");
    summary.textProperty().bind(model.summaryProperty());
    ListView<String> results = new ListView<>(model.results());
    results.setId("bulkResults");
    results.setPrefHeight(180);
    VBox content = new VBox(12, scope, DecisionForm.build(form), summary, results);

    Dialog<ButtonType> dialog = new Dialog<>();
    dialog.initOwner(owner);
    dialog.setResizable(true);
    dialog.setTitle("Bulk action");
    dialog.getDialogPane().setId("bulkDialog");
    dialog.getDialogPane().setPrefWidth(720);
    dialog.getDialogPane().setContent(content);
    ButtonType run = new ButtonType("Run", ButtonType.APPLY.getButtonData());
    ButtonType retry = new ButtonType("Retry the rest", ButtonBar.ButtonData.OTHER);
    dialog.getDialogPane().getButtonTypes().addAll(run, retry, ButtonType.CLOSE);
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
    dialog.show();
  }
}
