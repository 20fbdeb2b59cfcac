package dev.arbiter.app.common;

import javafx.application.Platform;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;

/**
 * A list beside (or above) the record it opens, where the record's pane takes room only while a
 * record is open: an empty detail pane would take a third of the window from the list's columns.
 * The divider the staff member last chose is kept for the next record.
 */
public final class DetailSplit {

  private DetailSplit() {}

  /**
   * Shows {@code detail} after {@code list} in {@code split} while {@code open} holds, at {@code
   * position} the first time.
   */
  public static void showWhileOpen(
      SplitPane split, Node list, Node detail, ObservableBooleanValue open, double position) {
    split.getItems().setAll(list);
    // A binding is held by its sources only weakly: the split keeps it for as long as it lives.
    split.getProperties().put(DetailSplit.class, open);
    double[] divider = {position};
    Runnable show =
        () -> {
          if (open.get() && split.getItems().size() == 1) {
            split.getItems().add(detail);
            split.setDividerPositions(divider[0]);
          }
        };
    // Closed only if it stays closed: moving from one record to the next passes through none, and
    // the pane should not blink (nor its divider jump) on the way.
    Runnable hide =
        () -> {
          if (!open.get() && split.getItems().size() == 2) {
            divider[0] = split.getDividerPositions()[0];
            split.getItems().remove(detail);
          }
        };
    open.addListener(
        (obs, was, now) -> {
          if (now) {
            show.run();
          } else {
            Platform.runLater(hide);
          }
        });
    show.run();
  }
}
