package dev.arbiter.persistence.audit;

/** How the audit chain is broken at the first bad entry. */
public enum ChainBreakKind {
  /** The entry's stored hash is not the hash of its own content: a column was edited. */
  CHANGED,
  /** The entry id is absent although later entries exist: an entry was deleted. */
  MISSING,
  /**
   * The entry does not link to its predecessor and to no earlier entry either: it was moved here,
   * or its predecessor was rewritten with a recomputed hash.
   */
  REORDERED,
  /** The entry links to an earlier entry than its predecessor: the chain branches there. */
  FORKED,
  /** {@code audit_chain_head} does not name the last entry of the log. */
  HEAD_MISMATCH,
  /** The log ends before an exported anchor: its tail was removed (and the head rewound). */
  TRUNCATED,
  /**
   * The entry at an exported anchor's id no longer has the anchor's hash: history was rewritten.
   */
  ANCHOR_MISMATCH
}
