package dev.arbiter.persistence.audit;

import dev.arbiter.model.audit.AuditEntry;
import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.access.Sql;
import dev.arbiter.persistence.session.StaffDatabaseException;
import dev.arbiter.persistence.staff.StaffRole;
import dev.arbiter.persistence.staff.StaffSession;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/**
 * The audit log for the console: filtered pages newest first by keyset ({@code id < ?}), so the
 * millionth page costs what the first does, and single entries by id.
 */
public final class AuditQueryService {

  /** The largest page a caller may ask for. */
  public static final int MAX_PAGE = 1_000;

  /** Every table whose changes are audited, for filter choices. */
  public static final List<String> ENTITY_TYPES =
      List.of(
          "contact_notes",
          "contracts",
          "dispute_evidence",
          "dispute_messages",
          "disputes",
          "escrow_checkpoints",
          "escrows",
          "journals",
          "ledger_entries",
          "moderation_flags",
          "release_approvals",
          "settlements",
          "staff_accounts",
          "users",
          "wallets",
          "workspace_invites",
          "workspace_members",
          "workspaces");

  /** Every action an entry can record. */
  public static final List<String> ACTIONS =
      List.of("insert", "update", "delete", "truncate", "note");

  /**
   * How long one page of a text search may scan. Text in values has no index (a trigram index cost
   * every audited write about 29 %, see docs/PERFORMANCE.md), so a rare text scans newest first
   * until it has a page; bounded, the screen says to narrow the search instead of hanging.
   */
  public static final int TEXT_SEARCH_SECONDS = 15;

  private final DataAccess access;
  private final AuditRows rows;

  /** Reads as {@code session}'s login; hidden keys show only to admins. */
  public AuditQueryService(StaffSession session) {
    this(session.database().access(), session.staff().has(StaffRole.ADMIN));
  }

  public AuditQueryService(DataAccess access, boolean revealHidden) {
    this.access = access;
    this.rows = new AuditRows(revealHidden);
  }

  /** Whether values are shown with every key (to admins). */
  public boolean revealsHidden() {
    return rows.revealsHidden();
  }

  /**
   * Up to {@code limit} entries matching {@code filter} with an id below {@code beforeId}, newest
   * first. Pass {@link Long#MAX_VALUE} for the newest page and {@link AuditPage#oldestId()} for
   * each older one.
   */
  public AuditPage page(AuditFilter filter, long beforeId, int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw new IllegalArgumentException("page size must be 1 to " + MAX_PAGE + ": " + limit);
    }
    try {
      // One snapshot: the id bounds of a time range and the pages read after them agree.
      return access.snapshot(session -> page(session, filter, beforeId, limit));
    } catch (SQLException e) {
      if ("57014".equals(e.getSQLState()) && filter.text() != null) {
        throw new StaffDatabaseException(
            "The text search found no full page within "
                + TEXT_SEARCH_SECONDS
                + " s; narrow it by time, entity type or actor",
            e);
      }
      throw new StaffDatabaseException("Could not read the audit log", e);
    }
  }

  private AuditPage page(Session session, AuditFilter filter, long beforeId, int limit)
      throws SQLException {
    if (filter.text() != null) {
      Sql.one(
          session,
          "SELECT set_config('statement_timeout', ?, true) AS timeout",
          row -> row.text("timeout"),
          TEXT_SEARCH_SECONDS + "s");
    }
    AuditSql.Where where = AuditSql.where(AuditSql.Lookup.of(session), filter);
    String sql =
        "SELECT "
            + AuditRows.COLUMNS
            + " FROM audit_log WHERE "
            + where.sql()
            + " AND id < ? ORDER BY id DESC LIMIT ?";
    List<AuditRecord> kept = new ArrayList<>();
    long cursor = beforeId;
    // One row more than asked tells whether an older page exists. Rows the database matched only
    // in hidden keys are dropped here, so a short batch may need another.
    int fetched;
    do {
      List<AuditEntry> batch = AuditRows.entries(session, sql, where.args(cursor, limit + 1));
      fetched = batch.size();
      for (AuditEntry entry : batch) {
        cursor = entry.getId();
        if (kept.size() > limit) {
          break;
        }
        AuditRecord record = rows.read(entry);
        if (rows.stillMatches(record, filter.text())) {
          kept.add(record);
        }
      }
    } while (kept.size() <= limit && fetched == limit + 1);
    boolean older = kept.size() > limit;
    return new AuditPage(older ? kept.subList(0, limit) : kept, older);
  }

  /** The entry with this id, if it exists and this login may read it. */
  public Optional<AuditRecord> entry(long id) {
    return read(
        "audit entry " + id,
        session -> Optional.ofNullable(session.find(AuditEntry.class, id)).map(rows::read));
  }

  /** Staff logins, for the actor filter's suggestions. */
  public List<String> staffLogins() {
    return read(
        "the staff logins",
        session ->
            Sql.list(
                session,
                "SELECT login_role FROM staff_accounts ORDER BY login_role",
                row -> row.text("login_role")));
  }

  private <T> T read(String what, DataAccess.Work<T> work) {
    return StaffDatabaseException.wrap("Could not read " + what, () -> access.read(work));
  }
}
