package dev.arbiter.persistence.moderation;

import dev.arbiter.model.moderation.FlagStatus;
import dev.arbiter.model.moderation.Severity;
import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.access.Row;
import dev.arbiter.persistence.access.RowMapper;
import dev.arbiter.persistence.session.StaffDatabaseException;
import java.util.List;

/**
 * Reads the grouped flag queue from {@code moderation_items}: filtered and sorted in SQL, one
 * keyset page at a time, so a deep page costs what the first one does.
 */
public final class ModerationQueueService {

  private static final String COLUMNS =
      "SELECT mi.id, mi.entity_type, mi.entity_id,"
          + " moderation_item_preview(mi.entity_type, mi.entity_id) AS preview, mi.open_count,"
          + " mi.flag_count, mi.max_severity_rank, mi.reasons, mi.first_flagged_at,"
          + " mi.last_flagged_at, mi.status,"
          + " CASE WHEN mi.claimed_at > now() - s.ttl THEN mi.assigned_to END AS claimant,"
          + " mi.claimed_at + s.ttl AS claimed_until, mi.score, ";

  private final DataAccess access;

  public ModerationQueueService(DataAccess access) {
    this.access = access;
  }

  /**
   * The page after {@code cursor} (the first page when null).
   *
   * @throws StaffDatabaseException when the database cannot be read
   */
  public QueuePage page(QueueFilter filter, QueueSort sort, QueueCursor cursor, int limit) {
    PageSql page = pageSql(filter, sort, cursor, limit);
    List<Paged> rows =
        read(
            "Could not load the flag queue",
            page.sql(),
            row -> new Paged(row(row), row.text("sort_value")),
            page.params());
    // One row more than asked for tells that there is a next page, without a count.
    if (rows.size() <= limit) {
      return new QueuePage(rows.stream().map(Paged::row).toList(), null);
    }
    Paged last = rows.get(limit - 1);
    return new QueuePage(
        rows.subList(0, limit).stream().map(Paged::row).toList(),
        new QueueCursor(last.sortValue(), last.row().rowId()));
  }

  /** One page's SQL and its parameters in order. */
  record PageSql(String sql, Object[] params) {}

  static PageSql pageSql(QueueFilter filter, QueueSort sort, QueueCursor cursor, int limit) {
    QueueQuery query = new QueueQuery(filter);
    if (cursor != null) {
      query.after(sort, cursor);
    }
    String sql =
        COLUMNS
            + "mi."
            + sort.column()
            + "::text AS sort_value"
            + QueueQuery.FROM
            + query.where()
            + " ORDER BY "
            + sort.orderBy()
            // Written out, not bound: a plan made without the limit (a prepared statement's
            // generic plan) would prepare to read every open item and sort them.
            + " LIMIT "
            + (limit + 1);
    return new PageSql(sql, query.params());
  }

  /**
   * How many items match {@code filter}.
   *
   * @throws StaffDatabaseException when the database cannot be read
   */
  public long count(QueueFilter filter) {
    QueueQuery query = new QueueQuery(filter);
    return read(
            "Could not count the flag queue",
            "SELECT count(*) AS n" + QueueQuery.FROM + query.where(),
            row -> row.getLong("n"),
            query.params())
        .get(0);
  }

  /**
   * The keys of up to {@code max} items matching {@code filter}, in priority order, for a bulk
   * action on "everything matching".
   *
   * @throws StaffDatabaseException when the database cannot be read
   */
  public List<ItemKey> keys(QueueFilter filter, int max) {
    QueueQuery query = new QueueQuery(filter);
    String sql =
        "SELECT mi.entity_type, mi.entity_id"
            + QueueQuery.FROM
            + query.where()
            + " ORDER BY "
            + QueueSort.PRIORITY.orderBy()
            + " LIMIT ?";
    return read(
        "Could not list the matching items",
        sql,
        row -> ItemKey.of(row.text("entity_type"), row.getLong("entity_id")),
        query.params(max));
  }

  private <T> List<T> read(String what, String sql, RowMapper<T> mapper, Object[] params) {
    // One statement each: a query, not a transaction (see DataAccess.query).
    return StaffDatabaseException.wrap(what, () -> access.query(sql, mapper, params));
  }

  private static QueueRow row(Row row) {
    String claimant = row.text("claimant");
    return new QueueRow(
        row.getLong("id"),
        ItemKey.of(row.text("entity_type"), row.getLong("entity_id")),
        row.text("preview"),
        row.getInt("open_count"),
        row.getInt("flag_count"),
        Severity.values()[row.getInt("max_severity_rank") - 1],
        row.texts("reasons"),
        row.instant("first_flagged_at"),
        row.instant("last_flagged_at"),
        row.value(FlagStatus.class, "status"),
        claimant,
        claimant == null ? null : row.instant("claimed_until"),
        row.decimal("score"));
  }

  /** A queue row and its sort value, which the next page's cursor starts from. */
  private record Paged(QueueRow row, String sortValue) {}
}
