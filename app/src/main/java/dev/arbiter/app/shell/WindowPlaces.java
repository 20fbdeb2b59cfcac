package dev.arbiter.app.shell;

import dev.arbiter.app.shell.ConsolePreferences.WindowPlace;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Puts the window back where it was, if that place is still on a screen. */
final class WindowPlaces {

  private WindowPlaces() {}

  static void restore(Stage stage, WindowPlace place) {
    // A screen unplugged since, or a smaller one: the platform's place beats an invisible window.
    if (place == null
        || Screen.getScreensForRectangle(place.x(), place.y(), place.width(), place.height())
            .isEmpty()) {
      return;
    }
    stage.setX(place.x());
    stage.setY(place.y());
    stage.setWidth(place.width());
    stage.setHeight(place.height());
    stage.setMaximized(place.maximized());
  }

  /** Where {@code stage} is now; a maximized window keeps the size it had before ({@code was}). */
  static WindowPlace of(Stage stage, WindowPlace was) {
    if (stage.isMaximized() && was != null) {
      return new WindowPlace(was.x(), was.y(), was.width(), was.height(), true);
    }
    return new WindowPlace(
        stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized());
  }
}
