package dev.arbiter.app.shell;

import atlantafx.base.theme.Styles;
import dev.arbiter.app.common.OfflineMarks;
import java.util.Set;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.css.PseudoClass;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Says so when the database goes away and when it is back, and holds back the actions that need it
 * meanwhile: buttons in the area are dimmed and their clicks are not sent, menu buttons and context
 * menus do not open (a control marked {@link OfflineMarks#WORKS_OFFLINE} stays live). Text fields
 * stay editable; what is typed is kept as a draft. Dialogs are held back by {@link OfflineDialogs}.
 * Choice boxes and shortcuts are not held back here: a view model whose action they trigger checks
 * the connection itself.
 */
final class OfflineBanner {

  private static final Set<KeyCode> OPENING_KEYS =
      Set.of(KeyCode.SPACE, KeyCode.ENTER, KeyCode.DOWN, KeyCode.UP, KeyCode.F4);
  private static final PseudoClass OFFLINE = PseudoClass.getPseudoClass("offline");
  private static final javafx.util.Duration BACK_ONLINE_SHOWN = javafx.util.Duration.seconds(4);

  private final Label message = new Label();
  private final HBox root = new HBox(10, message);
  private final PauseTransition hideLater = new PauseTransition(BACK_ONLINE_SHOWN);
  private boolean wasOffline;

  OfflineBanner(ReadOnlyBooleanProperty online, Region guarded) {
    root.setId("connectionBanner");
    root.setAlignment(Pos.CENTER_LEFT);
    root.getStyleClass().add("connection-banner");
    message.setId("connectionBannerText");
    message.setWrapText(true);
    hide();
    hideLater.setOnFinished(e -> hide());
    guarded.addEventFilter(
        ActionEvent.ACTION,
        e -> {
          if (!online.get() && needsDatabase(e.getTarget())) {
            e.consume();
          }
        });
    // Menu items live in a popup window of their own, so their actions never pass the filter
    // above: offline, menu buttons and context menus (the queue's row actions) do not open at all.
    guarded.addEventFilter(
        MouseEvent.MOUSE_PRESSED,
        e -> {
          if (!online.get() && menuButtonOf(e.getTarget(), guarded) != null) {
            e.consume();
          }
        });
    guarded.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (!online.get()
              && OPENING_KEYS.contains(e.getCode())
              && menuButtonOf(e.getTarget(), guarded) != null) {
            e.consume();
          }
        });
    guarded.addEventFilter(
        ContextMenuEvent.CONTEXT_MENU_REQUESTED,
        e -> {
          if (!online.get() && !(e.getTarget() instanceof TextInputControl)) {
            e.consume();
          }
        });
    online.addListener(
        (obs, was, now) -> {
          guarded.pseudoClassStateChanged(OFFLINE, !now);
          if (now) {
            showBackOnline();
          } else {
            showOffline();
          }
        });
  }

  Parent root() {
    return root;
  }

  /** A one-off note, e.g. that drafts from an earlier session were brought back. */
  void showInfo(String text) {
    show(text, Feather.INFO, Styles.ACCENT);
    hideLater.playFromStart();
  }

  private void showOffline() {
    wasOffline = true;
    hideLater.stop();
    show(
        "Offline: the database is not answering. Actions are paused; what you type is kept as a"
            + " draft. Reconnecting by itself…",
        Feather.WIFI_OFF,
        Styles.DANGER);
  }

  private void showBackOnline() {
    if (!wasOffline) {
      return;
    }
    wasOffline = false;
    show(
        "Back online. Re-reading what is shown; nothing you typed was lost.",
        Feather.CHECK_CIRCLE,
        Styles.SUCCESS);
    hideLater.playFromStart();
  }

  private void show(String text, Feather icon, String style) {
    message.setText(text);
    message.setGraphic(new FontIcon(icon));
    root.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS, Styles.ACCENT);
    root.getStyleClass().add(style);
    root.setVisible(true);
    root.setManaged(true);
  }

  private void hide() {
    root.setVisible(false);
    root.setManaged(false);
  }

  private static MenuButton menuButtonOf(Object target, Node guarded) {
    for (Node n = target instanceof Node node ? node : null;
        n != null && n != guarded;
        n = n.getParent()) {
      if (n instanceof MenuButton menu) {
        return menu.getStyleClass().contains(OfflineMarks.WORKS_OFFLINE) ? null : menu;
      }
    }
    return null;
  }

  private static boolean needsDatabase(Object target) {
    return target instanceof ButtonBase button
        && !button.getStyleClass().contains(OfflineMarks.WORKS_OFFLINE)
        && !(target instanceof Node n && n.getStyleClass().contains("nav-button"));
  }
}
