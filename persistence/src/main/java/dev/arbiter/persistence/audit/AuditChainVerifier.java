package dev.arbiter.persistence.audit;

import dev.arbiter.persistence.access.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CancellationException;
import javax.sql.DataSource;

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
 * {@link ParallelChainWalk}). It stops at the first bad entry.
 *
 * <p>Every member of staff can run it. Row policies (V88) keep some entries from some logins (the
 * ledger's from support and moderators, for instance); those are checked by their links only
 * ({@code audit_chain_links}: each must link to the entry before it, its hash taken as given), and
 * {@link ChainVerification#linksOnly()} says how many. An admin or the superuser reads every entry,
 * so their verification checks the content of all of them.
 */
public final class AuditChainVerifier {

  /** Entries per keyset range. */
  public static final int DEFAULT_BATCH_SIZE = 50_000;

  static final int CANCEL_CHECK_MASK = 1023;

  private static final String SELECT_HEAD =
      "SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1";

  /** The head row's columns, as read; validated into an anchor by {@link #readHead}. */
  private record HeadRow(long lastId, byte[] hash) {}

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
    try {
      return StreamSnapshot.on(dataSource, c -> walk(c, dataSource, options));
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
      return StreamSnapshot.within(connection, c -> walk(c, null, options));
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
    List<HeadRow> rows =
        Jdbc.list(
            connection,
            SELECT_HEAD,
            row -> new HeadRow(row.getLong("last_id"), row.bytes("last_hash")));
    if (rows.isEmpty()) {
      return null;
    }
    HeadRow head = rows.get(0);
    if (head.hash() == null || head.hash().length != ChainAnchor.HASH_LENGTH || head.lastId() < 0) {
      return null;
    }
    return new ChainAnchor(head.lastId(), head.hash());
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
        return new ChainVerification(0, ChainAnchor.genesis(), point.missing(), 0);
      }
      start = point.start();
    }
    long total = Math.max(0, lastId - start.entryId());
    ParallelChainWalk parallel = new ParallelChainWalk(this, options, head, start, lastId, total);
    if (dataSource != null && parallel.worthwhile()) {
      return parallel.run(c, dataSource);
    }
    return walkFrom(c, options, head, ChainWalk.Point.start(start), lastId, total);
  }

  /**
   * Walks every entry after {@code before.at()} up to {@code lastId} on {@code c} in ranges, then
   * checks the head. What {@code before} counts was proven already and counts towards the result.
   */
  ChainVerification walkFrom(
      Connection c,
      VerifyOptions options,
      ChainAnchor head,
      ChainWalk.Point before,
      long lastId,
      long total)
      throws SQLException {
    ChainWalk walk = new ChainWalk(options.anchor(), before.at(), new ChainLinks(c));
    ChainBreak found =
        readRange(c, before.at().entryId(), lastId, options, walk, before.rows(), total);
    if (found == null) {
      found = walk.linksTo(lastId);
    }
    if (found == null) {
      found = walk.finish(head);
    }
    return walk.result(before, found);
  }

  /**
   * Feeds the entries {@code after < id <= upTo} this login may read to {@code walk}, reading
   * {@link #batchSize} at a time; returns the first break, or null.
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
    RangeFeed feed = new RangeFeed(walk, options);
    long next = after;
    do {
      feed.read = 0;
      if (!ChainRanges.scan(c, next, upTo, batchSize, batchSize, feed::accept)) {
        return feed.found;
      }
      next = feed.last;
      if (total > 0) {
        options.progress().checked(rowsBefore + walk.rowsChecked(), total);
      }
    } while (feed.read == batchSize);
    return null;
  }

  /** Feeds one walk the entries of its ranges, and remembers where it stopped. */
  private static final class RangeFeed {
    private final ChainWalk walk;
    private final VerifyOptions options;
    private int read;
    private long last;
    private ChainBreak found;

    RangeFeed(ChainWalk walk, VerifyOptions options) {
      this.walk = walk;
      this.options = options;
    }

    boolean accept(ChainEntry entry) throws SQLException {
      read++;
      last = entry.id();
      found = walk.accept(entry);
      if (found == null && (read & CANCEL_CHECK_MASK) == 0) {
        checkCancelled(options);
      }
      return found == null;
    }
  }

  /** A reader for the ranges of a parallel walk, on {@code c}. */
  ChainRanges.RangeReader rangeReader(Connection c) {
    return new ChainRanges.RangeReader(c, batchSize, new ChainLinks(c));
  }

  static void checkCancelled(VerifyOptions options) {
    if (options.cancelled().getAsBoolean()) {
      throw new CancellationException("audit chain verification cancelled");
    }
  }

  // The newest entry whoever may read it: max(id) would stop at the newest this login may read.
  private static long lastId(Connection c) throws SQLException {
    return Jdbc.list(c, "SELECT audit_chain_last_id() AS last_id", row -> row.getLong("last_id"))
        .get(0);
  }

  /** Where {@code --from} starts: entry {@code from - 1} as entry {@code from} links to it. */
  private record StartPoint(ChainAnchor start, ChainBreak missing) {}

  private static StartPoint startPoint(Connection c, long from, long lastId) throws SQLException {
    if (from > lastId) {
      throw new IllegalArgumentException(
          "there is no entry " + from + ": the audit log ends at entry " + lastId);
    }
    // By its link: the entry may be one this login may not read.
    List<byte[]> links =
        Jdbc.list(
            c,
            "SELECT prev_hash FROM audit_chain_links(? - 1, ?)",
            row -> row.bytes("prev_hash"),
            from,
            from);
    if (links.isEmpty()) {
      return new StartPoint(
          null,
          new ChainBreak(
              from,
              ChainBreakKind.MISSING,
              "entry " + from + " is missing; the log goes on to entry " + lastId));
    }
    byte[] prev = links.get(0);
    if (prev == null || prev.length != ChainAnchor.HASH_LENGTH) {
      return new StartPoint(
          null,
          new ChainBreak(
              from, ChainBreakKind.CHANGED, "entry " + from + " holds no valid prev_hash"));
    }
    return new StartPoint(new ChainAnchor(from - 1, prev), null);
  }
}
