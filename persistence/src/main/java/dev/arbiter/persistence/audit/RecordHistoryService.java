package dev.arbiter.persistence.audit;

import dev.arbiter.persistence.staff.StaffRole;
import dev.arbiter.persistence.staff.StaffSession;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The full history of one record (a dispute, checkpoint, flag, workspace, user, ...): every change
 * anyone made, through the console or the backend, read from the audit log by the entity index.
 * Other areas embed it through the console's record history view.
 */
public final class RecordHistoryService {

  /** The most entries one history returns; older ones are left out and flagged. */
  public static final int MAX_ENTRIES = 5_000;

  private final AuditReader reader;
  private final AuditRows rows;

  /** Reads as {@code session}'s login; hidden keys show only to admins. */
  public RecordHistoryService(StaffSession session) {
    this(session.database().dataSource(), session.staff().has(StaffRole.ADMIN));
  }

  public RecordHistoryService(DataSource dataSource, boolean revealHidden) {
    this.reader = new AuditReader(dataSource);
    this.rows = new AuditRows(revealHidden);
  }

  /**
   * Every change to the record {@code entityId} of table {@code entityType}, oldest first. A
   * truncate of the table removed the record too, so it is part of the history.
   */
  public RecordHistory history(String entityType, String entityId) {
    Objects.requireNonNull(entityType, "entityType");
    Objects.requireNonNull(entityId, "entityId");
    return reader.read(
        "the history of " + entityType + " " + entityId,
        c -> {
          List<AuditRecord> newestFirst = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + AuditRows.COLUMNS
                      + " FROM audit_log WHERE entity_type = ?"
                      + " AND (entity_id = ? OR (entity_id IS NULL AND action = 'truncate'))"
                      + " ORDER BY id DESC LIMIT ?")) {
            ps.setString(1, entityType);
            ps.setString(2, entityId);
            ps.setInt(3, MAX_ENTRIES + 1);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                newestFirst.add(rows.read(rs));
              }
            }
          }
          boolean omitted = newestFirst.size() > MAX_ENTRIES;
          List<AuditRecord> kept = omitted ? newestFirst.subList(0, MAX_ENTRIES) : newestFirst;
          List<AuditRecord> oldestFirst = new ArrayList<>(kept);
          Collections.reverse(oldestFirst);
          return new RecordHistory(entityType, entityId, oldestFirst, omitted);
        });
  }

  /** The history of {@code id}, a convenience for numeric keys. */
  public RecordHistory history(String entityType, long id) {
    return history(entityType, Long.toString(id));
  }
}
