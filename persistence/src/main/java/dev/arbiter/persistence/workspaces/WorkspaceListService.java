package dev.arbiter.persistence.workspaces;

import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.access.Row;
import dev.arbiter.persistence.session.StaffDatabaseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
      """;

  private final DataAccess access;

  public WorkspaceListService(DataAccess access) {
    this.access = access;
  }

  /**
   * Reads one page.
   *
   * @throws StaffDatabaseException when the database cannot be read
   */
  public WorkspacePage page(WorkspaceQuery query) {
    Statement statement = statement(query);
    List<Paged> rows =
        StaffDatabaseException.wrap(
            "Could not load workspaces",
            () -> access.query(statement.sql(), row -> paged(row, query), statement.params()));
    // One row more than asked for tells that there is a next page, without a count.
    boolean more = rows.size() > query.pageSize();
    List<Paged> page = more ? rows.subList(0, query.pageSize()) : rows;
    Paged last = page.isEmpty() ? null : page.get(page.size() - 1);
    return new WorkspacePage(
        page.stream().map(Paged::row).toList(),
        more ? new WorkspaceCursor(last.key(), last.row().id()) : null);
  }

  /** A page's SQL and its parameters in order (the timing test runs it on plain JDBC too). */
  record Statement(String sql, Object[] params) {}

  static Statement statement(WorkspaceQuery query) {
    String key = query.sort().column();
    String dir = query.descending() ? "DESC" : "ASC";
    String op = query.descending() ? "<" : ">";
    StringBuilder sql = new StringBuilder(ROWS);
    List<Object> params = new ArrayList<>();
    // Only the filters that are set, so that the planner sees a plain query, not NULL checks.
    List<String> conditions = new ArrayList<>();
    String text = blankToNull(query.text());
    if (text != null) {
      String pattern = "%" + escapeLike(text) + "%";
      conditions.add("(w.name ILIKE ? OR w.slug ILIKE ?)");
      params.add(pattern);
      params.add(pattern);
    }
    String status = blankToNull(query.status());
    if (status != null) {
      conditions.add("w.status = ?");
      params.add(status);
    }
    String type = blankToNull(query.type());
    if (type != null) {
      conditions.add("w.type = ?");
      params.add(type);
    }
    if (!conditions.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", conditions));
    }
    sql.append(") page");
    if (query.after() != null) {
      sql.append(" WHERE (").append(key).append(", id) ").append(op).append(" (?, ?)");
      params.add(query.after().key());
      params.add(query.after().id());
    }
    sql.append(" ORDER BY ")
        .append(key)
        .append(' ')
        .append(dir)
        .append(", id ")
        .append(dir)
        // Written out (a validated int), not bound: a generic plan would not know the page size.
        .append(" LIMIT ")
        .append(query.pageSize() + 1);
    return new Statement(sql.toString(), params.toArray());
  }

  /** A list row and its sort key, which the next page's cursor starts from. */
  private record Paged(WorkspaceRow row, Object key) {}

  private static Paged paged(Row row, WorkspaceQuery query) {
    WorkspaceRow line =
        new WorkspaceRow(
            row.getLong("id"),
            row.text("name"),
            row.text("slug"),
            row.text("type"),
            row.text("owner_name"),
            row.getLong("members"),
            row.getLong("open_contracts"),
            row.getLong("escrow_held"),
            row.text("default_currency"),
            row.text("status"));
    Object key =
        switch (query.sort()) {
          case CREATED -> row.instant("created_at");
          case MEMBERS, OPEN_CONTRACTS, ESCROW_HELD -> row.getLong(query.sort().column());
          case NAME, SLUG, STATUS -> row.text(query.sort().column());
        };
    return new Paged(line, key);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip().toLowerCase(Locale.ROOT);
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
