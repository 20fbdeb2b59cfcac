package dev.arbiter.persistence.escrow;

import dev.arbiter.persistence.escrow.ReleaseQueueQuery.Cursor;
import dev.arbiter.persistence.escrow.ReleaseQueueQuery.Sort;
import dev.arbiter.persistence.session.StaffDatabase;
import dev.arbiter.persistence.session.StaffDatabaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads the release queue: filtered, sorted and paged in SQL by keyset, with each row's gates from
 * {@code checkpoint_gates}, the same function the release itself consults.
 */
public final class ReleaseQueueService {

  /** The most checkpoints a "select all matching" bulk release takes at once. */
  public static final int MAX_MATCHING = 2_000;

  // The filter, sort and keyset run over the checkpoints and what a search matches; the page's rows
  // are then joined to the rest and to checkpoint_gates, so that the gates (a function with
  // several subqueries) are judged for one page of rows, not for every open checkpoint before the
  // sort picks the page.
  private static final String FILTERED =
      " FROM escrow_checkpoints cp JOIN escrows e ON e.id = cp.escrow_id"
          + " JOIN contracts k ON k.id = e.contract_id"
          + " JOIN users payee ON payee.id = k.freelancer_id";

  private static final String SELECT =
      "SELECT cp.id, cp.seq, cp.label, k.reference, k.title, payee.display_name,"
          + " payer.display_name, cp.amount_minor, cp.released_minor, cp.currency, cp.status,"
          + " cp.approval_requirement, cp.submitted_at, cp.auto_release_at, cp.requested_by, "
          + CheckpointGates.COLUMNS
          + ", page.sort_key::text FROM (%s) page"
          + " JOIN escrow_checkpoints cp ON cp.id = page.id"
          + " JOIN escrows e ON e.id = cp.escrow_id"
          + " JOIN contracts k ON k.id = e.contract_id"
          + " JOIN users payee ON payee.id = k.freelancer_id"
          + " JOIN users payer ON payer.id = k.client_id"
          + " CROSS JOIN LATERAL checkpoint_gates(cp.id) g ORDER BY %s";

  private final DataSource dataSource;

  public ReleaseQueueService(StaffDatabase database) {
    this(database.dataSource());
  }

  public ReleaseQueueService(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * One page of the queue. Under {@link Sort#OVERDUE_FIRST} the checkpoints whose auto-release time
   * passed but which a person must decide (single or dual approval: the clock never pays them) come
   * first, oldest due first, then the rest oldest submitted first; the cursor says which of the two
   * parts the next page continues ({@code O:} or {@code R:} before the key).
   */
  public ReleaseQueuePage page(ReleaseQueueQuery query) {
    if (query.sort() != Sort.OVERDUE_FIRST) {
      return part(query, query.sort(), "", query.after(), query.limit(), "");
    }
    Optional<Cursor> after = query.after();
    if (after.isEmpty() || after.get().key().startsWith(OVERDUE_PART)) {
      ReleaseQueuePage overdue =
          part(
              query,
              Sort.AUTO_RELEASE_SOONEST,
              " AND " + OVERDUE,
              after.map(c -> new Cursor(c.key().substring(2), c.id())),
              query.limit(),
              OVERDUE_PART);
      int room = query.limit() - overdue.rows().size();
      if (overdue.next().isPresent()) {
        return overdue;
      }
      if (room == 0) {
        // The overdue part ended exactly here: the next page starts the rest from its beginning.
        return new ReleaseQueuePage(overdue.rows(), Optional.of(new Cursor(REST_PART, 0)));
      }
      ReleaseQueuePage rest =
          part(
              query,
              Sort.OLDEST_SUBMITTED,
              " AND NOT " + OVERDUE,
              Optional.empty(),
              room,
              REST_PART);
      List<ReleaseQueueRow> rows = new ArrayList<>(overdue.rows());
      rows.addAll(rest.rows());
      return new ReleaseQueuePage(rows, rest.next());
    }
    String key = after.get().key().substring(2);
    return part(
        query,
        Sort.OLDEST_SUBMITTED,
        " AND NOT " + OVERDUE,
        key.isEmpty() ? Optional.empty() : Optional.of(new Cursor(key, after.get().id())),
        query.limit(),
        REST_PART);
  }

  // Past its auto-release time and waiting for a person: the clock pays only 'auto' checkpoints.
  // Never NULL (a checkpoint without an auto-release time is not overdue): "NOT OVERDUE" must keep
  // it.
  static final String OVERDUE =
      "(cp.status IN ('submitted', 'approved') AND cp.approval_requirement <> 'auto'"
          + " AND coalesce(cp.auto_release_at <= now(), false))";
  private static final String OVERDUE_PART = "O:";
  private static final String REST_PART = "R:";

  /** Rows of the query ordered by {@code sort}, with {@code predicate} added to its filter. */
  private ReleaseQueuePage part(
      ReleaseQueueQuery query,
      Sort sort,
      String predicate,
      Optional<Cursor> after,
      int limit,
      String cursorPrefix) {
    PageSql page = pageSql(query, sort, predicate, after, limit);
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(page.sql())) {
      bind(ps, page.params());
      List<ReleaseQueueRow> rows = new ArrayList<>();
      List<String> keys = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(row(rs));
          keys.add(rs.getString(26));
        }
      }
      if (rows.size() <= limit) {
        return new ReleaseQueuePage(rows, Optional.empty());
      }
      rows.remove(rows.size() - 1);
      int last = rows.size() - 1;
      return new ReleaseQueuePage(
          rows,
          Optional.of(new Cursor(cursorPrefix + keys.get(last), rows.get(last).checkpointId())));
    } catch (SQLException e) {
      throw new StaffDatabaseException("Could not load the release queue", e);
    }
  }

  /** The SQL of one part of a page and its parameters, in order. */
  record PageSql(String sql, List<Object> params) {}

  static PageSql pageSql(
      ReleaseQueueQuery query, Sort sort, String predicate, Optional<Cursor> after, int limit) {
    List<Object> params = new ArrayList<>();
    StringBuilder sql =
        new StringBuilder("SELECT cp.id, ").append(sortKey(sort)).append(" AS sort_key");
    sql.append(FILTERED);
    where(query, params, sql);
    sql.append(predicate);
    after.ifPresent(
        cursor -> {
          sql.append(
              sort == Sort.LARGEST_AMOUNT
                  ? " AND (" + sortKey(sort) + ", cp.id) < (?::bigint, ?)"
                  : " AND (" + sortKey(sort) + ", cp.id) > (?::timestamptz, ?)");
          params.add(cursor.key());
          params.add(cursor.id());
        });
    sql.append(" ORDER BY ").append(order(sort)).append(" LIMIT ?");
    params.add(limit + 1);
    return new PageSql(String.format(SELECT, sql, order(sort)), params);
  }

  /**
   * The ids of approved checkpoints matching the query's filter (its statuses aside), in queue
   * order, up to {@link #MAX_MATCHING}: the "all matching" selection of a bulk release.
   */
  public List<Long> approvedMatching(ReleaseQueueQuery query) {
    ReleaseQueueQuery approved =
        new ReleaseQueueQuery(
            List.of("approved"),
            query.currency(),
            query.search(),
            query.sort(),
            Optional.empty(),
            1);
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT cp.id" + FILTERED);
    where(approved, params, sql);
    sql.append(" ORDER BY ").append(order(query.sort())).append(" LIMIT ?");
    params.add(MAX_MATCHING);
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql.toString())) {
      bind(ps, params);
      List<Long> ids = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
      return ids;
    } catch (SQLException e) {
      throw new StaffDatabaseException("Could not select the matching checkpoints", e);
    }
  }

  private static void where(ReleaseQueueQuery query, List<Object> params, StringBuilder sql) {
    sql.append(" WHERE cp.status = ANY (?)");
    params.add(query.statuses().toArray(String[]::new));
    if (query.currency() != null && !query.currency().isBlank()) {
      sql.append(" AND cp.currency = ?");
      params.add(query.currency().strip().toUpperCase(java.util.Locale.ROOT));
    }
    if (query.search() != null && !query.search().isBlank()) {
      sql.append(" AND (k.reference ILIKE ? OR cp.label ILIKE ? OR payee.display_name ILIKE ?)");
      String like = "%" + query.search().strip().replace("%", "\\%").replace("_", "\\_") + "%";
      params.add(like);
      params.add(like);
      params.add(like);
    }
  }

  private static String sortKey(Sort sort) {
    return switch (sort) {
      case OLDEST_SUBMITTED, OVERDUE_FIRST -> "coalesce(cp.submitted_at, cp.created_at)";
      case AUTO_RELEASE_SOONEST -> "coalesce(cp.auto_release_at, 'infinity'::timestamptz)";
      case LARGEST_AMOUNT -> "(cp.amount_minor - cp.released_minor)";
    };
  }

  private static String order(Sort sort) {
    return sort == Sort.LARGEST_AMOUNT
        ? sortKey(sort) + " DESC, cp.id DESC"
        : sortKey(sort) + ", cp.id";
  }

  private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      Object p = params.get(i);
      if (p instanceof String[] array) {
        ps.setArray(i + 1, ps.getConnection().createArrayOf("text", array));
      } else {
        ps.setObject(i + 1, p);
      }
    }
  }

  private static ReleaseQueueRow row(ResultSet rs) throws SQLException {
    return new ReleaseQueueRow(
        rs.getLong(1),
        rs.getInt(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getLong(8),
        rs.getLong(9),
        rs.getString(10),
        rs.getString(11),
        rs.getString(12),
        instant(rs.getTimestamp(13)),
        instant(rs.getTimestamp(14)),
        rs.getString(15),
        CheckpointGates.read(rs, 16));
  }

  static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
