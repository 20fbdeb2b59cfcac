package dev.arbiter.persistence.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.postgresql.PGResultSetMetaData;
import org.postgresql.PGStatement;

/**
 * Proves that audit_log is the chain {@code audit_append} wrote: ids gapless from 1, every entry
 * linked to its predecessor's hash, every hash equal to {@code sha256(prev_hash ||
 * utf8(canonical))} recomputed here from the columns, and {@code audit_chain_head} naming the last
 * entry. Against an exported {@link ChainAnchor} it also catches a removed tail, which leaves an
 * intact but shorter chain.
 *
 * <p>It reads the log in id ranges inside one read-only REPEATABLE READ transaction, so entries
 * appended meanwhile are neither half seen nor mistaken for a head mismatch. Given a data source
 * and a parallelism above one, several connections read ranges at once in that same snapshot (see
 * {@link ParallelChainWalk}). It stops at the first bad entry. Any role that may read audit_log and
 * audit_chain_head (all staff) can run it.
 */
public final class AuditChainVerifier {

  /** Entries per keyset range. */
  public static final int DEFAULT_BATCH_SIZE = 50_000;

  private static final int FETCH_SIZE = 5_000;
  private static final int CANCEL_CHECK_MASK = 1023;

  private static final String SELECT_RANGE =
      """
      SELECT id, occurred_at, actor, db_user, action, command, entity_type, entity_id,
             old_values::text, new_values::text, request_id, client_info, prev_hash, hash
        FROM audit_log
       WHERE id > ? AND id <= ?
       ORDER BY id
       LIMIT ?""";

  private static final String SELECT_HEAD =
      "SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1";

  private final int batchSize;

  public AuditChainVerifier() {
    this(DEFAULT_BATCH_SIZE);
  }

  public AuditChainVerifier(int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be positive: " + batchSize);
    }
    this.batchSize = batchSize;
  }

  int batchSize() {
    return batchSize;
  }

  /** Verifies the whole chain on a connection of its own. */
  public ChainVerification verify(DataSource dataSource) {
    return verify(dataSource, VerifyOptions.defaults().parallelism(1));
  }

  /**
   * Verifies the whole chain and that it still reaches {@code anchor} (when not null) with the
   * anchor's hash.
   */
  public ChainVerification verify(DataSource dataSource, ChainAnchor anchor) {
    return verify(dataSource, VerifyOptions.defaults().parallelism(1).against(anchor));
  }

  /**
   * Verifies as {@code options} ask, on connections of its own.
   *
   * @throws IllegalArgumentException when {@code options.fromId()} lies beyond the last entry
   * @throws CancellationException when {@code options.cancelled()} turned true
   * @throws ChainReadException when the log could not be read
   */
  public ChainVerification verify(DataSource dataSource, VerifyOptions options) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (Statement s = c.createStatement()) {
          s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        }
        return walk(c, dataSource, options);
      } finally {
        c.rollback();
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new ChainReadException("could not read the audit chain", e);
    }
  }

  /**
   * Verifies on the caller's connection. In auto-commit mode it runs its own read-only REPEATABLE
   * READ transaction and leaves auto-commit on; otherwise it reads within the caller's transaction,
   * which should then be REPEATABLE READ for the head check to be exact while others write.
   */
  public ChainVerification verify(Connection connection, ChainAnchor anchor) {
    VerifyOptions options = VerifyOptions.defaults().parallelism(1).against(anchor);
    try {
      if (!connection.getAutoCommit()) {
        return walk(connection, null, options);
      }
      connection.setAutoCommit(false);
      try {
        try (Statement s = connection.createStatement()) {
          s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        }
        return walk(connection, null, options);
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new ChainReadException("could not read the audit chain", e);
    }
  }

  /**
   * The head as audit_chain_head records it, unverified; {@code null} when the head row is gone.
   * Export {@link ChainVerification#lastVerified()} of an intact verification instead where
   * possible.
   */
  public ChainAnchor readHead(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(SELECT_HEAD)) {
      if (!rs.next()) {
        return null;
      }
      byte[] hash = rs.getBytes(2);
      long lastId = rs.getLong(1);
      if (hash == null || hash.length != ChainAnchor.HASH_LENGTH || lastId < 0) {
        return null;
      }
      return new ChainAnchor(lastId, hash);
    }
  }

  // dataSource is null when only the caller's connection may be used.
  private ChainVerification walk(Connection c, DataSource dataSource, VerifyOptions options)
      throws SQLException {
    // The head first: in REPEATABLE READ this statement fixes the snapshot the ranges are read in.
    ChainAnchor head = readHead(c);
    long lastId = lastId(c);
    ChainAnchor start;
    if (options.fromId() == 1) {
      start = ChainAnchor.genesis();
    } else {
      StartPoint point = startPoint(c, options.fromId(), lastId);
      if (point.missing() != null) {
        return new ChainVerification(0, ChainAnchor.genesis(), point.missing());
      }
      start = point.start();
    }
    long total = Math.max(0, lastId - start.entryId());
    ParallelChainWalk parallel = new ParallelChainWalk(this, options, head, start, lastId, total);
    if (dataSource != null && parallel.worthwhile()) {
      return parallel.run(c, dataSource);
    }
    return walkFrom(c, options, head, start, 0, total);
  }

  /**
   * Walks every entry after {@code start} on {@code c} in ranges, then checks the head. {@code
   * rowsBefore} entries were proven before {@code start} and count towards the result.
   */
  ChainVerification walkFrom(
      Connection c,
      VerifyOptions options,
      ChainAnchor head,
      ChainAnchor start,
      long rowsBefore,
      long total)
      throws SQLException {
    ChainWalk walk = new ChainWalk(options.anchor(), start);
    ChainBreak found =
        readRange(c, start.entryId(), Long.MAX_VALUE, options, walk, rowsBefore, total);
    if (found == null) {
      found = walk.finish(head);
    }
    return new ChainVerification(rowsBefore + walk.rowsChecked(), walk.last(), found);
  }

  /**
   * Feeds entries {@code after < id <= upTo} to {@code walk}, reading {@link #batchSize} at a time;
   * returns the first break, or null.
   */
  ChainBreak readRange(
      Connection c,
      long after,
      long upTo,
      VerifyOptions options,
      ChainWalk walk,
      long rowsBefore,
      long total)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT_RANGE)) {
      // Binary results from the first execution: hashes arrive as raw bytes and occurred_at as an
      // integer, not as hex and text to be parsed.
      ps.unwrap(PGStatement.class).setPrepareThreshold(-1);
      ps.setFetchSize(Math.min(FETCH_SIZE, batchSize));
      long next = after;
      int read;
      do {
        ps.setLong(1, next);
        ps.setLong(2, upTo);
        ps.setInt(3, batchSize);
        read = 0;
        try (ResultSet rs = ps.executeQuery()) {
          boolean binaryTime = binaryTime(rs);
          while (rs.next()) {
            AuditEntry entry = read(rs, binaryTime);
            read++;
            next = entry.id();
            ChainBreak found = walk.accept(entry);
            if (found != null) {
              return found;
            }
            if ((read & CANCEL_CHECK_MASK) == 0) {
              checkCancelled(options);
            }
          }
        }
        if (total > 0) {
          options.progress().checked(rowsBefore + walk.rowsChecked(), total);
        }
      } while (read == batchSize);
    }
    return null;
  }

  /**
   * Reads entries {@code after < id <= upTo} in one statement, for one range of a parallel walk.
   */
  RangeReader rangeReader(Connection c) throws SQLException {
    PreparedStatement ps = c.prepareStatement(SELECT_RANGE);
    ps.unwrap(PGStatement.class).setPrepareThreshold(-1);
    ps.setFetchSize(Math.min(FETCH_SIZE, batchSize));
    return new RangeReader(ps);
  }

  /** A prepared range query, reused for every range one connection reads. */
  final class RangeReader implements AutoCloseable {
    private final PreparedStatement ps;

    private RangeReader(PreparedStatement ps) {
      this.ps = ps;
    }

    /**
     * Walks one range. The first entry read defines the walk's (trusted) start, so the range is
     * checked on its own; joining it to what precedes is the caller's part.
     */
    Segment walk(long after, long upTo, VerifyOptions options, BooleanSupplier stop)
        throws SQLException {
      ps.setLong(1, after);
      ps.setLong(2, upTo);
      ps.setInt(3, Integer.MAX_VALUE);
      ChainWalk walk = null;
      int read = 0;
      try (ResultSet rs = ps.executeQuery()) {
        boolean binaryTime = binaryTime(rs);
        while (rs.next()) {
          AuditEntry entry = read(rs, binaryTime);
          if (walk == null) {
            walk = new ChainWalk(options.anchor(), segmentStart(entry));
          }
          if (walk.accept(entry) != null) {
            return new Segment(walk, true, false);
          }
          if ((++read & CANCEL_CHECK_MASK) == 0 && stop.getAsBoolean()) {
            return new Segment(walk, false, true);
          }
        }
      }
      return new Segment(walk, false, false);
    }

    @Override
    public void close() throws SQLException {
      ps.close();
    }
  }

  /**
   * One range walked on its own: {@code walk} is null when the range held no entry; {@code broken}
   * when it found a bad entry; {@code stopped} when it was abandoned before its end.
   */
  record Segment(ChainWalk walk, boolean broken, boolean stopped) {}

  // A stored prev_hash that is no hash at all cannot start a walk; a walk from a made-up start
  // breaks at once, and the caller walks the stretch itself to name the entry.
  private static ChainAnchor segmentStart(AuditEntry first) {
    byte[] prev = first.prevHash();
    if (prev == null || prev.length != ChainAnchor.HASH_LENGTH) {
      return new ChainAnchor(first.id() - 1, new byte[ChainAnchor.HASH_LENGTH]);
    }
    return new ChainAnchor(first.id() - 1, prev);
  }

  static void checkCancelled(VerifyOptions options) {
    if (options.cancelled().getAsBoolean()) {
      throw new CancellationException("audit chain verification cancelled");
    }
  }

  private static long lastId(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT coalesce(max(id), 0) FROM audit_log")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Where {@code --from} starts: entry {@code from - 1} as entry {@code from} links to it. */
  private record StartPoint(ChainAnchor start, ChainBreak missing) {}

  private static StartPoint startPoint(Connection c, long from, long lastId) throws SQLException {
    if (from > lastId) {
      throw new IllegalArgumentException(
          "there is no entry " + from + ": the audit log ends at entry " + lastId);
    }
    try (PreparedStatement ps =
        c.prepareStatement("SELECT prev_hash FROM audit_log WHERE id = ?")) {
      ps.setLong(1, from);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return new StartPoint(
              null,
              new ChainBreak(
                  from,
                  ChainBreakKind.MISSING,
                  "entry " + from + " is missing; the log goes on to entry " + lastId));
        }
        byte[] prev = rs.getBytes(1);
        if (prev == null || prev.length != ChainAnchor.HASH_LENGTH) {
          return new StartPoint(
              null,
              new ChainBreak(
                  from, ChainBreakKind.CHANGED, "entry " + from + " holds no valid prev_hash"));
        }
        return new StartPoint(new ChainAnchor(from - 1, prev), null);
      }
    }
  }

  private static boolean binaryTime(ResultSet rs) throws SQLException {
    return rs.getMetaData().unwrap(PGResultSetMetaData.class).getFormat(2) == 1;
  }

  // Text columns are taken as the UTF-8 bytes the server sent (PgJDBC's getBytes on a non-bytea
  // column), sparing a decode to String and an encode back for hashing.
  private static AuditEntry read(ResultSet rs, boolean binaryTime) throws SQLException {
    return new AuditEntry(
        rs.getLong(1),
        binaryTime
            ? AuditCanonicalForm.epochMicrosFromBinary(rs.getBytes(2))
            : AuditCanonicalForm.epochMicros(rs.getObject(2, OffsetDateTime.class)),
        rs.getBytes(3),
        rs.getBytes(4),
        rs.getBytes(5),
        rs.getBytes(6),
        rs.getBytes(7),
        rs.getBytes(8),
        rs.getBytes(9),
        rs.getBytes(10),
        rs.getBytes(11),
        rs.getBytes(12),
        rs.getBytes(13),
        rs.getBytes(14));
  }
}
