package dev.arbiter.persistence.audit;

import dev.arbiter.persistence.access.Jdbc;
import dev.arbiter.persistence.access.Row;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;
import org.postgresql.PGStatement;

/** Reading audit entries by id range, as the chain hashes them, for {@link AuditChainVerifier}. */
public final class ChainRanges {

  public static final String SELECT_RANGE =
      """
      SELECT id, occurred_at, actor, db_user, action, command, entity_type, entity_id,
             old_values::text AS old_values, new_values::text AS new_values, request_id,
             client_info, salt, prev_hash, hash
        FROM audit_log
       WHERE id > ? AND id <= ?
       ORDER BY id
       LIMIT ?""";

  public static final int FETCH_SIZE = 5_000;

  /** PostgreSQL's binary timestamptz: 8 bytes; its text form is never as short. */
  private static final int BINARY_TIME_LENGTH = 8;

  private ChainRanges() {}

  /**
   * Feeds the entries {@code after < id <= upTo}, at most {@code limit} of them, in id order to
   * {@code visitor} until it answers false, reading them as the chain hashes them (binary results,
   * see {@link Jdbc#scan}); answers whether every entry was fed.
   */
  static boolean scan(
      Connection c, long after, long upTo, int limit, int batchSize, EntryVisitor visitor)
      throws SQLException {
    return Jdbc.scan(
        c,
        SELECT_RANGE,
        Math.min(FETCH_SIZE, batchSize),
        row -> visitor.visit(entry(row)),
        after,
        upTo,
        limit);
  }

  /** Receives entries until it answers false. */
  @FunctionalInterface
  interface EntryVisitor {
    boolean visit(ChainEntry entry) throws SQLException;
  }

  /**
   * The range query as the verifier runs it (parameters: after, up to, limit), for the benchmark
   * that reads the same rows without verifying them.
   */
  static PreparedStatement prepare(Connection c, int batchSize) throws SQLException {
    PreparedStatement ps = c.prepareStatement(SELECT_RANGE);
    ps.unwrap(PGStatement.class).setPrepareThreshold(-1);
    ps.setFetchSize(Math.min(FETCH_SIZE, batchSize));
    return ps;
  }

  /** Walks the ranges of one connection, with the links for their gaps. */
  static final class RangeReader {
    private final Connection connection;
    private final int batchSize;
    private final ChainLinks links;

    RangeReader(Connection connection, int batchSize, ChainLinks links) {
      this.connection = connection;
      this.batchSize = batchSize;
      this.links = links;
    }

    /**
     * Walks one range. The link of its first entry defines the walk's (trusted) start, so the range
     * is checked on its own; joining it to what precedes is the caller's part. Entries of the range
     * this login may not read are checked by their links, wherever they fall in it.
     */
    Segment walk(long after, long upTo, VerifyOptions options, BooleanSupplier stop)
        throws SQLException {
      // The range's walk as its entries arrive; ended says why it stopped before the range's end.
      class RangeWalk {
        ChainWalk walk;
        Segment ended;
        int read;

        boolean accept(ChainEntry entry) throws SQLException {
          if (walk == null) {
            walk = new ChainWalk(options.anchor(), segmentStart(after, entry), links);
          }
          if (walk.accept(entry) != null) {
            ended = new Segment(walk, true, false);
          } else if ((++read & AuditChainVerifier.CANCEL_CHECK_MASK) == 0 && stop.getAsBoolean()) {
            ended = new Segment(walk, false, true);
          }
          return ended == null;
        }
      }
      RangeWalk range = new RangeWalk();
      if (!scan(connection, after, upTo, Integer.MAX_VALUE, batchSize, range::accept)) {
        return range.ended;
      }
      ChainWalk walk = range.walk;
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
    private ChainAnchor segmentStart(long after, ChainEntry first) throws SQLException {
      if (first.id() == after + 1) {
        return trusted(after, first.prevHash());
      }
      ChainLinks.Link link = links.at(after + 1);
      return link != null
          ? trusted(after, link.prevHash())
          : trusted(first.id() - 1, first.prevHash());
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

  // Text columns are taken as the UTF-8 bytes the server sent, sparing a decode to String and an
  // encode back for hashing; occurred_at is read from its binary form where it came so.
  static ChainEntry entry(Row row) {
    byte[] time = row.rawBytes("occurred_at");
    return new ChainEntry(
        row.getLong("id"),
        time != null && time.length == BINARY_TIME_LENGTH
            ? AuditCanonicalForm.epochMicrosFromBinary(time)
            : AuditCanonicalForm.epochMicros(row.instant("occurred_at")),
        row.rawBytes("actor"),
        row.rawBytes("db_user"),
        row.rawBytes("action"),
        row.rawBytes("command"),
        row.rawBytes("entity_type"),
        row.rawBytes("entity_id"),
        row.rawBytes("old_values"),
        row.rawBytes("new_values"),
        row.rawBytes("request_id"),
        row.rawBytes("client_info"),
        row.rawBytes("salt"),
        row.rawBytes("prev_hash"),
        row.rawBytes("hash"));
  }
}
