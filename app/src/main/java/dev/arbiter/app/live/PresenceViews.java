package dev.arbiter.app.live;

import dev.arbiter.persistence.presence.Presence;
import dev.arbiter.persistence.presence.PresenceKey;
import dev.arbiter.persistence.presence.PresenceMode;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The two ways presence shows: a narrow queue column with an eye (someone has the row open) or a
 * pencil (someone is editing it), and a line in the record view naming who else is there.
 */
public final class PresenceViews {

  private PresenceViews() {}

  /** A queue column for rows of type {@code T}; {@code key} says which record a row is. */
  public static <T> TableColumn<T, List<Presence>> column(
      PresenceTracker.Scope tracker, Function<T, PresenceKey> key) {
    TableColumn<T, List<Presence>> column = new TableColumn<>();
    column.setGraphic(new FontIcon(Feather.USERS));
    column.setId("presenceColumn");
    column.setSortable(false);
    column.setReorderable(false);
    column.setResizable(false);
    column.setPrefWidth(34);
    column.setCellValueFactory(
        row ->
            Bindings.createObjectBinding(
                () -> tracker.othersOn(key.apply(row.getValue())), tracker.revisionProperty()));
    column.setCellFactory(c -> new PresenceCell<>());
    return column;
  }

  /**
   * "Also here: Fran Finance (editing), Sam Support" for the record {@code key} holds; empty and
   * hidden when nobody else is there.
   */
  public static Label line(PresenceTracker.Scope tracker, ObservableValue<PresenceKey> key) {
    Label line = new Label();
    line.setId("presenceLine");
    line.getStyleClass().add("presence-line");
    ObservableValue<List<Presence>> others =
        Bindings.createObjectBinding(
            () -> tracker.othersOn(key.getValue()), key, tracker.revisionProperty());
    line.textProperty().bind(Bindings.createStringBinding(() -> text(others.getValue()), others));
    line.graphicProperty()
        .bind(Bindings.createObjectBinding(() -> icon(others.getValue()), others));
    line.visibleProperty().bind(line.textProperty().isNotEmpty());
    line.managedProperty().bind(line.visibleProperty());
    return line;
  }

  /** The words of {@link #line}, for tests and tooltips. */
  public static String text(List<Presence> others) {
    if (others == null || others.isEmpty()) {
      return "";
    }
    return "Also here: "
        + others.stream()
            .map(
                p ->
                    p.mode() == PresenceMode.EDITING
                        ? p.displayName() + " (editing)"
                        : p.displayName())
            .collect(Collectors.joining(", "));
  }

  private static Node icon(List<Presence> others) {
    if (others == null || others.isEmpty()) {
      return null;
    }
    boolean editing = others.stream().anyMatch(p -> p.mode() == PresenceMode.EDITING);
    FontIcon icon = new FontIcon(editing ? Feather.EDIT_2 : Feather.EYE);
    icon.getStyleClass().add(editing ? "presence-editing" : "presence-viewing");
    return icon;
  }

  private static final class PresenceCell<T> extends TableCell<T, List<Presence>> {
    @Override
    protected void updateItem(List<Presence> others, boolean empty) {
      super.updateItem(others, empty);
      setText(null);
      if (empty || others == null || others.isEmpty()) {
        setGraphic(null);
        setTooltip(null);
        setAccessibleText(null);
        return;
      }
      Node icon = icon(others);
      setGraphic(icon);
      String who = text(others);
      setTooltip(new Tooltip(who));
      setAccessibleText(who);
    }
  }
}
