package dev.arbiter.app.moderation;

import dev.arbiter.app.live.ChangeSet;
import dev.arbiter.model.moderation.FlaggedEntityType;
import dev.arbiter.persistence.moderation.QueueRow;

/**
 * Which notifications concern a queue row: its summary row in {@code moderation_items} (V75), and
 * the flagged record itself, whose text the preview and the item view show.
 */
final class LiveTables {

  static final String ITEMS = "moderation_items";

  private LiveTables() {}

  /**
   * Whether {@code row}'s item or its flagged record changed, or their table changed without saying
   * which rows (a large statement announces itself once, id-less; {@link ChangeSet#touches(String,
   * long)} counts that).
   */
  static boolean touches(ChangeSet changes, QueueRow row) {
    return changes.touches(ITEMS, row.rowId())
        || changes.touches(table(row.key().type()), row.key().id());
  }

  static String table(FlaggedEntityType type) {
    return switch (type) {
      case USER -> "users";
      case DISPUTE_MESSAGE -> "dispute_messages";
      case DISPUTE_EVIDENCE -> "dispute_evidence";
      case CONTRACT -> "contracts";
      case WORKSPACE -> "workspaces";
    };
  }
}
