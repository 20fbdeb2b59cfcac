package dev.arbiter.persistence.audit;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A point on the audit chain, exported outside the database ({@code arbiter audit anchor}) so that
 * a later verification can prove the chain still reaches it: entry {@code entryId} with its {@code
 * hash}. Entry 0 with 32 zero bytes is the genesis, the point before the first entry.
 */
public record ChainAnchor(long entryId, byte[] hash) {

  /** Length of a SHA-256 hash, the only kind the chain uses. */
  public static final int HASH_LENGTH = 32;

  private static final HexFormat HEX = HexFormat.of();

  public ChainAnchor {
    if (entryId < 0) {
      throw new IllegalArgumentException("entry id must not be negative: " + entryId);
    }
    if (hash == null || hash.length != HASH_LENGTH) {
      throw new IllegalArgumentException("an anchor hash has " + HASH_LENGTH + " bytes");
    }
    hash = hash.clone();
  }

  /** The point before the first entry: the {@code prev_hash} of entry 1. */
  public static ChainAnchor genesis() {
    return new ChainAnchor(0, new byte[HASH_LENGTH]);
  }

  @Override
  public byte[] hash() {
    return hash.clone();
  }

  /** True when {@code other} is this anchor's hash. */
  public boolean hashEquals(byte[] other) {
    return Arrays.equals(hash, other);
  }

  /** The text form {@code <entryId>:<hex hash>} written to anchor files. */
  public String format() {
    return entryId + ":" + HEX.formatHex(hash);
  }

  /** Reads the form written by {@link #format()}; surrounding white space is ignored. */
  public static ChainAnchor parse(String text) {
    String trimmed = text.strip();
    int colon = trimmed.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("an anchor reads <entry id>:<sha-256 hex>, not: " + text);
    }
    try {
      return new ChainAnchor(
          Long.parseLong(trimmed.substring(0, colon)), HEX.parseHex(trimmed.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "an anchor reads <entry id>:<sha-256 hex>, not: " + text, e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChainAnchor other
        && entryId == other.entryId
        && Arrays.equals(hash, other.hash);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(entryId) * 31 + Arrays.hashCode(hash);
  }

  @Override
  public String toString() {
    return "ChainAnchor[" + format() + "]";
  }
}
