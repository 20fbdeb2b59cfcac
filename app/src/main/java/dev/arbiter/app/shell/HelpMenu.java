package dev.arbiter.app.shell;

import atlantafx.base.theme.Styles;
import dev.arbiter.app.help.HelpPages;
import dev.arbiter.app.help.HelpPages.Shortcut;
import dev.arbiter.app.help.HelpWindow;
import dev.arbiter.app.help.ShortcutOverlay;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The header's Help menu and the two keys behind it: F1 opens the help page of the open area, and
 * Ctrl+/ the overlay of every shortcut. The shortcuts that work everywhere are listed here, beside
 * the code that installs them; each area's come from its help page.
 */
final class HelpMenu {

  static final KeyCombination AREA_HELP = new KeyCodeCombination(KeyCode.F1);
  static final KeyCombination SHORTCUTS =
      new KeyCodeCombination(KeyCode.SLASH, KeyCombination.SHORTCUT_DOWN);

  private final MainWindowViewModel model;
  private final ShortcutOverlay overlay = new ShortcutOverlay();
  private final MenuButton button = new MenuButton("Help", new FontIcon(Feather.HELP_CIRCLE));
  private HelpWindow window;

  HelpMenu(MainWindowViewModel model) {
    this.model = model;
    MenuItem area = new MenuItem("Help for this area (" + AREA_HELP.getDisplayText() + ")");
    area.setId("helpArea");
    area.setOnAction(e -> showAreaHelp());
    MenuItem keys = new MenuItem("Keyboard shortcuts (" + SHORTCUTS.getDisplayText() + ")");
    keys.setId("helpShortcuts");
    keys.setOnAction(e -> showShortcuts());
    MenuItem guide = new MenuItem("User guide");
    guide.setId("helpGuide");
    guide.setOnAction(e -> window().show(HelpPages.GUIDE));
    button.getItems().setAll(area, keys, guide);
    button.setId("helpMenu");
    button.getStyleClass().add(Styles.FLAT);
    button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    button.setTooltip(new Tooltip("Help for this area, keyboard shortcuts and the user guide"));
  }

  Node button() {
    return button;
  }

  /** The shortcut overlay's layer, to be drawn over the whole window. */
  Node overlay() {
    return overlay.node();
  }

  void showAreaHelp() {
    overlay.hide();
    window().show(model.selectedProperty().get().id());
  }

  /** Opens the overlay, or closes it when it is already open (the same key does both). */
  void showShortcuts() {
    if (overlay.isShowing()) {
      overlay.hide();
      return;
    }
    Area open = model.selectedProperty().get();
    List<ShortcutOverlay.Group> groups = new ArrayList<>();
    groups.add(new ShortcutOverlay.Group("Everywhere", everywhere(model.areas())));
    groups.add(group(open));
    model.areas().stream().filter(a -> a != open).map(HelpMenu::group).forEach(groups::add);
    overlay.show(groups.stream().filter(g -> !g.shortcuts().isEmpty()).toList());
  }

  void close() {
    if (window != null) {
      window.close();
    }
  }

  private static ShortcutOverlay.Group group(Area area) {
    return new ShortcutOverlay.Group(area.title(), HelpPages.keys(area.id()));
  }

  /** The keys {@link MainWindow#installShortcuts} installs, for the areas {@code areas}. */
  static List<Shortcut> everywhere(List<Area> areas) {
    List<Shortcut> keys = new ArrayList<>();
    for (Area area : areas) {
      keys.add(new Shortcut(MainWindow.shortcut(area).getDisplayText(), "open " + area.title()));
    }
    keys.add(
        new Shortcut(MainWindow.SEARCH.getDisplayText(), "jump to the search field in the header"));
    keys.add(new Shortcut("↑ / ↓, Enter, Esc", "in the search list: pick, open, close"));
    keys.add(new Shortcut("F5", "read the open area again"));
    keys.add(new Shortcut(AREA_HELP.getDisplayText(), "help for the open area"));
    keys.add(new Shortcut(SHORTCUTS.getDisplayText(), "this list (press again to close)"));
    keys.add(new Shortcut("Esc", "close this list or the help window"));
    return keys;
  }

  private HelpWindow window() {
    if (window == null) {
      List<HelpWindow.Topic> topics = new ArrayList<>();
      topics.add(new HelpWindow.Topic(HelpPages.GUIDE, "Getting started"));
      model.areas().forEach(a -> topics.add(new HelpWindow.Topic(a.id(), a.title())));
      window = new HelpWindow(button.getScene().getWindow(), topics);
    }
    return window;
  }
}
