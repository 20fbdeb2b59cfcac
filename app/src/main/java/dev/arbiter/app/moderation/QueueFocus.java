package dev.arbiter.app.moderation;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * Keyboard-first: whenever the area is shown, the queue has the focus until the moderator moves it
 * (a click, Tab or the search's Ctrl+K). The shell may still be moving focus when the area is
 * attached, and a window that gains its focus late, or a scene whose focus owner was just removed
 * (the login form), gives it to its first traversable node in the header; the queue takes it back.
 */
final class QueueFocus {

  private static final int ATTEMPTS = 20;

  private final Parent area;
  private final Node queue;
  // True from the area being shown until the moderator moves the focus.
  private boolean holding;
  private Window watchedWindow;
  private final ChangeListener<Boolean> windowFocus = (o, was, focused) -> takeBackIfHeld();
  private final ChangeListener<Node> focusKeeper = this::keepFocus;
  private final EventHandler<MouseEvent> userClicked = e -> holding = false;
  private final EventHandler<KeyEvent> userMovedOn =
      e -> {
        if (movesFocus(e)) {
          holding = false;
        }
      };

  QueueFocus(Parent area, Node queue) {
    this.area = area;
    this.queue = queue;
    area.sceneProperty().addListener((obs, old, scene) -> attached(old, scene));
  }

  private void attached(Scene old, Scene scene) {
    if (watchedWindow != null) {
      watchedWindow.focusedProperty().removeListener(windowFocus);
      watchedWindow = null;
    }
    if (old != null) {
      old.focusOwnerProperty().removeListener(focusKeeper);
      old.removeEventFilter(KeyEvent.KEY_PRESSED, userMovedOn);
      old.removeEventFilter(MouseEvent.MOUSE_PRESSED, userClicked);
    }
    holding = scene != null;
    if (scene != null) {
      scene.focusOwnerProperty().addListener(focusKeeper);
      // A window that gains its focus late may hand it to the header.
      watchedWindow = scene.getWindow();
      if (watchedWindow != null) {
        watchedWindow.focusedProperty().addListener(windowFocus);
      }
      scene.addEventFilter(KeyEvent.KEY_PRESSED, userMovedOn);
      scene.addEventFilter(MouseEvent.MOUSE_PRESSED, userClicked);
      Platform.runLater(this::takeBackIfHeld);
    }
  }

  // The keys that take the focus out of the area on purpose: Tab, and the search's Ctrl+K. Any
  // other key (a shortcut, a modifier pressed on its own, J or K in the queue) leaves the hold on.
  private static boolean movesFocus(KeyEvent e) {
    return e.getCode() == KeyCode.TAB || e.isShortcutDown() && e.getCode() == KeyCode.K;
  }

  private void keepFocus(ObservableValue<? extends Node> owner, Node was, Node now) {
    if (holding && now != null && !isInArea(now)) {
      Platform.runLater(this::takeBackIfHeld);
    }
  }

  /** Gives the queue the focus, unless the moderator has moved it on. */
  void takeBackIfHeld() {
    takeBackIfHeld(ATTEMPTS);
  }

  // A request the scene cannot take yet (the queue not laid out, the window still gaining its
  // focus) is asked again a little later, a few times.
  private void takeBackIfHeld(int attemptsLeft) {
    Scene scene = area.getScene();
    if (!holding || scene == null || scene.getFocusOwner() == queue) {
      return;
    }
    queue.requestFocus();
    if (scene.getFocusOwner() != queue && attemptsLeft > 1) {
      PauseTransition later = new PauseTransition(Duration.millis(50));
      later.setOnFinished(e -> takeBackIfHeld(attemptsLeft - 1));
      later.play();
    }
  }

  private boolean isInArea(Node node) {
    for (Node n = node; n != null; n = n.getParent()) {
      if (n == area) {
        return true;
      }
    }
    return false;
  }
}
