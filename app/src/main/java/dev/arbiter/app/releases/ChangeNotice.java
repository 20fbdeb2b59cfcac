package dev.arbiter.app.releases;

import dev.arbiter.app.releases.CheckpointDiff.FieldChange;
import dev.arbiter.persistence.escrow.CheckpointDetail;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Tells the reviewer that someone else changed the checkpoint they have open: who, and which
 * fields. The reviewer's own changes come back through the same feed and are not news.
 */
final class ChangeNotice {

  private final CheckpointDiff diff;
  private final String login;
  private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
  // Whether the text says the last re-read failed, rather than what changed.
  private boolean failed;

  ChangeNotice(CheckpointDiff diff, String login) {
    this.diff = diff;
    this.login = login;
  }

  /** The open checkpoint was read again as {@code after}; it had been {@code before}. */
  void compare(CheckpointDetail before, CheckpointDetail after) {
    if (before == null || before.checkpoint().id() != after.checkpoint().id()) {
      return;
    }
    List<FieldChange> changes = diff.between(before, after);
    if (changes.isEmpty() || diff.onlyBy(before, after, login)) {
      return;
    }
    List<String> who = diff.changedBy(before, after);
    failed = false;
    text.set(
        (who.isEmpty() ? "Changed" : "Changed by " + String.join(", ", who))
            + " while you had it open: "
            + String.join("; ", changes.stream().map(FieldChange::toString).toList()));
  }

  /**
   * A re-read of the open checkpoint failed: what is shown may be out of date. A notice of changes
   * already showing matters more and stays.
   */
  void readFailed(String reason) {
    if (text.get().isEmpty() || failed) {
      failed = true;
      text.set(
          "This checkpoint could not be brought up to date ("
              + reason
              + "). It shows what was read before.");
    }
  }

  /** A re-read succeeded: a notice that the last one failed no longer holds. */
  void readSucceeded() {
    if (failed) {
      clear();
    }
  }

  void clear() {
    failed = false;
    text.set("");
  }

  ReadOnlyStringProperty textProperty() {
    return text.getReadOnlyProperty();
  }
}
