package dev.arbiter.app.common;

import dev.arbiter.app.live.ChangeSet;
import javafx.scene.Node;

/** The content the main window shows for one area; each feature provides its own. */
public interface AreaView {

  Node node();

  /** Reloads what the area shows (F5); areas without live data ignore it. */
  default void refresh() {}

  /**
   * Rows changed in the database (coalesced, on the FX thread). Areas re-read what they show that
   * the changes touch, in place; a {@link ChangeSet#resync()} set means re-read everything. Only
   * the visible area is told at once; a hidden one gets what it missed when it is shown again.
   */
  default void changed(ChangeSet changes) {}

  /**
   * Opens {@code record} in the area (a case, a checkpoint, a workspace...), as if the user had
   * picked it there; the window has already switched to the area. Returns false for a record the
   * area does not open, which is all of them unless it says otherwise.
   */
  default boolean open(RecordRef record) {
    return false;
  }

  /** Called once when the window stops showing the area for good (sign-out). */
  default void dispose() {}
}
