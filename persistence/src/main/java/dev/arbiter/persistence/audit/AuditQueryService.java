package dev.arbiter.persistence.audit;

import dev.arbiter.persistence.session.StaffDatabaseException;
import dev.arbiter.persistence.staff.StaffRole;
import dev.arbiter.persistence.staff.StaffSession;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

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

  private final AuditReader reader;
  private final AuditRows rows;

  /** Reads as {@code session}'s login; hidden keys show only to admins. */
  public AuditQueryService(StaffSession session) {
    this(session.database().dataSource(), session.staff().has(StaffRole.ADMIN));
  }

  public AuditQueryService(DataSource dataSource, boolean revealHidden) {
    this.reader = new AuditReader(dataSource);
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
      return reader.read("the audit log", c -> page(c, filter, beforeId, limit));
    } catch (StaffDatabaseException e) {
      if ("57014".equals(e.sqlState()) && filter.text() != null) {
        throw new StaffDatabaseException(
            "The text search found no full page within "
                + TEXT_SEARCH_SECONDS
                + " s; narrow it by time, entity type or actor",
            (SQLException) e.getCause());
      }
      throw e;
    }
  }

  private AuditPage page(Connection c, AuditFilter filter, long beforeId, int limit)
      throws SQLException {
    if (filter.text() != null) {
      try (Statement s = c.createStatement()) {
        s.execute("SET LOCAL statement_timeout = '" + TEXT_SEARCH_SECONDS + "s'");
      }
    }
    AuditSql.Where where = AuditSql.where(c, filter);
    List<AuditRecord> kept = new ArrayList<>();
    long cursor = beforeId;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + AuditRows.COLUMNS
                + " FROM audit_log WHERE "
                + where.sql()
                + " AND id < ? ORDER BY id DESC LIMIT ?")) {
      // One row more than asked tells whether an older page exists. Rows the database matched
      // only in hidden keys are dropped here, so a short batch may need another.
      int fetched;
      do {
        where.bind(ps, 1);
        ps.setLong(where.params().size() + 1, cursor);
        ps.setInt(where.params().size() + 2, limit + 1);
        fetched = 0;
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next() && kept.size() <= limit) {
            fetched++;
            AuditRecord record = rows.read(rs);
            cursor = record.id();
            if (rows.stillMatches(record, filter.text())) {
              kept.add(record);
            }
          }
        }
      } while (kept.size() <= limit && fetched == limit + 1);
    }
    boolean older = kept.size() > limit;
    return new AuditPage(older ? kept.subList(0, limit) : kept, older);
  }

  /** The entry with this id, if it exists. */
  public Optional<AuditRecord> entry(long id) {
    return reader.read(
        "audit entry " + id,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT " + AuditRows.COLUMNS + " FROM audit_log WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(rows.read(rs)) : Optional.empty();
            }
          }
        });
  }

  /** Staff logins, for the actor filter's suggestions. */
  public List<String> staffLogins() {
    return reader.read(
        "the staff logins",
        c -> {
          List<String> logins = new ArrayList<>();
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT login_role FROM staff_accounts ORDER BY login_role");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              logins.add(rs.getString(1));
            }
          }
          return logins;
        });
  }
}
