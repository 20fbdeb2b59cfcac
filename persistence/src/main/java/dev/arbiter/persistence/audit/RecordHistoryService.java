package dev.arbiter.persistence.audit;

import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.session.StaffDatabaseException;
import dev.arbiter.persistence.staff.StaffRole;
import dev.arbiter.persistence.staff.StaffSession;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The full history of one record (a dispute, checkpoint, flag, workspace, user, ...): every change
 * anyone made, through the console or the backend, read from the audit log by the entity index.
 * Other areas embed it through the console's record history view.
 */
public final class RecordHistoryService {

  /** The most entries one history returns; older ones are left out and flagged. */
  public static final int MAX_ENTRIES = 5_000;

  private static final String SELECT_HISTORY =
      "SELECT "
          + AuditRows.COLUMNS
          + " FROM audit_log WHERE entity_type = ?"
          + " AND (entity_id = ? OR (entity_id IS NULL AND action = 'truncate'))"
          + " ORDER BY id DESC LIMIT ?";

  private final DataAccess access;
  private final AuditRows rows;

  /** Reads as {@code session}'s login; hidden keys show only to admins. */
  public RecordHistoryService(StaffSession session) {
    this(session.database().access(), session.staff().has(StaffRole.ADMIN));
  }

  public RecordHistoryService(DataAccess access, boolean revealHidden) {
    this.access = access;
    this.rows = new AuditRows(revealHidden);
  }

  /**
   * Every change to the record {@code entityId} of table {@code entityType}, oldest first. A
   * truncate of the table removed the record too, so it is part of the history.
   */
  public RecordHistory history(String entityType, String entityId) {
    Objects.requireNonNull(entityType, "entityType");
    Objects.requireNonNull(entityId, "entityId");
    List<AuditRecord> newestFirst =
        StaffDatabaseException.wrap(
            "Could not read the history of " + entityType + " " + entityId,
            () ->
                access.read(
                    session ->
                        AuditRows.entries(
                                session, SELECT_HISTORY, entityType, entityId, MAX_ENTRIES + 1)
                            .stream()
                            .map(rows::read)
                            .toList()));
    boolean omitted = newestFirst.size() > MAX_ENTRIES;
    List<AuditRecord> oldestFirst =
        new ArrayList<>(omitted ? newestFirst.subList(0, MAX_ENTRIES) : newestFirst);
    Collections.reverse(oldestFirst);
    return new RecordHistory(entityType, entityId, oldestFirst, omitted);
  }

  /** The history of {@code id}, a convenience for numeric keys. */
  public RecordHistory history(String entityType, long id) {
    return history(entityType, Long.toString(id));
  }
}
