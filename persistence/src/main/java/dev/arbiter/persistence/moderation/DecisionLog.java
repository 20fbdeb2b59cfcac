package dev.arbiter.persistence.moderation;

import static dev.arbiter.persistence.moderation.ModerationQueueService.instant;

import dev.arbiter.model.common.DatabaseValue;
import dev.arbiter.model.moderation.FlagDecision;
import dev.arbiter.persistence.moderation.ModerationDecisionService.Binder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads rows of {@code moderation_decisions} as {@link DecisionEntry} records. */
final class DecisionLog {

  private static final String SELECT =
      "SELECT d.id, d.entity_type, d.entity_id, moderation_item_preview(d.entity_type, d.entity_id),"
          + " d.decision, d.reason_code, d.note, cardinality(d.flag_ids), d.subject_user_id,"
          + " d.suspended_until, d.decided_by, d.decided_at, d.undone_by, d.undone_at,"
          + " d.undone_at IS NULL AND d.decided_at >= date_trunc('day', now()),"
          + " d.lifted_by, d.lifted_at"
          + " FROM moderation_decisions d";

  private DecisionLog() {}

  /** The decisions selected by {@code tail} (WHERE / ORDER BY / LIMIT with its parameters). */
  static List<DecisionEntry> read(Connection c, String tail, Binder binder) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT + tail)) {
      binder.bind(ps);
      List<DecisionEntry> entries = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          entries.add(entry(rs));
        }
      }
      return entries;
    }
  }

  private static DecisionEntry entry(ResultSet rs) throws SQLException {
    long subject = rs.getLong(9);
    Long subjectId = rs.wasNull() ? null : subject;
    return new DecisionEntry(
        rs.getLong(1),
        ItemKey.of(rs.getString(2), rs.getLong(3)),
        rs.getString(4),
        DatabaseValue.fromDb(FlagDecision.class, rs.getString(5)),
        DatabaseValue.fromDb(ModerationReason.class, rs.getString(6)),
        rs.getString(7),
        rs.getInt(8),
        subjectId,
        instant(rs.getTimestamp(10)),
        rs.getString(11),
        instant(rs.getTimestamp(12)),
        rs.getString(13),
        instant(rs.getTimestamp(14)),
        rs.getBoolean(15),
        rs.getString(16),
        instant(rs.getTimestamp(17)));
  }
}
