package dev.arbiter.app.releases;

import atlantafx.base.theme.Styles;
import dev.arbiter.app.releases.BulkReleaseViewModel.Line;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The bulk release: the dry-run preview, then execution with progress and a line per item. */
final class BulkReleaseView {

  private final VBox root;

  BulkReleaseView(BulkReleaseViewModel model) {
    Label summary = new Label();
    summary.setId("bulkSummary");
    summary.setWrapText(true);
    summary.textProperty().bind(model.summaryProperty());
    ProgressBar progress = new ProgressBar();
    progress.setId("bulkProgress");
    progress.setMaxWidth(Double.MAX_VALUE);
    progress.progressProperty().bind(model.progressProperty());
    ListView<Line> lines = new ListView<>(model.lines());
    lines.setId("bulkLines");
    lines.setPlaceholder(
        new Label("Select approved checkpoints in the queue, then choose Bulk release."));
    lines.setCellFactory(
        list ->
            new ListCell<>() {
              @Override
              protected void updateItem(Line line, boolean empty) {
                super.updateItem(line, empty);
                if (empty || line == null) {
                  setText(null);
                  setGraphic(null);
                  return;
                }
                setText("Checkpoint " + line.checkpointId() + " — " + line.result());
                FontIcon icon = new FontIcon(line.ok() ? Feather.CHECK : Feather.X);
                icon.getStyleClass().add(line.ok() ? "gate-pass" : "gate-fail");
                setGraphic(icon);
              }
            });
    VBox.setVgrow(lines, Priority.ALWAYS);
    Button preview = new Button("Preview again", new FontIcon(Feather.EYE));
    preview.setId("bulkPreviewButton");
    preview.setOnAction(e -> model.preview());
    preview.disableProperty().bind(model.busyProperty());
    Button execute = new Button("Execute release", new FontIcon(Feather.SEND));
    execute.setId("bulkExecuteButton");
    execute.getStyleClass().add(Styles.ACCENT);
    execute.setOnAction(e -> model.execute());
    execute.disableProperty().bind(model.busyProperty().or(model.executableProperty().not()));
    Button cancel = new Button("Stop", new FontIcon(Feather.SQUARE));
    cancel.setId("bulkCancelButton");
    cancel.setOnAction(e -> model.cancel());
    cancel.disableProperty().bind(model.busyProperty().not());
    HBox actions = new HBox(8, preview, execute, cancel);
    actions.setAlignment(Pos.CENTER_LEFT);
    Label hint =
        new Label(
            "Each item is released in its own transaction under its own key: a refusal does not stop"
                + " the others, and executing again after an interruption pays nothing twice.");
    hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    hint.setWrapText(true);
    root = new VBox(8, hint, summary, progress, lines, actions);
  }

  Node node() {
    return root;
  }
}
