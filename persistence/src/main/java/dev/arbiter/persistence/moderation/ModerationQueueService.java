package dev.arbiter.persistence.moderation;

import dev.arbiter.model.common.DatabaseValue;
import dev.arbiter.model.moderation.FlagStatus;
import dev.arbiter.model.moderation.Severity;
import dev.arbiter.persistence.session.StaffDatabase;
import dev.arbiter.persistence.session.StaffDatabaseException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads the grouped flag queue from {@code moderation_items}: filtered and sorted in SQL, one
 * keyset page at a time, so a deep page costs what the first one does.
 */
public final class ModerationQueueService {

  private static final String COLUMNS =
      "SELECT mi.id, mi.entity_type, mi.entity_id,"
          + " moderation_item_preview(mi.entity_type, mi.entity_id), mi.open_count, mi.flag_count,"
          + " mi.max_severity_rank, mi.reasons, mi.first_flagged_at, mi.last_flagged_at,"
          + " mi.status, CASE WHEN mi.claimed_at > now() - s.ttl THEN mi.assigned_to END,"
          + " mi.claimed_at + s.ttl, mi.score, ";

  private final DataSource dataSource;

  public ModerationQueueService(StaffDatabase database) {
    this(database.dataSource());
  }

  /** For benchmarks and tests that hold a plain data source. */
  public ModerationQueueService(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * The page after {@code cursor} (the first page when null).
   *
   * @throws StaffDatabaseException when the database cannot be read
   */
  public QueuePage page(QueueFilter filter, QueueSort sort, QueueCursor cursor, int limit) {
    QueueQuery query = new QueueQuery(filter);
    if (cursor != null) {
      query.after(sort, cursor);
    }
    String sql =
        COLUMNS
            + "mi."
            + sort.column()
            + "::text"
            + QueueQuery.FROM
            + query.where()
            + " ORDER BY "
            + sort.orderBy()
            + " LIMIT ?";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setInt(query.bind(ps), limit + 1);
      List<QueueRow> rows = new ArrayList<>();
      List<String> sortValues = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(row(rs));
          sortValues.add(rs.getString(15));
        }
      }
      // One row more than asked for tells that there is a next page, without a count.
      if (rows.size() <= limit) {
        return new QueuePage(rows, null);
      }
      QueueRow last = rows.get(limit - 1);
      return new QueuePage(
          rows.subList(0, limit), new QueueCursor(sortValues.get(limit - 1), last.rowId()));
    } catch (SQLException e) {
      throw new StaffDatabaseException("Could not load the flag queue", e);
    }
  }

  /**
   * How many items match {@code filter}.
   *
   * @throws StaffDatabaseException when the database cannot be read
   */
  public long count(QueueFilter filter) {
    QueueQuery query = new QueueQuery(filter);
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT count(*)" + QueueQuery.FROM + query.where())) {
      query.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new StaffDatabaseException("Could not count the flag queue", e);
    }
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
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setInt(query.bind(ps), max);
      List<ItemKey> keys = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          keys.add(ItemKey.of(rs.getString(1), rs.getLong(2)));
        }
      }
      return keys;
    } catch (SQLException e) {
      throw new StaffDatabaseException("Could not list the matching items", e);
    }
  }

  private static QueueRow row(ResultSet rs) throws SQLException {
    Array reasons = rs.getArray(8);
    return new QueueRow(
        rs.getLong(1),
        ItemKey.of(rs.getString(2), rs.getLong(3)),
        rs.getString(4),
        rs.getInt(5),
        rs.getInt(6),
        Severity.values()[rs.getInt(7) - 1],
        Arrays.asList((String[]) reasons.getArray()),
        instant(rs.getTimestamp(9)),
        instant(rs.getTimestamp(10)),
        DatabaseValue.fromDb(FlagStatus.class, rs.getString(11)),
        rs.getString(12),
        rs.getString(12) == null ? null : instant(rs.getTimestamp(13)),
        rs.getBigDecimal(14));
  }

  static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
