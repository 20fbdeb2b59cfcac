package dev.arbiter.persistence.disputes;

import dev.arbiter.model.common.DatabaseValue;
import dev.arbiter.model.disputes.DeadlineAction;
import dev.arbiter.model.disputes.DisputePriority;
import dev.arbiter.model.disputes.DisputeStatus;
import dev.arbiter.model.disputes.ReasonCode;
import dev.arbiter.persistence.session.StaffDatabaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads the dispute queue in keyset pages: filtering and sorting happen in SQL over the whole
 * table, and a page costs the same wherever it is. The caller keeps only a bounded window of pages.
 */
public final class DisputeQueueService {

  /** The largest page one call returns. */
  public static final int MAX_PAGE_SIZE = 500;

  private final DataSource dataSource;

  public DisputeQueueService(DataSource dataSource) {
    this.dataSource = dataSource;
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
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = query.prepare(c);
        ResultSet rs = ps.executeQuery()) {
      List<QueueRow> rows = new ArrayList<>(limit + 1);
      while (rs.next()) {
        rows.add(row(rs, sort.key()));
      }
      boolean more = rows.size() > limit;
      if (more) {
        rows.remove(rows.size() - 1);
      }
      if (direction == PageDirection.BACKWARD) {
        Collections.reverse(rows);
      }
      return new QueuePage(rows, more);
    } catch (SQLException e) {
      throw new StaffDatabaseException("Could not read the dispute queue", e);
    }
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
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = query.prepare(c);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new StaffDatabaseException("Could not count the matching disputes", e);
    }
  }

  /** The ids of matching disputes, at most {@code cap + 1} of them (more than cap: too many). */
  public List<Long> matchingIds(QueueFilter filter, int cap) {
    QueueSql.Query query = QueueSql.ids(filter, cap);
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = query.prepare(c);
        ResultSet rs = ps.executeQuery()) {
      List<Long> ids = new ArrayList<>();
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
      return ids;
    } catch (SQLException e) {
      throw new StaffDatabaseException("Could not list the matching disputes", e);
    }
  }

  /**
   * The queue rows of the given disputes as they are now (for refreshing rows in place after an
   * action), with cursors for {@code sort}; in no particular order.
   */
  public List<QueueRow> rows(List<Long> ids, QueueSort sort) {
    String sql =
        "SELECT "
            + QueueSql.COLUMNS
            + ", "
            + sort.key().expression()
            + " AS sort_value"
            + QueueSql.FROM
            + " WHERE d.id = ANY (?)";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
      List<QueueRow> rows = new ArrayList<>(ids.size());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(row(rs, sort.key()));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new StaffDatabaseException("Could not refresh the disputes", e);
    }
  }

  /** The current state of the given disputes, in id order, for actions on many rows. */
  public List<DisputeSnapshot> snapshots(List<Long> ids) {
    String sql =
        "SELECT id, reference, version, status, priority, assigned_to, response_due_at,"
            + " deadline_action, amount_disputed_minor, currency FROM disputes"
            + " WHERE id = ANY (?) ORDER BY id";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
      List<DisputeSnapshot> snapshots = new ArrayList<>(ids.size());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          snapshots.add(
              new DisputeSnapshot(
                  rs.getLong("id"),
                  rs.getString("reference"),
                  rs.getInt("version"),
                  DatabaseValue.fromDb(DisputeStatus.class, rs.getString("status")),
                  DatabaseValue.fromDb(DisputePriority.class, rs.getString("priority")),
                  rs.getString("assigned_to"),
                  instant(rs, "response_due_at"),
                  deadlineAction(rs.getString("deadline_action")),
                  rs.getLong("amount_disputed_minor"),
                  rs.getString("currency")));
        }
      }
      return snapshots;
    } catch (SQLException e) {
      throw new StaffDatabaseException("Could not read the selected disputes", e);
    }
  }

  static QueueRow row(ResultSet rs, SortKey key) throws SQLException {
    long id = rs.getLong("id");
    return new QueueRow(
        id,
        rs.getString("reference"),
        rs.getString("client_name"),
        rs.getString("freelancer_name"),
        rs.getString("contract_reference"),
        rs.getLong("amount_disputed_minor"),
        rs.getString("currency"),
        DatabaseValue.fromDb(ReasonCode.class, rs.getString("reason_code")),
        DatabaseValue.fromDb(DisputePriority.class, rs.getString("priority")),
        DatabaseValue.fromDb(DisputeStatus.class, rs.getString("status")),
        rs.getString("assigned_to"),
        instant(rs, "opened_at"),
        instant(rs, "response_due_at"),
        deadlineAction(rs.getString("deadline_action")),
        instant(rs, "deadline_acted_at"),
        rs.getInt("version"),
        new QueueCursor(key, sortValue(rs, key), id));
  }

  private static Object sortValue(ResultSet rs, SortKey key) throws SQLException {
    return switch (key.type()) {
      case TEXT -> rs.getString("sort_value");
      case LONG -> rs.getLong("sort_value");
      case INT, SMALLINT -> rs.getInt("sort_value");
      case TIMESTAMP -> rs.getObject("sort_value", OffsetDateTime.class);
    };
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static DeadlineAction deadlineAction(String value) {
    return value == null ? null : DatabaseValue.fromDb(DeadlineAction.class, value);
  }
}
