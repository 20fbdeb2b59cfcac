package dev.arbiter.persistence.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.function.BooleanSupplier;
import org.postgresql.PGResultSetMetaData;
import org.postgresql.PGStatement;

/** Reading audit entries by id range, as the chain hashes them, for {@link AuditChainVerifier}. */
final class ChainRanges {

  private static final String SELECT_RANGE =
      """
      SELECT id, occurred_at, actor, db_user, action, command, entity_type, entity_id,
             old_values::text, new_values::text, request_id, client_info, prev_hash, hash
        FROM audit_log
       WHERE id > ? AND id <= ?
       ORDER BY id
       LIMIT ?""";

  private static final int FETCH_SIZE = 5_000;

  private ChainRanges() {}

  /** The range query; parameters: after, up to, limit. */
  static PreparedStatement prepare(Connection c, int batchSize) throws SQLException {
    PreparedStatement ps = c.prepareStatement(SELECT_RANGE);
    // Binary results from the first execution: hashes arrive as raw bytes and occurred_at as an
    // integer, not as hex and text to be parsed.
    ps.unwrap(PGStatement.class).setPrepareThreshold(-1);
    ps.setFetchSize(Math.min(FETCH_SIZE, batchSize));
    return ps;
  }

  /** A prepared range query, reused for every range one connection reads. */
  static final class RangeReader implements AutoCloseable {
    private final PreparedStatement ps;

    RangeReader(PreparedStatement ps) {
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
          if ((++read & AuditChainVerifier.CANCEL_CHECK_MASK) == 0 && stop.getAsBoolean()) {
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

  static boolean binaryTime(ResultSet rs) throws SQLException {
    return rs.getMetaData().unwrap(PGResultSetMetaData.class).getFormat(2) == 1;
  }

  // Text columns are taken as the UTF-8 bytes the server sent (PgJDBC's getBytes on a non-bytea
  // column), sparing a decode to String and an encode back for hashing.
  static AuditEntry read(ResultSet rs, boolean binaryTime) throws SQLException {
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
