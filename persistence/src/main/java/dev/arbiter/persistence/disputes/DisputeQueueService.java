package dev.arbiter.persistence.disputes;

import dev.arbiter.model.disputes.DeadlineAction;
import dev.arbiter.model.disputes.DisputePriority;
import dev.arbiter.model.disputes.DisputeStatus;
import dev.arbiter.model.disputes.ReasonCode;
import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.access.Row;
import dev.arbiter.persistence.session.StaffDatabaseException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.postgresql.PGStatement;

/**
 * Reads the dispute queue in keyset pages: filtering and sorting happen in SQL over the whole
 * table, and a page costs the same wherever it is. The caller keeps only a bounded window of pages.
 *
 * <p>Every read here is one statement, so it runs as a {@link DataAccess#query} (auto-commit, rows
 * by name), not in a transaction: a page takes about a millisecond, and a transaction around it
 * measured 2.5 to 12 times raw JDBC on the same SQL on a busy two-core machine, where the queue
 * must stay within 1.15 times. This path measured 0.96 to 1.03 times ({@code
 * DisputeQueueBenchmark}).
 */
public final class DisputeQueueService {

  /** The largest page one call returns. */
  public static final int MAX_PAGE_SIZE = 500;

  private static final String SNAPSHOTS =
      "SELECT id, reference, version, status, priority, assigned_to, response_due_at,"
          + " deadline_action, amount_disputed_minor, currency FROM disputes"
          + " WHERE id = ANY (?) ORDER BY id";

  private final DataAccess access;

  public DisputeQueueService(DataAccess access) {
    this.access = access;
  }

  /**
   * One page of at most {@code limit} rows, in queue order.
   *
   * @param cursor the row to start after (FORWARD) or before (BACKWARD), or null for the first page
   *     (FORWARD) or the last page (BACKWARD)
   * @throws StaffDatabaseException when the database cannot be read
   */
  public QueuePage page(
      QueueFilter filter, QueueSort sort, QueueCursor cursor, PageDirection direction, int limit) {
    if (limit < 1 || limit > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("page size must be 1.." + MAX_PAGE_SIZE + ": " + limit);
    }
    QueueSql.Query query = QueueSql.page(filter, sort, cursor, direction, limit);
    List<QueueRow> rows =
        new ArrayList<>(
            StaffDatabaseException.wrap(
                "Could not read the dispute queue",
                () -> access.query(query.sql(), r -> row(r, sort.key()), query.args())));
    boolean more = rows.size() > limit;
    if (more) {
      rows.remove(rows.size() - 1);
    }
    if (direction == PageDirection.BACKWARD) {
      Collections.reverse(rows);
    }
    return new QueuePage(rows, more);
  }

  /** The first page in queue order. */
  public QueuePage firstPage(QueueFilter filter, QueueSort sort, int limit) {
    return page(filter, sort, null, PageDirection.FORWARD, limit);
  }

  /**
   * How many disputes match, counted up to {@code cap}; a result above {@code cap} means "more than
   * cap" (the count stops there so that a broad filter over a million rows stays quick).
   */
  public long count(QueueFilter filter, int cap) {
    QueueSql.Query query = QueueSql.count(filter, cap);
    return StaffDatabaseException.wrap(
        "Could not count the matching disputes",
        () -> access.query(query.sql(), r -> r.getLong("matching"), query.args()).get(0));
  }

  /** The ids of matching disputes, at most {@code cap + 1} of them (more than cap: too many). */
  public List<Long> matchingIds(QueueFilter filter, int cap) {
    QueueSql.Query query = QueueSql.ids(filter, cap);
    return StaffDatabaseException.wrap(
        "Could not list the matching disputes",
        () -> access.query(query.sql(), r -> r.getLong("id"), query.args()));
  }

  /**
   * The queue rows of the given disputes as they are now (for refreshing rows in place after an
   * action), with cursors for {@code sort}; in no particular order.
   */
  public List<QueueRow> rows(List<Long> ids, QueueSort sort) {
    QueueSql.Query query = QueueSql.rows(ids, sort);
    return StaffDatabaseException.wrap(
        "Could not refresh the disputes",
        () -> access.query(query.sql(), r -> row(r, sort.key()), query.args()));
  }

  /**
   * Those of the given disputes that match {@code filter}, as queue rows with cursors for {@code
   * sort}, in no particular order: one index lookup per id, for judging a live change.
   */
  public List<QueueRow> matchingRows(List<Long> ids, QueueFilter filter, QueueSort sort) {
    QueueSql.Query query = QueueSql.matchingRows(ids, filter, sort);
    return StaffDatabaseException.wrap(
        "Could not read the changed disputes",
        () -> access.query(query.sql(), r -> row(r, sort.key()), query.args()));
  }

  /** The current state of the given disputes, in id order, for actions on many rows. */
  public List<DisputeSnapshot> snapshots(List<Long> ids) {
    return StaffDatabaseException.wrap(
        "Could not read the selected disputes",
        () ->
            access.query(
                SNAPSHOTS,
                r ->
                    new DisputeSnapshot(
                        r.getLong("id"),
                        r.text("reference"),
                        r.getInt("version"),
                        r.value(DisputeStatus.class, "status"),
                        r.value(DisputePriority.class, "priority"),
                        r.text("assigned_to"),
                        r.instant("response_due_at"),
                        r.value(DeadlineAction.class, "deadline_action"),
                        r.getLong("amount_disputed_minor"),
                        r.text("currency")),
                (Object) ids.toArray(Long[]::new)));
  }

  /**
   * A queue row, with its cursor for {@code key}; the row holds every column of {@link QueueSql}.
   */
  static QueueRow row(Row r, SortKey key) {
    long id = r.getLong("id");
    return new QueueRow(
        id,
        r.text("reference"),
        r.text("client_name"),
        r.text("freelancer_name"),
        r.text("contract_reference"),
        r.getLong("amount_disputed_minor"),
        r.text("currency"),
        r.value(ReasonCode.class, "reason_code"),
        r.value(DisputePriority.class, "priority"),
        r.value(DisputeStatus.class, "status"),
        r.text("assigned_to"),
        r.instant("opened_at"),
        r.instant("response_due_at"),
        r.value(DeadlineAction.class, "deadline_action"),
        r.instant("deadline_acted_at"),
        r.getInt("version"),
        new QueueCursor(key, sortValue(r, key), id));
  }

  private static Object sortValue(Row r, SortKey key) {
    return switch (key.type()) {
      case TEXT -> r.text("sort_value");
      case LONG -> r.getLong("sort_value");
      case INT, SMALLINT -> r.getInt("sort_value");
      case TIMESTAMP -> timestamp(r.instant("sort_value"));
    };
  }

  /**
   * A timestamp cursor as the driver's {@link OffsetDateTime}. The DUE sort puts cases without a
   * deadline at 'infinity', which the driver hands over as a far-future instant: that one is {@link
   * OffsetDateTime#MAX}, which binds back as 'infinity'.
   */
  private static OffsetDateTime timestamp(Instant at) {
    return at.toEpochMilli() == PGStatement.DATE_POSITIVE_INFINITY
        ? OffsetDateTime.MAX
        : at.atOffset(ZoneOffset.UTC);
  }
}
