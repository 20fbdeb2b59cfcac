package dev.arbiter.persistence.moderation;

import static dev.arbiter.persistence.moderation.ModerationQueueService.instant;

import dev.arbiter.model.audit.AuditActor;
import dev.arbiter.persistence.moderation.ItemDetail.AuthorHistory;
import dev.arbiter.persistence.moderation.ItemDetail.EarlierFlag;
import dev.arbiter.persistence.moderation.ItemDetail.Field;
import dev.arbiter.persistence.moderation.ItemDetail.FlagLine;
import dev.arbiter.persistence.moderation.ItemDetail.TimelineEntry;
import dev.arbiter.persistence.session.StaffDatabase;
import dev.arbiter.persistence.session.StaffDatabaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Loads one flagged item for the item view, in a single read-only snapshot. */
public final class ModerationItemService {

  private final DataSource dataSource;

  public ModerationItemService(StaffDatabase database) {
    this(database.dataSource());
  }

  public ModerationItemService(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * The item's content, flags, author history, decisions and audit timeline.
   *
   * @throws StaffDatabaseException when the database cannot be read
   */
  public ItemDetail load(ItemKey key) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      c.setReadOnly(true);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try {
        ItemDetail detail = read(c, key);
        c.commit();
        return detail;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
        c.setReadOnly(false);
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      }
    } catch (SQLException e) {
      throw new StaffDatabaseException("Could not load " + key.label(), e);
    }
  }

  private static ItemDetail read(Connection c, ItemKey key) throws SQLException {
    String preview;
    boolean hidden;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT moderation_item_preview(?, ?), EXISTS (SELECT 1 FROM moderation_hidden_content"
                + " WHERE entity_type = ? AND entity_id = ?)")) {
      bindKey(ps, 1, key);
      bindKey(ps, 3, key);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        preview = rs.getString(1);
        hidden = rs.getBoolean(2);
      }
    }
    List<FlagLine> flags = flags(c, key);
    List<DecisionEntry> decisions =
        DecisionLog.read(
            c,
            " WHERE d.entity_type = ? AND d.entity_id = ? ORDER BY d.decided_at DESC, d.id DESC",
            ps -> bindKey(ps, 1, key));
    return new ItemDetail(
        key,
        preview,
        content(c, key),
        hidden,
        flags,
        author(c, key),
        decisions,
        timeline(c, key, flags, decisions));
  }

  private static void bindKey(PreparedStatement ps, int at, ItemKey key) throws SQLException {
    ps.setString(at, key.type().dbValue());
    ps.setLong(at + 1, key.id());
  }

  private static List<Field> content(Connection c, ItemKey key) throws SQLException {
    List<Field> fields = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(ItemContentQueries.of(key.type()))) {
      ps.setLong(1, key.id());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          ResultSetMetaData meta = rs.getMetaData();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            Object value = rs.getObject(i);
            String text = value instanceof Timestamp t ? t.toInstant().toString() : rs.getString(i);
            fields.add(new Field(meta.getColumnLabel(i), text == null ? "" : text));
          }
        }
      }
    }
    return fields;
  }

  private static List<FlagLine> flags(Connection c, ItemKey key) throws SQLException {
    List<FlagLine> flags = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(ItemContentQueries.FLAGS)) {
      bindKey(ps, 1, key);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          flags.add(
              new FlagLine(
                  rs.getLong(1),
                  rs.getLong(2),
                  rs.getString(3),
                  rs.getInt(4),
                  rs.getBigDecimal(5),
                  rs.getBigDecimal(6),
                  rs.getString(7),
                  rs.getString(8),
                  rs.getString(9),
                  rs.getString(10),
                  instant(rs.getTimestamp(11)),
                  rs.getString(12),
                  rs.getString(13),
                  rs.getString(14)));
        }
      }
    }
    return flags;
  }

  private static AuthorHistory author(Connection c, ItemKey key) throws SQLException {
    long userId;
    String name;
    String status;
    Timestamp until;
    try (PreparedStatement ps = c.prepareStatement(ItemContentQueries.AUTHOR)) {
      bindKey(ps, 1, key);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return new AuthorHistory(null, null, null, null, List.of(), List.of());
        }
        userId = rs.getLong(1);
        name = rs.getString(2);
        status = rs.getString(3);
        until = rs.getTimestamp(4);
      }
    }
    List<EarlierFlag> earlier = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(ItemContentQueries.EARLIER_FLAGS)) {
      for (int i = 1; i <= 5; i++) {
        ps.setLong(i, userId);
      }
      bindKey(ps, 6, key);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          earlier.add(
              new EarlierFlag(
                  ItemKey.of(rs.getString(1), rs.getLong(2)),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  instant(rs.getTimestamp(6))));
        }
      }
    }
    List<DecisionEntry> against =
        DecisionLog.read(
            c,
            " WHERE d.subject_user_id = ? ORDER BY d.decided_at DESC, d.id DESC LIMIT 50",
            ps -> ps.setLong(1, userId));
    return new AuthorHistory(userId, name, status, instant(until), earlier, against);
  }

  private static List<TimelineEntry> timeline(
      Connection c, ItemKey key, List<FlagLine> flags, List<DecisionEntry> decisions)
      throws SQLException {
    List<TimelineEntry> entries = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(ItemContentQueries.TIMELINE)) {
      ps.setArray(
          1,
          c.createArrayOf(
              "text", flags.stream().map(f -> Long.toString(f.id())).toArray(String[]::new)));
      ps.setArray(
          2,
          c.createArrayOf(
              "text", decisions.stream().map(d -> Long.toString(d.id())).toArray(String[]::new)));
      ps.setString(3, ItemContentQueries.table(key.type()));
      ps.setString(4, Long.toString(key.id()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          entries.add(
              new TimelineEntry(
                  rs.getLong("id"),
                  instant(rs.getTimestamp("occurred_at")),
                  new AuditActor(rs.getString("actor"), rs.getString("db_user")),
                  rs.getString("what")));
        }
      }
    }
    return entries;
  }
}
