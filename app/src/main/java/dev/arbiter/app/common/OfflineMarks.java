package dev.arbiter.app.common;

import javafx.scene.Node;

/**
 * Style classes that tell the shell's offline guard about a button. In an area every button is held
 * back while offline unless it works without the database; in a dialog, a window of its own, only
 * the buttons marked as needing the database are, so Cancel and Close always work.
 */
public final class OfflineMarks {

  /** An area button that works without the database: discarding a draft, dismissing a banner. */
  public static final String WORKS_OFFLINE = "works-offline";

  /** A dialog button whose action needs the database: dimmed, and its click not sent, offline. */
  public static final String NEEDS_DATABASE = "needs-database";

  private OfflineMarks() {}

  /** Marks dialog buttons whose action needs the database. */
  public static void needsDatabase(Node... buttons) {
    for (Node button : buttons) {
      button.getStyleClass().add(NEEDS_DATABASE);
    }
  }
}
