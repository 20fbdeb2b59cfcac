package dev.arbiter.persistence.escrow;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the release queue shows: which statuses, an optional currency and search text, the order,
 * and where the previous page ended.
 *
 * @param statuses checkpoint statuses to include, from submitted, approved and on_hold
 * @param currency an ISO code, or null for all
 * @param search matched against contract reference, checkpoint label and payee name; null for all
 * @param sort the order
 * @param after the cursor of the last row already shown, or empty for the first page
 * @param limit rows per page
 */
public record ReleaseQueueQuery(
    List<String> statuses,
    String currency,
    String search,
    Sort sort,
    Optional<Cursor> after,
    int limit) {

  /** Every order is a keyset over (key, id), so a deep page costs what the first does. */
  public enum Sort {
    OVERDUE_FIRST("Overdue first, then oldest submitted"),
    OLDEST_SUBMITTED("Oldest submitted first"),
    AUTO_RELEASE_SOONEST("Auto-release soonest first"),
    LARGEST_AMOUNT("Largest amount first");

    private final String title;

    Sort(String title) {
      this.title = title;
    }

    public String title() {
      return title;
    }
  }

  /** Where a page ended: the sort key of its last row (as text) and that row's id. */
  public record Cursor(String key, long id) {}

  public static final List<String> OPEN_STATUSES = List.of("submitted", "approved", "on_hold");

  public ReleaseQueueQuery {
    statuses = List.copyOf(statuses.isEmpty() ? OPEN_STATUSES : statuses);
    if (!OPEN_STATUSES.containsAll(statuses)) {
      throw new IllegalArgumentException("the release queue shows only " + OPEN_STATUSES);
    }
    Objects.requireNonNull(sort);
    Objects.requireNonNull(after);
    if (limit < 1 || limit > 500) {
      throw new IllegalArgumentException("limit must be 1 to 500");
    }
  }

  public static ReleaseQueueQuery firstPage(int limit) {
    return new ReleaseQueueQuery(
        OPEN_STATUSES, null, null, Sort.OVERDUE_FIRST, Optional.empty(), limit);
  }

  public ReleaseQueueQuery after(Cursor cursor) {
    return new ReleaseQueueQuery(statuses, currency, search, sort, Optional.of(cursor), limit);
  }
}
