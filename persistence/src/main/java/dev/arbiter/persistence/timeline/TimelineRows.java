package dev.arbiter.persistence.timeline;

import dev.arbiter.model.audit.AuditActor;
import dev.arbiter.persistence.access.Row;
import dev.arbiter.persistence.access.Sql;
import java.util.List;
import org.hibernate.Session;

/**
 * Reads {@link TimelineEntry}s from audit_log. Each feature chooses which rows belong to its record
 * and how to say what changed; the columns and their mapping are the same for all.
 *
 * <p>It is a package of its own rather than part of {@code audit}: the audit services reach the
 * staff package, which reaches workspaces, so workspaces reading its timeline from {@code audit}
 * would close a package cycle.
 */
public final class TimelineRows {

  /** The audit_log columns of an entry but its summary, for a query that aliases audit_log a. */
  public static final String COLUMNS =
      "a.id, a.occurred_at, a.actor, a.db_user, a.action, a.entity_type, a.entity_id, a.command";

  private TimelineRows() {}

  /**
   * The entries {@code sql} selects, in its order: {@link #COLUMNS} and a {@code summary} column.
   */
  public static List<TimelineEntry> read(Session session, String sql, Object... params) {
    return Sql.list(session, sql, row -> entry(row, row.text("summary")), params);
  }

  /** The entry on a row of {@link #COLUMNS}, with a summary worked out outside SQL. */
  public static TimelineEntry entry(Row row, String summary) {
    return new TimelineEntry(
        row.getLong("id"),
        row.instant("occurred_at"),
        new AuditActor(row.text("actor"), row.text("db_user")),
        row.text("action"),
        row.text("entity_type"),
        row.text("entity_id"),
        row.text("command"),
        summary);
  }
}
