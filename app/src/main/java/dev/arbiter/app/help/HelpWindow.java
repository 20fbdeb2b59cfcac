package dev.arbiter.app.help;

import java.util.List;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The help window: the topics on the left (the guide's index, then the areas the user may open),
 * the chosen page on the right. It is a window of its own, not a modal dialog, so the user can keep
 * it open beside the console while following its steps. One window per console, reused.
 */
public final class HelpWindow {

  /** A page of the help and the title it is listed under. */
  public record Topic(String id, String title) {}

  private final Stage stage = new Stage();
  private final ListView<Topic> topics = new ListView<>();
  private final ScrollPane content = new ScrollPane();

  /**
   * @param owner the console's window; the help closes with it
   * @param list the topics in the order listed, each with a page beside {@link HelpPages}
   */
  public HelpWindow(Window owner, List<Topic> list) {
    topics.getItems().setAll(list);
    topics.setId("helpTopics");
    topics.setPrefWidth(190);
    topics.setCellFactory(
        v ->
            new ListCell<>() {
              @Override
              protected void updateItem(Topic topic, boolean empty) {
                super.updateItem(topic, empty);
                setText(empty || topic == null ? null : topic.title());
              }
            });
    topics.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> render(now));
    content.setId("helpContent");
    content.setFitToWidth(true);
    content.setPadding(new Insets(16, 20, 16, 20));
    BorderPane root = new BorderPane(content);
    root.setLeft(topics);
    root.setId("helpWindow");
    root.getStyleClass().add("help-window");
    Scene scene = new Scene(root, 820, 620);
    scene
        .getStylesheets()
        .add(Objects.requireNonNull(HelpWindow.class.getResource("help.css")).toExternalForm());
    scene.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.ESCAPE) {
            stage.close();
          }
        });
    stage.setScene(scene);
    stage.setTitle("Arbiter help");
    stage.initOwner(owner);
  }

  /** Shows {@code topicId}'s page (the guide's index if there is no such topic) and raises it. */
  public void show(String topicId) {
    Topic topic =
        topics.getItems().stream()
            .filter(t -> t.id().equals(topicId))
            .findFirst()
            .orElse(topics.getItems().get(0));
    topics.getSelectionModel().select(topic);
    // Selecting the topic already shown fires no change, and the page may have been scrolled.
    render(topic);
    stage.show();
    stage.toFront();
    stage.requestFocus();
  }

  public boolean isShowing() {
    return stage.isShowing();
  }

  public void close() {
    stage.close();
  }

  private void render(Topic topic) {
    if (topic == null) {
      return;
    }
    content.setContent(
        HelpPages.page(topic.id())
            .<javafx.scene.Node>map(HelpText::render)
            .orElseGet(() -> new Label("There is no help page for " + topic.title() + " yet.")));
    content.setVvalue(0);
  }
}
