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
    text.set(
        (who.isEmpty() ? "Changed" : "Changed by " + String.join(", ", who))
            + " while you had it open: "
            + String.join("; ", changes.stream().map(FieldChange::toString).toList()));
  }

  void clear() {
    text.set("");
  }

  ReadOnlyStringProperty textProperty() {
    return text.getReadOnlyProperty();
  }
}
