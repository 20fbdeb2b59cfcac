package dev.arbiter.app.audit;

import atlantafx.base.theme.Styles;
import dev.arbiter.app.audit.RecordHistoryViewModel.Item;
import dev.arbiter.app.common.Visibility;
import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A record's history as a vertical timeline: one node per change, oldest at the top, naming when,
 * who (and through which login) and what changed field by field. Embed {@link #node()} in any
 * record's detail pane after {@code model.load(type, id)}, or open it in a window of its own.
 */
public final class RecordHistoryView {

  private final VBox root;

  public RecordHistoryView(RecordHistoryViewModel model) {
    Label title = new Label();
    title.getStyleClass().add(Styles.TITLE_4);
    title.textProperty().bind(model.titleProperty());
    title.setId("historyTitle");
    Label note = new Label();
    note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    note.textProperty().bind(model.noteProperty());
    note.setId("historyNote");
    ProgressIndicator busy = new ProgressIndicator();
    busy.setPrefSize(18, 18);
    busy.visibleProperty().bind(model.loadingProperty());
    Label error = new Label();
    error.getStyleClass().add(Styles.DANGER);
    error.setWrapText(true);
    error.textProperty().bind(model.errorProperty());
    Visibility.showWhen(error, model.errorProperty().isNotEmpty());
    ListView<Item> timeline = new ListView<>(model.items());
    timeline.setId("historyTimeline");
    timeline.getStyleClass().add("history-timeline");
    timeline.setCellFactory(list -> new TimelineCell());
    timeline.setPlaceholder(new Label("No recorded changes."));
    VBox.setVgrow(timeline, Priority.ALWAYS);
    HBox head = new HBox(8, new VBox(2, title, note), busy);
    head.setAlignment(Pos.CENTER_LEFT);
    root = new VBox(8, head, error, timeline);
    root.getStyleClass().add("record-history");
    root.getStylesheets().add(stylesheet());
  }

  public Node node() {
    return root;
  }

  /** Opens the history in a window of its own over {@code owner}. */
  public static void showWindow(Window owner, RecordHistoryViewModel model) {
    Stage stage = new Stage();
    stage.initOwner(owner);
    stage.initModality(Modality.NONE);
    stage.titleProperty().bind(model.titleProperty());
    RecordHistoryView view = new RecordHistoryView(model);
    StackPane pane = new StackPane(view.node());
    pane.getStyleClass().add("record-history-window");
    Scene scene = new Scene(pane, 560, 640);
    if (owner != null && owner.getScene() != null) {
      scene.getStylesheets().addAll(owner.getScene().getStylesheets());
    }
    stage.setScene(scene);
    stage.show();
  }

  static String stylesheet() {
    return Objects.requireNonNull(RecordHistoryView.class.getResource("audit.css"))
        .toExternalForm();
  }

  /** A dot on a line, then the change. */
  private static final class TimelineCell extends ListCell<Item> {

    private final Label headline = new Label();
    private final Label action = new Label();
    private final Label changes = new Label();
    private final HBox graphic;

    TimelineCell() {
      Region line = new Region();
      line.getStyleClass().add("timeline-line");
      Circle dot = new Circle(5);
      dot.getStyleClass().add("timeline-dot");
      StackPane marker = new StackPane(line, dot);
      marker.getStyleClass().add("timeline-marker");
      StackPane.setAlignment(dot, Pos.TOP_CENTER);
      headline.getStyleClass().add(Styles.TEXT_BOLD);
      action.getStyleClass().add("action-badge");
      changes.setWrapText(true);
      // A wrapped label in a list cell otherwise keeps one line's height.
      changes.setMinHeight(Region.USE_PREF_SIZE);
      changes.getStyleClass().add("timeline-changes");
      HBox top = new HBox(8, headline, action);
      top.setAlignment(Pos.CENTER_LEFT);
      VBox body = new VBox(3, top, changes);
      HBox.setHgrow(body, Priority.ALWAYS);
      graphic = new HBox(10, marker, body);
      setPrefWidth(0);
    }

    @Override
    protected void updateItem(Item item, boolean empty) {
      super.updateItem(item, empty);
      if (empty || item == null) {
        setGraphic(null);
        return;
      }
      headline.setText(item.time() + " · " + item.who());
      action.setText(item.action());
      action.getStyleClass().removeIf(c -> c.startsWith("action-") && !c.equals("action-badge"));
      action.getStyleClass().add("action-" + item.action());
      changes.setText(String.join("\n", item.changes()));
      setGraphic(graphic);
    }
  }
}
