package dev.arbiter.persistence.audit;

import java.sql.SQLException;
import java.util.Arrays;

/**
 * The state of one verification as entries arrive in id order: the id and hash the next entry must
 * link to, and a window of recent hashes to tell a fork from a reordering.
 *
 * <p>An entry the verifier may not read (row policies, V88) leaves a gap in what it reads. The walk
 * fills each gap from {@link ChainLinks}: such an entry must link to the one before it, and its own
 * hash is taken as given, since what was hashed cannot be read. Only an entry that does not exist
 * at all is missing.
 */
final class ChainWalk {

  // A fork or a moved entry is nearly always close to where it shows; older links are not searched.
  static final int WINDOW = 1024;

  /**
   * Where a walk stands: the last sound entry, how many entries were proven up to it, and how many
   * of those by their link only.
   */
  record Point(ChainAnchor at, long rows, long linksOnly) {

    static Point start(ChainAnchor at) {
      return new Point(at, 0, 0);
    }
  }

  private final ChainAnchor anchor;
  private final ChainAnchor start;
  private final ChainLinks links;
  private final AuditCanonicalForm form = new AuditCanonicalForm();
  private final long[] recentIds = new long[WINDOW];
  private final byte[][] recentHashes = new byte[WINDOW][];
  private int recentCount;

  private long lastId;
  private byte[] lastHash;
  private long rowsChecked;
  private long linksOnly;

  /**
   * A walk whose first entry must be {@code start.entryId() + 1} and link to {@code start.hash()}.
   * From anywhere but genesis the start itself is taken on trust: it is the stored {@code
   * prev_hash} of the first entry read ({@code audit verify --from}), or the end of a range another
   * walk checked. {@code links} fills the gaps left by entries the reader may not see; without it
   * (a walk that only joins others) every gap is a missing entry.
   */
  ChainWalk(ChainAnchor anchor, ChainAnchor start, ChainLinks links) {
    this.anchor = anchor;
    this.start = start;
    this.links = links;
    lastId = start.entryId();
    lastHash = start.hash();
    remember(lastId, lastHash);
  }

  /** Checks the next entry; returns the break it shows, or null when it extends the chain. */
  ChainBreak accept(ChainEntry e) throws SQLException {
    if (e.id() > lastId + 1) {
      ChainBreak gap = linksUpTo(e.id() - 1, e.id());
      if (gap != null) {
        return gap;
      }
    }
    long expectedId = lastId + 1;
    if (e.id() != expectedId) {
      return missing(expectedId, e.id());
    }
    if (!Arrays.equals(e.prevHash(), lastHash)) {
      return linkBreak(e.id(), e.prevHash());
    }
    byte[] hash = form.hash(e);
    if (!Arrays.equals(hash, e.hash())) {
      return new ChainBreak(
          e.id(),
          ChainBreakKind.CHANGED,
          "entry " + e.id() + " was changed: its hash does not match its content");
    }
    if (anchor != null && anchor.entryId() == e.id() && !anchor.hashEquals(hash)) {
      return anchorMismatch();
    }
    lastId = e.id();
    lastHash = hash;
    rowsChecked++;
    remember(lastId, hash);
    return null;
  }

  /**
   * Checks by their links every entry after the last one accepted up to {@code end}, the entries
   * the reader may not see at the end of its range; returns the break they show, or null.
   */
  ChainBreak linksTo(long end) throws SQLException {
    return linksUpTo(end, Long.MAX_VALUE);
  }

  // goesOnAt: the next entry the reader did see, for naming a missing one.
  private ChainBreak linksUpTo(long end, long goesOnAt) throws SQLException {
    while (lastId < end) {
      long id = lastId + 1;
      ChainLinks.Link link = links == null ? null : links.at(id);
      if (link == null) {
        return missing(id, links == null ? goesOnAt : Math.min(links.following(id), goesOnAt));
      }
      ChainBreak found = acceptLink(link);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  // An entry read by its link only: it must chain onto the last one, and its hash is its own word.
  private ChainBreak acceptLink(ChainLinks.Link link) {
    if (!Arrays.equals(link.prevHash(), lastHash)) {
      return linkBreak(link.id(), link.prevHash());
    }
    byte[] hash = link.hash();
    if (hash == null || hash.length != ChainAnchor.HASH_LENGTH) {
      return new ChainBreak(
          link.id(), ChainBreakKind.CHANGED, "entry " + link.id() + " holds no valid hash");
    }
    if (anchor != null && anchor.entryId() == link.id() && !anchor.hashEquals(hash)) {
      return anchorMismatch();
    }
    lastId = link.id();
    lastHash = hash;
    rowsChecked++;
    linksOnly++;
    remember(lastId, hash);
    return null;
  }

  private static ChainBreak missing(long id, long goesOnAt) {
    return new ChainBreak(
        id,
        ChainBreakKind.MISSING,
        "entry "
            + id
            + " is missing"
            + (goesOnAt == Long.MAX_VALUE ? "" : "; the log goes on at entry " + goesOnAt));
  }

  /** Checks what only shows once every entry was read: the anchor's reach and the head. */
  ChainBreak finish(ChainAnchor head) {
    if (anchor != null && anchor.entryId() > lastId) {
      return new ChainBreak(
          lastId + 1,
          ChainBreakKind.TRUNCATED,
          "the log ends at entry " + lastId + " but the anchor names entry " + anchor.entryId());
    }
    if (anchor != null && anchor.entryId() == start.entryId() && !anchor.equals(start)) {
      return anchorMismatch();
    }
    if (head == null) {
      return new ChainBreak(
          lastId, ChainBreakKind.HEAD_MISMATCH, "audit_chain_head has no valid row");
    }
    if (head.entryId() != lastId) {
      return new ChainBreak(
          Math.min(head.entryId(), lastId) + 1,
          ChainBreakKind.HEAD_MISMATCH,
          "audit_chain_head names entry "
              + head.entryId()
              + " but the log ends at entry "
              + lastId);
    }
    if (!head.hashEquals(lastHash)) {
      return new ChainBreak(
          lastId,
          ChainBreakKind.HEAD_MISMATCH,
          "audit_chain_head holds another hash than entry " + lastId);
    }
    return null;
  }

  /** The outcome, counting {@code before}, what was proven before this walk's start, too. */
  ChainVerification result(Point before, ChainBreak found) {
    return new ChainVerification(
        before.rows() + rowsChecked, last(), found, before.linksOnly() + linksOnly);
  }

  /** The last sound entry so far (the start point before any entry was accepted). */
  ChainAnchor last() {
    return new ChainAnchor(lastId, lastHash);
  }

  /** Where this walk stands, {@code before} included. */
  Point point(Point before) {
    return new Point(last(), before.rows() + rowsChecked, before.linksOnly() + linksOnly);
  }

  /** Entries proven by this walk, by their content or by their link only. */
  long rowsChecked() {
    return rowsChecked;
  }

  /**
   * Continues this walk with {@code segment}, a walk over the entries that follow, checked
   * separately from a start taken on trust. Returns false, changing nothing, when the segment does
   * not start exactly where this walk ends; the caller then walks that stretch itself to name the
   * break.
   */
  boolean extend(ChainWalk segment) {
    if (segment.start.entryId() != lastId || !segment.start.hashEquals(lastHash)) {
      return false;
    }
    // The segment's window lists its entries oldest first once read in ring order.
    int count = Math.min(segment.recentCount, WINDOW);
    for (int i = 0; i < count; i++) {
      int slot = (segment.recentCount - count + i) % WINDOW;
      if (segment.recentIds[slot] != lastId) {
        remember(segment.recentIds[slot], segment.recentHashes[slot]);
      }
    }
    lastId = segment.lastId;
    lastHash = segment.lastHash;
    rowsChecked += segment.rowsChecked;
    linksOnly += segment.linksOnly;
    return true;
  }

  private ChainBreak linkBreak(long id, byte[] prevHash) {
    long earlier = prevHash == null ? -1 : find(prevHash);
    if (earlier >= 0) {
      return new ChainBreak(
          id,
          ChainBreakKind.FORKED,
          "entry " + id + " links to entry " + earlier + ", not to its predecessor " + lastId);
    }
    return new ChainBreak(
        id,
        ChainBreakKind.REORDERED,
        "entry "
            + id
            + " does not link to entry "
            + lastId
            + ": that entry was rewritten, or this one was moved");
  }

  private ChainBreak anchorMismatch() {
    return new ChainBreak(
        anchor.entryId(),
        ChainBreakKind.ANCHOR_MISMATCH,
        "entry " + anchor.entryId() + " no longer has the anchor's hash: history was rewritten");
  }

  private void remember(long id, byte[] hash) {
    int slot = recentCount % WINDOW;
    recentIds[slot] = id;
    recentHashes[slot] = hash;
    recentCount++;
  }

  private long find(byte[] hash) {
    for (int i = 0; i < Math.min(recentCount, WINDOW); i++) {
      if (Arrays.equals(recentHashes[i], hash)) {
        return recentIds[i];
      }
    }
    return -1;
  }
}
