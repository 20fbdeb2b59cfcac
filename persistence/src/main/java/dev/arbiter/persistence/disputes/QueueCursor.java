package dev.arbiter.persistence.disputes;

import java.util.Objects;

/**
 * A position in the queue: the sort value and id of one row. The next page starts strictly after it
 * (or, going back, strictly before it), so pages neither skip nor repeat rows when others are
 * inserted meanwhile.
 *
 * @param value the row's value of the sort expression (String, Long, Integer, Short or
 *     OffsetDateTime, by {@link SortKey})
 */
public record QueueCursor(SortKey key, Object value, long id) {

  public QueueCursor {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }
}
