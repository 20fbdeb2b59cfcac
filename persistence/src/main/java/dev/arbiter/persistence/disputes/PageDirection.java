package dev.arbiter.persistence.disputes;

/** Which way a keyset page is read from its cursor. */
public enum PageDirection {
  /** The rows after the cursor, in queue order. */
  FORWARD,
  /** The rows before the cursor; the page is still returned in queue order. */
  BACKWARD
}
