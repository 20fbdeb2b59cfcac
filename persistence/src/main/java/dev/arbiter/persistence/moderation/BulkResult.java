package dev.arbiter.persistence.moderation;

/**
 * What a bulk action did to one item: decided (with the decision's id), refused (with why), or,
 * when the connection dropped, whether the item was in flight (its outcome is unknown until its
 * request key is looked up) or never sent.
 */
public record BulkResult(BulkItem item, Outcome outcome, Long decisionId, String refusal) {

  /** Where one item stands after a bulk run. */
  public enum Outcome {
    DECIDED,
    REFUSED,
    /** Sent when the connection dropped: it may have committed. Settle it by its request key. */
    UNKNOWN,
    /** Not sent: the connection dropped before the run reached it. */
    NOT_SENT
  }

  public static BulkResult decided(BulkItem item, long decisionId) {
    return new BulkResult(item, Outcome.DECIDED, decisionId, null);
  }

  public static BulkResult refused(BulkItem item, String refusal) {
    return new BulkResult(item, Outcome.REFUSED, null, refusal);
  }

  public static BulkResult unknown(BulkItem item) {
    return new BulkResult(item, Outcome.UNKNOWN, null, null);
  }

  public static BulkResult notSent(BulkItem item) {
    return new BulkResult(item, Outcome.NOT_SENT, null, null);
  }

  public ItemKey key() {
    return item.key();
  }

  /** Whether the database's answer for the item is known: decided or refused. */
  public boolean answered() {
    return outcome == Outcome.DECIDED || outcome == Outcome.REFUSED;
  }

  public boolean succeeded() {
    return outcome == Outcome.DECIDED;
  }
}
