package dev.arbiter.app.releases;

import dev.arbiter.app.common.FxmlView;
import dev.arbiter.app.releases.BulkReleaseViewModel.Line;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The bulk release: the dry-run preview, then execution with progress and a line per item. */
final class BulkReleaseView extends FxmlView<BulkReleaseViewModel> {

  @FXML private Label summary;
  @FXML private ProgressBar progress;
  @FXML private ListView<Line> lines;
  @FXML private Button preview;
  @FXML private Button execute;
  @FXML private Button cancel;

  BulkReleaseView(BulkReleaseViewModel model) {
    super(model);
  }

  @FXML
  private void initialize() {
    summary.textProperty().bind(model.summaryProperty());
    progress.progressProperty().bind(model.progressProperty());
    lines.setItems(model.lines());
    lines.setCellFactory(list -> new LineCell());
    preview.disableProperty().bind(model.busyProperty());
    execute.disableProperty().bind(model.busyProperty().or(model.executableProperty().not()));
    cancel.disableProperty().bind(model.busyProperty().not());
  }

  @FXML
  private void preview() {
    model.preview();
  }

  @FXML
  private void execute() {
    model.execute();
  }

  @FXML
  private void cancel() {
    model.cancel();
  }

  private static final class LineCell extends ListCell<Line> {
    @Override
    protected void updateItem(Line line, boolean empty) {
      super.updateItem(line, empty);
      if (empty || line == null) {
        setText(null);
        setGraphic(null);
        return;
      }
      setText(line.text());
      FontIcon icon = new FontIcon(line.ok() ? Feather.CHECK : Feather.X);
      icon.getStyleClass().add(line.ok() ? "gate-pass" : "gate-fail");
      setGraphic(icon);
    }
  }
}
