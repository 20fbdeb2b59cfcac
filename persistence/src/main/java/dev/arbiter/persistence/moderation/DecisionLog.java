package dev.arbiter.persistence.moderation;

import dev.arbiter.model.moderation.FlagDecision;
import dev.arbiter.persistence.access.Row;
import dev.arbiter.persistence.access.Sql;
import java.util.List;
import org.hibernate.Session;

/** Reads rows of {@code moderation_decisions} as {@link DecisionEntry} records. */
final class DecisionLog {

  /** The decisions on one item, newest first (parameters: type, id). */
  static final String ON_ITEM =
      " WHERE d.entity_type = ? AND d.entity_id = ? ORDER BY d.decided_at DESC, d.id DESC";

  private static final String SELECT =
      "SELECT d.id, d.entity_type, d.entity_id,"
          + " moderation_item_preview(d.entity_type, d.entity_id) AS preview, d.decision,"
          + " d.reason_code, d.note, coalesce(cardinality(d.flag_ids), 0) AS flag_count, d.subject_user_id,"
          + " d.suspended_until, d.decided_by, d.decided_at, d.undone_by, d.undone_at,"
          + " d.undone_at IS NULL AND d.decided_at >= date_trunc('day', now()) AS undoable,"
          + " d.lifted_by, d.lifted_at"
          + " FROM moderation_decisions d";

  private DecisionLog() {}

  /** The decisions selected by {@code tail} (WHERE / ORDER BY / LIMIT with its parameters). */
  static List<DecisionEntry> read(Session session, String tail, Object... params) {
    return Sql.list(session, SELECT + tail, DecisionLog::entry, params);
  }

  private static DecisionEntry entry(Row row) {
    return new DecisionEntry(
        row.getLong("id"),
        ItemKey.of(row.text("entity_type"), row.getLong("entity_id")),
        row.text("preview"),
        row.value(FlagDecision.class, "decision"),
        row.value(ModerationReason.class, "reason_code"),
        row.text("note"),
        row.getInt("flag_count"),
        row.nullableLong("subject_user_id"),
        row.instant("suspended_until"),
        row.text("decided_by"),
        row.instant("decided_at"),
        row.text("undone_by"),
        row.instant("undone_at"),
        row.getBoolean("undoable"),
        row.text("lifted_by"),
        row.instant("lifted_at"));
  }
}
