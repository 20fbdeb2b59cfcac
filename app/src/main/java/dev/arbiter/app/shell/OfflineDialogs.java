package dev.arbiter.app.shell;

import dev.arbiter.app.common.OfflineMarks;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * Holds back, while offline, the actions of the dialogs the main window opens. A dialog is a window
 * of its own, so the area's guard never sees its clicks: here a button marked {@link
 * OfflineMarks#NEEDS_DATABASE} is dimmed and its click (or Enter) not sent, and the dialog stays
 * open with what was typed in it. Every other button (Cancel, Close, the OK of a notice) works.
 */
final class OfflineDialogs {

  private static final PseudoClass OFFLINE = PseudoClass.getPseudoClass("offline");
  private static final String GUARDED = "offline-guarded";
  private static final String STYLESHEET =
      Objects.requireNonNull(OfflineDialogs.class.getResource("offline-dialogs.css"))
          .toExternalForm();

  private final ReadOnlyBooleanProperty online;
  private final Node inMainWindow;
  private final ListChangeListener<Window> opened = this::opened;

  /**
   * @param inMainWindow a node of the main window: dialogs owned by its window (directly or through
   *     another dialog) are guarded
   */
  OfflineDialogs(ReadOnlyBooleanProperty online, Node inMainWindow) {
    this.online = online;
    this.inMainWindow = inMainWindow;
    Window.getWindows().addListener(opened);
  }

  /** Stops guarding dialogs opened from now on (the main window is gone). */
  void close() {
    Window.getWindows().removeListener(opened);
  }

  private void opened(ListChangeListener.Change<? extends Window> change) {
    while (change.next()) {
      for (Window window : change.getAddedSubList()) {
        if (window instanceof Stage && ownedByMain(window)) {
          guard(window);
        }
      }
    }
  }

  private boolean ownedByMain(Window window) {
    Scene main = inMainWindow.getScene();
    Window mainWindow = main == null ? null : main.getWindow();
    for (Window w = window; w instanceof Stage stage; w = stage.getOwner()) {
      if (stage.getOwner() == mainWindow && mainWindow != null) {
        return true;
      }
    }
    return false;
  }

  private void guard(Window window) {
    Scene scene = window.getScene();
    if (scene == null || scene.getRoot().getStyleClass().contains(GUARDED)) {
      return;
    }
    Parent root = scene.getRoot();
    root.getStyleClass().add(GUARDED);
    root.getStylesheets().add(STYLESHEET);
    root.pseudoClassStateChanged(OFFLINE, !online.get());
    ChangeListener<Boolean> dim = (obs, was, now) -> root.pseudoClassStateChanged(OFFLINE, !now);
    online.addListener(dim);
    window.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> online.removeListener(dim));
    scene.addEventFilter(
        ActionEvent.ACTION,
        e -> {
          if (!online.get()
              && e.getTarget() instanceof Node node
              && node.getStyleClass().contains(OfflineMarks.NEEDS_DATABASE)) {
            e.consume();
          }
        });
  }
}
