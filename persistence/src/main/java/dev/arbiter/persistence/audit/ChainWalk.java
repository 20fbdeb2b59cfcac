package dev.arbiter.persistence.audit;

import java.util.Arrays;

/**
 * The state of one verification as entries arrive in id order: the id and hash the next entry must
 * link to, and a window of recent hashes to tell a fork from a reordering.
 */
final class ChainWalk {

  // A fork or a moved entry is nearly always close to where it shows; older links are not searched.
  private static final int WINDOW = 1024;

  private final ChainAnchor anchor;
  private final AuditCanonicalForm form = new AuditCanonicalForm();
  private final long[] recentIds = new long[WINDOW];
  private final byte[][] recentHashes = new byte[WINDOW][];
  private int recentCount;

  private long lastId;
  private byte[] lastHash;
  private long rowsChecked;

  ChainWalk(ChainAnchor anchor) {
    this.anchor = anchor;
    ChainAnchor genesis = ChainAnchor.genesis();
    lastId = genesis.entryId();
    lastHash = genesis.hash();
    remember(lastId, lastHash);
  }

  /** Checks the next entry; returns the break it shows, or null when it extends the chain. */
  ChainBreak accept(AuditEntry e) {
    long expectedId = lastId + 1;
    if (e.id() != expectedId) {
      return new ChainBreak(
          expectedId,
          ChainBreakKind.MISSING,
          "entry " + expectedId + " is missing; the log goes on at entry " + e.id());
    }
    if (!Arrays.equals(e.prevHash(), lastHash)) {
      return linkBreak(e);
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

  /** Checks what only shows once every entry was read: the anchor's reach and the head. */
  ChainBreak finish(ChainAnchor head) {
    if (anchor != null && anchor.entryId() > lastId) {
      return new ChainBreak(
          lastId + 1,
          ChainBreakKind.TRUNCATED,
          "the log ends at entry " + lastId + " but the anchor names entry " + anchor.entryId());
    }
    if (anchor != null && anchor.entryId() == 0 && !anchor.equals(ChainAnchor.genesis())) {
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

  ChainVerification result(ChainBreak found) {
    return new ChainVerification(rowsChecked, new ChainAnchor(lastId, lastHash), found);
  }

  private ChainBreak linkBreak(AuditEntry e) {
    long earlier = e.prevHash() == null ? -1 : find(e.prevHash());
    if (earlier >= 0) {
      return new ChainBreak(
          e.id(),
          ChainBreakKind.FORKED,
          "entry " + e.id() + " links to entry " + earlier + ", not to its predecessor " + lastId);
    }
    return new ChainBreak(
        e.id(),
        ChainBreakKind.REORDERED,
        "entry "
            + e.id()
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
