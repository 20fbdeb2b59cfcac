package dev.arbiter.persistence.escrow;

import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.access.Row;
import dev.arbiter.persistence.access.Sql;
import dev.arbiter.persistence.escrow.ReleaseQueueQuery.Cursor;
import dev.arbiter.persistence.escrow.ReleaseQueueQuery.Sort;
import dev.arbiter.persistence.session.StaffDatabaseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * Reads the release queue: filtered, sorted and paged in SQL by keyset, with each row's gates from
 * {@code checkpoint_gates}, the same function the release itself consults. A page is a projection
 * (native SQL read by column name): an entity would load more than a row shows, and the gates are a
 * function's answer, not a mapped table.
 */
public final class ReleaseQueueService {

  /** The most checkpoints a "select all matching" bulk release takes at once. */
  public static final int MAX_MATCHING = 2_000;

  // The filter, sort and keyset run over the checkpoints and what a search matches; the page's rows
  // are then joined to the rest and to their gates, so that the gates (a function with several
  // subqueries) are judged for one page of rows, not for every open checkpoint before the sort
  // picks
  // the page, and in one call for the whole page (checkpoint_gates_of), not one per row.
  private static final String FILTERED =
      " FROM escrow_checkpoints cp JOIN escrows e ON e.id = cp.escrow_id"
          + " JOIN contracts k ON k.id = e.contract_id"
          + " JOIN users payee ON payee.id = k.freelancer_id";

  private static final String SELECT =
      "WITH page AS MATERIALIZED (%s)"
          + " SELECT cp.id AS id, cp.seq AS seq, cp.label AS label, k.reference AS contract_reference,"
          + " k.title AS contract_title, payee.display_name AS payee,"
          + " payer.display_name AS payer, cp.amount_minor AS amount_minor,"
          + " cp.released_minor AS released_minor, cp.currency AS currency, cp.status AS status,"
          + " cp.approval_requirement AS approval_requirement, cp.submitted_at AS submitted_at,"
          + " cp.auto_release_at AS auto_release_at, cp.requested_by AS requested_by, "
          + CheckpointGates.COLUMNS
          + ", page.sort_key::text AS sort_key FROM page"
          + " JOIN escrow_checkpoints cp ON cp.id = page.id"
          + " JOIN escrows e ON e.id = cp.escrow_id"
          + " JOIN contracts k ON k.id = e.contract_id"
          + " JOIN users payee ON payee.id = k.freelancer_id"
          + " JOIN users payer ON payer.id = k.client_id"
          + " JOIN checkpoint_gates_of(ARRAY(SELECT id FROM page)) g ON g.checkpoint_id = cp.id"
          + " ORDER BY %s";

  // Past its auto-release time and waiting for a person: the clock pays only 'auto' checkpoints.
  // Never NULL (a checkpoint without an auto-release time is not overdue): "NOT OVERDUE" must keep
  // it. Written as V95's escrow_checkpoints_overdue states it, so that the overdue part is a range
  // of that small index rather than a walk over every open checkpoint.
  static final String OVERDUE =
      "(cp.status IN ('submitted', 'approved') AND cp.approval_requirement <> 'auto'"
          + " AND cp.auto_release_at IS NOT NULL"
          + " AND coalesce(cp.auto_release_at, 'infinity'::timestamptz) <= now())";

  private static final String OVERDUE_PART = "O:";
  private static final String REST_PART = "R:";

  /** The SQL of one part of a page, its parameters in order, and the rows the part shows. */
  record PageSql(String sql, List<Object> params, int limit) {}

  /** A row and the text of its sort key, which the next page's cursor carries. */
  private record Keyed(ReleaseQueueRow row, String key) {}

  private final DataAccess access;

  public ReleaseQueueService(DataAccess access) {
    this.access = access;
  }

  /**
   * One page of the queue. Under {@link Sort#OVERDUE_FIRST} the checkpoints whose auto-release time
   * passed but which a person must decide (single or dual approval: the clock never pays them) come
   * first, oldest due first, then the rest oldest submitted first; the cursor says which of the two
   * parts the next page continues ({@code O:} or {@code R:} before the key).
   */
  public ReleaseQueuePage page(ReleaseQueueQuery query) {
    return StaffDatabaseException.wrap(
        "Could not load the release queue", () -> access.read(session -> page(session, query)));
  }

  private static ReleaseQueuePage page(Session session, ReleaseQueueQuery query) {
    if (query.sort() != Sort.OVERDUE_FIRST) {
      return part(session, pageSql(query, query.sort(), "", query.after(), query.limit()), "");
    }
    Optional<Cursor> after = query.after();
    if (after.isEmpty() || after.get().key().startsWith(OVERDUE_PART)) {
      ReleaseQueuePage overdue =
          part(
              session,
              pageSql(
                  query,
                  Sort.AUTO_RELEASE_SOONEST,
                  " AND " + OVERDUE,
                  after.map(c -> new Cursor(c.key().substring(2), c.id())),
                  query.limit()),
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
              session,
              pageSql(query, Sort.OLDEST_SUBMITTED, " AND NOT " + OVERDUE, Optional.empty(), room),
              REST_PART);
      List<ReleaseQueueRow> rows = new ArrayList<>(overdue.rows());
      rows.addAll(rest.rows());
      return new ReleaseQueuePage(rows, rest.next());
    }
    String key = after.get().key().substring(2);
    return part(
        session,
        pageSql(
            query,
            Sort.OLDEST_SUBMITTED,
            " AND NOT " + OVERDUE,
            key.isEmpty() ? Optional.empty() : Optional.of(new Cursor(key, after.get().id())),
            query.limit()),
        REST_PART);
  }

  /** The rows of one part, and a cursor (under {@code cursorPrefix}) when more follow. */
  private static ReleaseQueuePage part(Session session, PageSql page, String cursorPrefix) {
    List<Keyed> keyed =
        Sql.list(
            session,
            page.sql(),
            row -> new Keyed(row(row), row.text("sort_key")),
            page.params().toArray());
    List<ReleaseQueueRow> rows = keyed.stream().limit(page.limit()).map(Keyed::row).toList();
    if (keyed.size() <= page.limit()) {
      return new ReleaseQueuePage(rows, Optional.empty());
    }
    Keyed last = keyed.get(page.limit() - 1);
    return new ReleaseQueuePage(
        rows, Optional.of(new Cursor(cursorPrefix + last.key(), last.row().checkpointId())));
  }

  /**
   * The SQL of the query's rows ordered by {@code sort}, with {@code predicate} added to its
   * filter, after {@code after}; it asks for one row more than {@code limit} to tell whether more
   * follow.
   */
  static PageSql pageSql(
      ReleaseQueueQuery query, Sort sort, String predicate, Optional<Cursor> after, int limit) {
    List<Object> params = new ArrayList<>();
    StringBuilder sql =
        new StringBuilder("SELECT cp.id AS id, ").append(sortKey(sort)).append(" AS sort_key");
    sql.append(FILTERED);
    where(query, params, sql);
    sql.append(predicate);
    after.ifPresent(
        cursor -> {
          sql.append(
              sort == Sort.LARGEST_AMOUNT
                  ? " AND (" + sortKey(sort) + ", cp.id) < (CAST(? AS bigint), ?)"
                  : " AND (" + sortKey(sort) + ", cp.id) > (CAST(? AS timestamptz), ?)");
          params.add(cursor.key());
          params.add(cursor.id());
        });
    // The limit is written out (a validated int, 1 to 501): a plan made without knowing it, as a
    // prepared statement's generic plan is, would prepare to read every open checkpoint.
    sql.append(" ORDER BY ").append(order(sort)).append(" LIMIT ").append(limit + 1);
    return new PageSql(String.format(SELECT, sql, order(sort)), params, limit);
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
    StringBuilder sql = new StringBuilder("SELECT cp.id AS id").append(FILTERED);
    where(approved, params, sql);
    sql.append(" ORDER BY ").append(order(query.sort())).append(" LIMIT ?");
    params.add(MAX_MATCHING);
    return StaffDatabaseException.wrap(
        "Could not select the matching checkpoints",
        () ->
            access.read(
                session ->
                    Sql.list(session, sql.toString(), r -> r.getLong("id"), params.toArray())));
  }

  private static void where(ReleaseQueueQuery query, List<Object> params, StringBuilder sql) {
    // The statuses are written out, not bound: V95's partial indexes hold open checkpoints, and a
    // planner uses one only for a predicate it can prove from the statement's text. They can be:
    // the query accepts only the open statuses' own names.
    sql.append(" WHERE cp.status IN (")
        .append(
            ReleaseQueueQuery.OPEN_STATUSES.stream()
                .filter(query.statuses()::contains)
                .map(status -> "'" + status + "'")
                .collect(Collectors.joining(", ")))
        .append(")");
    if (query.currency() != null && !query.currency().isBlank()) {
      sql.append(" AND cp.currency = ?");
      params.add(query.currency().strip().toUpperCase(Locale.ROOT));
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

  private static ReleaseQueueRow row(Row row) {
    return new ReleaseQueueRow(
        row.getLong("id"),
        row.getInt("seq"),
        row.text("label"),
        row.text("contract_reference"),
        row.text("contract_title"),
        row.text("payee"),
        row.text("payer"),
        row.getLong("amount_minor"),
        row.getLong("released_minor"),
        row.text("currency"),
        row.text("status"),
        row.text("approval_requirement"),
        row.instant("submitted_at"),
        row.instant("auto_release_at"),
        row.text("requested_by"),
        CheckpointGates.of(row));
  }
}
