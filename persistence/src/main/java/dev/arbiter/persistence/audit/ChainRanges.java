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
public final class ChainRanges {

  public static final String SELECT_RANGE =
      """
      SELECT id, occurred_at, actor, db_user, action, command, entity_type, entity_id,
             old_values::text, new_values::text, request_id, client_info, salt, prev_hash, hash
        FROM audit_log
       WHERE id > ? AND id <= ?
       ORDER BY id
       LIMIT ?""";

  public static final int FETCH_SIZE = 5_000;

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

  /** A prepared range query and the links for its gaps, reused for each range of one connection. */
  static final class RangeReader implements AutoCloseable {
    private final PreparedStatement ps;
    private final ChainLinks links;

    RangeReader(PreparedStatement ps, ChainLinks links) {
      this.ps = ps;
      this.links = links;
    }

    /**
     * Walks one range. The link of its first entry defines the walk's (trusted) start, so the range
     * is checked on its own; joining it to what precedes is the caller's part. Entries of the range
     * this login may not read are checked by their links, wherever they fall in it.
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
            walk = new ChainWalk(options.anchor(), segmentStart(after, entry), links);
          }
          if (walk.accept(entry) != null) {
            return new Segment(walk, true, false);
          }
          if ((++read & AuditChainVerifier.CANCEL_CHECK_MASK) == 0 && stop.getAsBoolean()) {
            return new Segment(walk, false, true);
          }
        }
      }
      if (walk == null) {
        // Nothing in the range this login may read: it is walked by its links alone.
        ChainLinks.Link first = links.at(after + 1);
        if (first == null) {
          return new Segment(null, false, false);
        }
        walk = new ChainWalk(options.anchor(), trusted(after, first.prevHash()), links);
      }
      return new Segment(walk, walk.linksTo(upTo) != null, false);
    }

    // The range starts at entry after + 1, read or not; when that entry does not exist at all, the
    // first one read starts it, the segment does not join, and the caller names the missing entry.
    private ChainAnchor segmentStart(long after, AuditEntry first) throws SQLException {
      if (first.id() == after + 1) {
        return trusted(after, first.prevHash());
      }
      ChainLinks.Link link = links.at(after + 1);
      return link != null
          ? trusted(after, link.prevHash())
          : trusted(first.id() - 1, first.prevHash());
    }

    @Override
    public void close() throws SQLException {
      try {
        ps.close();
      } finally {
        links.close();
      }
    }
  }

  /**
   * One range walked on its own: {@code walk} is null when the range held no entry; {@code broken}
   * when it found a bad entry; {@code stopped} when it was abandoned before its end.
   */
  record Segment(ChainWalk walk, boolean broken, boolean stopped) {}

  // A stored prev_hash that is no hash at all cannot start a walk; a walk from a made-up start
  // breaks at once, and the caller walks the stretch itself to name the entry.
  private static ChainAnchor trusted(long id, byte[] prev) {
    if (prev == null || prev.length != ChainAnchor.HASH_LENGTH) {
      return new ChainAnchor(id, new byte[ChainAnchor.HASH_LENGTH]);
    }
    return new ChainAnchor(id, prev);
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
        rs.getBytes(14),
        rs.getBytes(15));
  }
}
