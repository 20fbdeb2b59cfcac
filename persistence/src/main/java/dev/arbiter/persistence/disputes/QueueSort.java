package dev.arbiter.persistence.disputes;

import java.util.Objects;

/**
 * The queue's order: one {@link SortKey}, ascending or descending, always with the dispute id as
 * the tie-breaker in the same direction.
 */
public record QueueSort(SortKey key, boolean descending) {

  /** What a support agent wants first: the nearest deadline on top. */
  public static final QueueSort DEFAULT = new QueueSort(SortKey.DUE, false);

  public QueueSort {
    Objects.requireNonNull(key, "key");
  }

  public static QueueSort ascending(SortKey key) {
    return new QueueSort(key, false);
  }

  public static QueueSort descending(SortKey key) {
    return new QueueSort(key, true);
  }
}
