package dev.arbiter.persistence.moderation;

import java.util.List;
import java.util.Objects;

/**
 * One item of a bulk action and the request key its decision is sent under. The key is made once
 * per item when the run is planned and kept for every retry of that item, so the database decides
 * the item once however often it is sent (V82).
 */
public record BulkItem(ItemKey key, String requestKey) {

  public BulkItem {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(requestKey, "requestKey");
  }

  /** Plans a bulk run over {@code keys}, in that order (duplicates once), with fresh keys. */
  public static List<BulkItem> plan(List<ItemKey> keys) {
    return keys.stream()
        .distinct()
        .map(key -> new BulkItem(key, ModerationDecisionService.newRequestKey()))
        .toList();
  }
}
