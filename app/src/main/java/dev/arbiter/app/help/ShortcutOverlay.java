package dev.arbiter.app.help;

import dev.arbiter.app.help.HelpPages.Shortcut;
import java.util.List;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Every shortcut the user has, drawn over the console: the ones that work everywhere, then the open
 * area's, then those of the other areas the user may open. Esc, a click outside the card or the key
 * that opened it closes it, and the focus goes back where it was.
 */
public final class ShortcutOverlay {

  /** A heading and the shortcuts under it. */
  public record Group(String title, List<Shortcut> shortcuts) {}

  private final StackPane root = new StackPane();
  private final VBox groups = new VBox(14);
  private Node focusBefore;

  public ShortcutOverlay() {
    Label title = new Label("Keyboard shortcuts");
    title.getStyleClass().add("help-h1");
    Label hint = new Label("Esc closes · F1 opens the help for this area");
    hint.getStyleClass().add("help-hint");
    ScrollPane scroll = new ScrollPane(groups);
    scroll.setFitToWidth(true);
    scroll.getStyleClass().add("edge-to-edge");
    VBox card = new VBox(10, title, hint, scroll);
    VBox.setVgrow(scroll, Priority.ALWAYS);
    card.getStyleClass().add("shortcut-card");
    card.setMaxSize(640, Region.USE_PREF_SIZE);
    card.setOnMouseClicked(e -> e.consume());
    root.getChildren().add(card);
    StackPane.setAlignment(card, Pos.CENTER);
    StackPane.setMargin(card, new Insets(40));
    root.setId("shortcutOverlay");
    root.getStyleClass().add("shortcut-overlay");
    root.getStylesheets()
        .add(
            Objects.requireNonNull(ShortcutOverlay.class.getResource("help.css")).toExternalForm());
    root.setFocusTraversable(true);
    root.setVisible(false);
    root.setOnMouseClicked(e -> hide());
    root.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ESCAPE) {
            hide();
            e.consume();
          }
        });
  }

  /** The layer to put over the window's content. */
  public Node node() {
    return root;
  }

  public boolean isShowing() {
    return root.isVisible();
  }

  public void show(List<Group> list) {
    groups.getChildren().clear();
    for (Group group : list) {
      groups.getChildren().add(section(group));
    }
    if (!root.isVisible() && root.getScene() != null) {
      focusBefore = root.getScene().getFocusOwner();
    }
    root.setVisible(true);
    root.requestFocus();
  }

  public void hide() {
    root.setVisible(false);
    if (focusBefore != null && focusBefore.getScene() == root.getScene()) {
      focusBefore.requestFocus();
    }
    focusBefore = null;
  }

  private static Node section(Group group) {
    Label heading = new Label(group.title());
    heading.getStyleClass().add("help-h2");
    GridPane grid = new GridPane();
    grid.setHgap(16);
    grid.setVgap(4);
    // One key column width for every section, so the actions line up down the whole list.
    ColumnConstraints keyColumn = new ColumnConstraints();
    keyColumn.setMinWidth(180);
    grid.getColumnConstraints().add(keyColumn);
    for (int i = 0; i < group.shortcuts().size(); i++) {
      Shortcut s = group.shortcuts().get(i);
      Label keys = new Label(s.keys());
      keys.getStyleClass().add("help-kbd");
      keys.setMinWidth(Region.USE_PREF_SIZE);
      Label action = new Label(s.action());
      action.setWrapText(true);
      grid.addRow(i, keys, action);
    }
    return new VBox(6, heading, grid);
  }
}
