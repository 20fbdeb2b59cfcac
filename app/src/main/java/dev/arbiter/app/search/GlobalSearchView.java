package dev.arbiter.app.search;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import dev.arbiter.persistence.search.SearchHit;
import dev.arbiter.persistence.search.SearchKind;
import java.util.Objects;
import javafx.animation.PauseTransition;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The header's search field and its result list. The list is drawn in a layer over the window
 * rather than in a popup window, so it shares the window's theme, focus and screenshots; the field
 * keeps the focus throughout, and Up, Down, Enter and Esc steer the list from it.
 */
public final class GlobalSearchView {

  private static final Duration DEBOUNCE = Duration.millis(250);
  private static final double LIST_WIDTH = 560;

  private final GlobalSearchViewModel model;
  private final CustomTextField field = new CustomTextField();
  private final VBox list = new VBox();
  private final Label message = new Label();
  private final Pane overlay = new Pane(list);
  private final PauseTransition typing = new PauseTransition(DEBOUNCE);

  public GlobalSearchView(GlobalSearchViewModel model) {
    this.model = model;
    field.setId("globalSearch");
    // Reached by Ctrl+K or a click, never by the window's initial focus or Tab: the areas are
    // keyboard-first and put the focus on their queues, which a header field would otherwise keep.
    field.setFocusTraversable(false);
    field.setPromptText("Search cases, contracts, workspaces… (Ctrl+K)");
    field.setLeft(new FontIcon(Feather.SEARCH));
    field.setPrefColumnCount(26);
    field.getStyleClass().add("global-search");
    typing.setOnFinished(e -> model.search(field.getText()));
    field.textProperty().addListener((obs, was, now) -> typing.playFromStart());
    field.addEventFilter(KeyEvent.KEY_PRESSED, this::steer);
    field
        .focusedProperty()
        .addListener(
            (obs, was, focused) -> {
              if (!focused) {
                model.close();
              }
            });
    message.setId("searchMessage");
    message.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL, "search-message");
    list.setId("searchResults");
    list.getStyleClass().add("search-results");
    list.setPrefWidth(LIST_WIDTH);
    list.setManaged(false);
    list.visibleProperty().bind(model.showingProperty());
    // Only the list catches the mouse; the rest of the layer lets clicks through to the window.
    overlay.setPickOnBounds(false);
    overlay
        .getStylesheets()
        .add(
            Objects.requireNonNull(GlobalSearchView.class.getResource("search.css"))
                .toExternalForm());
    model.hits().addListener((javafx.collections.ListChangeListener<SearchHit>) c -> render());
    model.selectedIndexProperty().addListener((obs, was, now) -> render());
    model.messageProperty().addListener((obs, was, now) -> render());
    model
        .showingProperty()
        .addListener(
            (obs, was, now) -> {
              if (now) {
                place();
              }
            });
  }

  /** The field, for the header. */
  public Node field() {
    return field;
  }

  /** The layer the list is drawn in, to stack over the whole window. */
  public Node overlay() {
    return overlay;
  }

  /** Ctrl+K: puts the cursor in the field with its text selected, and shows the last hits. */
  public void focus() {
    field.requestFocus();
    field.selectAll();
    if (!field.getText().isBlank()) {
      model.search(field.getText());
    }
  }

  private void steer(KeyEvent e) {
    switch (e.getCode()) {
      case DOWN -> model.move(1);
      case UP -> model.move(-1);
      case ENTER -> {
        typing.stop();
        model.submit(field.getText());
      }
      case ESCAPE -> model.close();
      default -> {
        return;
      }
    }
    e.consume();
  }

  private void render() {
    list.getChildren().clear();
    SearchKind group = null;
    int index = 0;
    for (SearchHit hit : model.hits()) {
      if (hit.kind() != group) {
        group = hit.kind();
        Label heading = new Label(group.title());
        heading.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_BOLD, "search-group");
        list.getChildren().add(heading);
      }
      list.getChildren().add(row(hit, index == model.selectedIndexProperty().get(), index));
      index++;
    }
    message.setText(model.messageProperty().get());
    if (!message.getText().isEmpty()) {
      list.getChildren().add(message);
    }
    place();
  }

  private Node row(SearchHit hit, boolean selected, int index) {
    FontIcon icon = new FontIcon(icon(hit.kind()));
    icon.getStyleClass().add("search-icon");
    Label title = new Label(hit.title());
    title.getStyleClass().addAll(Styles.TEXT_BOLD, "search-title");
    title.setMinWidth(Label.USE_PREF_SIZE);
    Label detail = new Label(hit.detail());
    detail.getStyleClass().add(Styles.TEXT_MUTED);
    detail.setMinWidth(0);
    HBox.setHgrow(detail, Priority.ALWAYS);
    HBox row = new HBox(8, icon, title, detail);
    row.setId("searchHit-" + index);
    row.getStyleClass().add("search-hit");
    if (selected) {
      row.getStyleClass().add("selected");
    }
    row.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> model.open(hit));
    return row;
  }

  // Under the field, kept inside the window.
  private void place() {
    if (field.getScene() == null) {
      return;
    }
    Bounds at = overlay.sceneToLocal(field.localToScene(field.getBoundsInLocal()));
    double width = LIST_WIDTH;
    double x = Math.max(8, Math.min(at.getMinX(), overlay.getWidth() - width - 8));
    list.resizeRelocate(x, at.getMaxY() + 4, width, list.prefHeight(width));
  }

  /** The same icon as the area the record opens in. */
  static Feather icon(SearchKind kind) {
    return switch (kind) {
      case DISPUTE -> Feather.MESSAGE_SQUARE;
      case CHECKPOINT -> Feather.DOLLAR_SIGN;
      case WORKSPACE -> Feather.BRIEFCASE;
      case STAFF_ACCOUNT -> Feather.USER;
    };
  }
}
