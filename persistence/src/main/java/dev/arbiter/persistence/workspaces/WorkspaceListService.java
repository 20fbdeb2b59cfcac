package dev.arbiter.persistence.workspaces;

import dev.arbiter.persistence.session.StaffDatabase;
import dev.arbiter.persistence.session.StaffDatabaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Pages through provider workspaces. Filtering, sorting and paging happen in SQL (keyset on the
 * sort key and the id), so a page costs the same wherever it is in the list.
 */
public final class WorkspaceListService {

  // The aggregates are correlated subqueries over indexed foreign keys: PostgreSQL flattens the
  // inner query, so the sort by name walks workspaces_name_idx and computes them for one page only.
  private static final String ROWS =
      """
      SELECT * FROM (
        SELECT w.id, w.name, lower(w.name) AS name_key, w.slug, w.type, w.status, w.created_at,
               w.default_currency, u.display_name AS owner_name,
               (SELECT count(*) FROM workspace_members m
                 WHERE m.workspace_id = w.id AND m.status = 'active') AS members,
               (SELECT count(*) FROM contracts c
                 WHERE c.workspace_id = w.id AND c.status IN ('active', 'paused')) AS open_contracts,
               coalesce((SELECT sum(e.funded_minor - e.released_minor - e.refunded_minor)
                           FROM contracts c JOIN escrows e ON e.contract_id = c.id
                          WHERE c.workspace_id = w.id AND e.currency = w.default_currency), 0)::bigint
                 AS escrow_held
          FROM workspaces w JOIN users u ON u.id = w.owner_id
         WHERE (?::text IS NULL OR w.name ILIKE ? OR w.slug ILIKE ?)
           AND (?::text IS NULL OR w.status = ?)
           AND (?::text IS NULL OR w.type = ?)
      ) page
      """;

  private final DataSource dataSource;

  public WorkspaceListService(StaffDatabase database) {
    this(database.dataSource());
  }

  /** For tests and tools that already hold a data source logged in as a staff member. */
  public WorkspaceListService(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Reads one page.
   *
   * @throws StaffDatabaseException when the database cannot be read
   */
  public WorkspacePage page(WorkspaceQuery query) {
    String key = query.sort().column();
    String dir = query.descending() ? "DESC" : "ASC";
    String op = query.descending() ? "<" : ">";
    StringBuilder sql = new StringBuilder(ROWS);
    if (query.after() != null) {
      sql.append(" WHERE (").append(key).append(", id) ").append(op).append(" (?, ?)");
    }
    sql.append(" ORDER BY ")
        .append(key)
        .append(' ')
        .append(dir)
        .append(", id ")
        .append(dir)
        .append(" LIMIT ?");
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql.toString())) {
      int i = bindFilters(ps, query);
      if (query.after() != null) {
        ps.setObject(i++, query.after().key());
        ps.setLong(i++, query.after().id());
      }
      ps.setInt(i, query.pageSize() + 1);
      return read(ps, query);
    } catch (SQLException e) {
      throw new StaffDatabaseException("Could not load workspaces", e);
    }
  }

  private static int bindFilters(PreparedStatement ps, WorkspaceQuery query) throws SQLException {
    String text = blankToNull(query.text());
    String pattern = text == null ? null : "%" + escapeLike(text) + "%";
    ps.setString(1, text);
    ps.setString(2, pattern);
    ps.setString(3, pattern);
    String status = blankToNull(query.status());
    ps.setString(4, status);
    ps.setString(5, status);
    String type = blankToNull(query.type());
    ps.setString(6, type);
    ps.setString(7, type);
    return 8;
  }

  private static WorkspacePage read(PreparedStatement ps, WorkspaceQuery query)
      throws SQLException {
    List<WorkspaceRow> rows = new ArrayList<>();
    Object lastKey = null;
    boolean more = false;
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        if (rows.size() == query.pageSize()) {
          more = true;
          break;
        }
        rows.add(
            new WorkspaceRow(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("slug"),
                rs.getString("type"),
                rs.getString("owner_name"),
                rs.getLong("members"),
                rs.getLong("open_contracts"),
                rs.getLong("escrow_held"),
                rs.getString("default_currency"),
                rs.getString("status")));
        lastKey =
            query.sort() == WorkspaceSort.CREATED
                ? rs.getObject("created_at", OffsetDateTime.class)
                : rs.getObject(query.sort().column());
      }
    }
    WorkspaceCursor next =
        more ? new WorkspaceCursor(lastKey, rows.get(rows.size() - 1).id()) : null;
    return new WorkspacePage(rows, next);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip().toLowerCase(Locale.ROOT);
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
