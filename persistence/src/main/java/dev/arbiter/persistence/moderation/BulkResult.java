package dev.arbiter.persistence.moderation;

/** What a bulk action did to one item: its decision id, or why it was refused. */
public record BulkResult(ItemKey key, Long decisionId, String refusal) {

  public boolean succeeded() {
    return decisionId != null;
  }
}
