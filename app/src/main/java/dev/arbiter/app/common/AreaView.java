package dev.arbiter.app.common;

import javafx.scene.Node;

/** The content the main window shows for one area; each feature provides its own. */
public interface AreaView {

  Node node();

  /** Reloads what the area shows (F5); areas without live data ignore it. */
  default void refresh() {}

  /** Called once when the window stops showing the area for good (sign-out). */
  default void dispose() {}
}
