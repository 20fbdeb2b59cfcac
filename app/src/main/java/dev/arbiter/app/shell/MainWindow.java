package dev.arbiter.app.shell;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.arbiter.app.common.AreaView;
import dev.arbiter.app.live.ChangeSet;
import dev.arbiter.app.live.LiveUpdates;
import dev.arbiter.app.live.PresenceTracker;
import dev.arbiter.app.search.GlobalSearchView;
import dev.arbiter.app.search.GlobalSearchViewModel;
import dev.arbiter.persistence.search.SearchHit;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BiFunction;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The signed-in window: header, navigation on the left, the open area in the middle, status bar at
 * the bottom. Area views are built on first visit and kept, so switching back is instant. Each area
 * gets a presence scope of its own, published only while the area is shown.
 */
final class MainWindow {

  private final MainWindowViewModel model;
  private final BiFunction<Area, PresenceTracker.Scope, AreaView> viewFactory;
  private final PresenceTracker presence;
  private final ThemeSwitcher themes;
  private final Map<Area, AreaView> views = new EnumMap<>(Area.class);
  private final Map<Area, PresenceTracker.Scope> scopes = new EnumMap<>(Area.class);
  private final Map<Area, ToggleButton> navButtons = new EnumMap<>(Area.class);
  private final StackPane content = new StackPane();
  private final BorderPane root = new BorderPane();
  private final StackPane layers = new StackPane();
  private final GlobalSearchView search;
  private final Map<Area, ChangeSet> missed = new EnumMap<>(Area.class);
  private final OfflineBanner banner;
  private final OfflineDialogs dialogs;
  private final LiveUpdates.Subscription subscription;
  private final ReadOnlyBooleanProperty online;
  private final HelpMenu help;

  MainWindow(
      MainWindowViewModel model,
      StatusBar statusBar,
      BiFunction<Area, PresenceTracker.Scope, AreaView> viewFactory,
      ThemeSwitcher themes,
      LiveUpdates updates,
      PresenceTracker presence,
      GlobalSearchViewModel searchModel) {
    this.model = model;
    this.search = new GlobalSearchView(searchModel);
    searchModel.setOnOpen(this::open);
    this.viewFactory = viewFactory;
    this.presence = presence;
    this.themes = themes;
    this.help = new HelpMenu(model);
    content.getStyleClass().add("area-content");
    online = updates.onlineProperty();
    banner = new OfflineBanner(online, content);
    dialogs = new OfflineDialogs(online, content);
    VBox.setVgrow(content, Priority.ALWAYS);
    root.setTop(header());
    root.setLeft(navigation());
    root.setCenter(new VBox(banner.root(), content));
    root.setBottom(statusBar.root());
    root.getStyleClass().add("main-window");
    // The search's result list is drawn over the window, under the header's field.
    // The shortcut list is drawn over everything, the search's list included.
    layers.getChildren().addAll(root, search.overlay(), help.overlay());
    model.selectedProperty().addListener((obs, old, area) -> show(area));
    show(model.selectedProperty().get());
    subscription = updates.subscribe(this::changed);
  }

  /** A note above the open area, e.g. that drafts from an earlier session are back. */
  void showNotice(String text) {
    banner.showInfo(text);
  }

  // The visible area re-reads at once; hidden ones re-read everything when shown again, so a burst
  // of changes costs one query per visible view, and hours of traffic cost a hidden area nothing.
  private void changed(ChangeSet changes) {
    Area visible = model.selectedProperty().get();
    views.forEach(
        (area, view) -> {
          if (area == visible) {
            view.changed(changes);
          } else {
            missed.put(area, ChangeSet.everything());
          }
        });
  }

  Parent root() {
    return layers;
  }

  // Switches to the hit's area (which the search only offers if the staff member may open it) and
  // asks the area to open the record.
  private void open(SearchHit hit) {
    Area area = MainWindowViewModel.areaOf(hit.kind());
    if (model.select(area)) {
      view(area).open(MainWindowViewModel.recordOf(hit));
    }
  }

  /**
   * Ctrl+1..6 for the areas, Ctrl+K for search, F5 to refresh the open one, F1 for its help and
   * Ctrl+/ for the shortcut list ({@link HelpMenu#everywhere} lists them all for the user).
   */
  void installShortcuts(Scene scene) {
    scene.getAccelerators().clear();
    for (Area area : Area.values()) {
      scene.getAccelerators().put(shortcut(area), () -> model.selectShortcut(area.shortcutDigit()));
    }
    scene.getAccelerators().put(SEARCH, search::focus);
    scene.getAccelerators().put(HelpMenu.AREA_HELP, help::showAreaHelp);
    scene.getAccelerators().put(HelpMenu.SHORTCUTS, help::showShortcuts);
    // Offline, a refresh could only wait for the pool's timeout and fail; the reconnect re-reads
    // everything shown anyway.
    scene
        .getAccelerators()
        .put(
            new KeyCodeCombination(KeyCode.F5),
            () -> {
              if (online.get()) {
                current().refresh();
              }
            });
  }

  void dispose() {
    subscription.close();
    dialogs.close();
    help.close();
    views.values().forEach(AreaView::dispose);
    views.clear();
    scopes.clear();
  }

  private AreaView current() {
    return view(model.selectedProperty().get());
  }

  private AreaView view(Area area) {
    return views.computeIfAbsent(
        area, a -> viewFactory.apply(a, scopes.computeIfAbsent(a, s -> presence.scope())));
  }

  // A hidden area keeps its records open, but nobody else should see this console on them.
  private void show(Area area) {
    scopes.forEach((a, scope) -> scope.setShown(a == area));
    AreaView view = view(area);
    content.getChildren().setAll(view.node());
    ChangeSet catchUp = missed.remove(area);
    if (catchUp != null) {
      view.changed(catchUp);
    }
    ToggleButton button = navButtons.get(area);
    if (button != null) {
      button.setSelected(true);
    }
  }

  private HBox header() {
    FontIcon logo = new FontIcon(Feather.SHIELD);
    logo.getStyleClass().add("header-logo");
    Label title = new Label("Arbiter");
    title.getStyleClass().addAll(Styles.TITLE_4, "header-title");
    Label who = new Label(model.staff().displayName());
    who.setId("headerStaff");
    who.getStyleClass().add(Styles.TEXT_BOLD);
    Label roles = new Label(model.staff().rolesText());
    roles.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    // The icon offers the other theme; the console may start dark, as it was left.
    Button theme = new Button(null, new FontIcon(themes.isDark() ? Feather.SUN : Feather.MOON));
    theme.setId("themeButton");
    theme.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
    theme.setTooltip(new Tooltip("Switch between light and dark theme"));
    theme.setOnAction(
        e -> {
          themes.toggle();
          theme.setGraphic(new FontIcon(themes.isDark() ? Feather.SUN : Feather.MOON));
        });
    Button signOut = new Button("Sign out", new FontIcon(Feather.LOG_OUT));
    signOut.setId("signOutButton");
    signOut.getStyleClass().add(Styles.BUTTON_OUTLINED);
    signOut.setTooltip(new Tooltip("Sign out and return to the login screen"));
    signOut.setOnAction(e -> model.signOut());
    HBox header =
        new HBox(
            10,
            logo,
            title,
            new Spacer(),
            search.field(),
            new VBox(0, who, roles),
            help.button(),
            theme,
            signOut);
    header.setAlignment(Pos.CENTER_LEFT);
    header.getStyleClass().add("app-header");
    return header;
  }

  private VBox navigation() {
    ToggleGroup group = new ToggleGroup();
    VBox nav = new VBox(4);
    nav.setId("navigation");
    nav.getStyleClass().add("navigation");
    for (Area area : model.areas()) {
      ToggleButton button = new ToggleButton(area.title(), AreaIcons.icon(area, 16));
      button.setId("nav-" + area.id());
      button.setToggleGroup(group);
      button.setMaxWidth(Double.MAX_VALUE);
      button.setAlignment(Pos.CENTER_LEFT);
      button.getStyleClass().add("nav-button");
      Tooltip tip =
          new Tooltip(
              area.title() + " (" + shortcut(area).getDisplayText() + ")\n" + area.purpose());
      tip.setWrapText(true);
      tip.setMaxWidth(360);
      button.setTooltip(tip);
      // A toggle group lets the last selected button be clicked off; keep one area always open.
      button.setOnAction(
          e -> {
            if (!model.select(area) || !button.isSelected()) {
              button.setSelected(true);
            }
          });
      navButtons.put(area, button);
      nav.getChildren().add(button);
    }
    return nav;
  }

  static final KeyCombination SEARCH =
      new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN);

  static KeyCombination shortcut(Area area) {
    return new KeyCodeCombination(
        KeyCode.valueOf("DIGIT" + area.shortcutDigit()), KeyCombination.SHORTCUT_DOWN);
  }
}
