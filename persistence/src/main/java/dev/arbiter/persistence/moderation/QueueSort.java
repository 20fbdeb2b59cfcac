package dev.arbiter.persistence.moderation;

/**
 * The queue's sort orders. Each matches one index on {@code moderation_items} (status first), and
 * the cursor is the sort column plus the row id, so every page is an index range scan.
 */
public enum QueueSort {
  PRIORITY("Priority", "score", "numeric", true),
  MOST_REPORTED("Most reported", "open_count", "integer", true),
  SEVERITY("Severity", "max_severity_rank", "smallint", true),
  OLDEST("Oldest first", "first_flagged_at", "timestamptz", false),
  NEWEST("Newest first", "last_flagged_at", "timestamptz", true);

  private final String label;
  private final String column;
  private final String sqlType;
  private final boolean descending;

  QueueSort(String label, String column, String sqlType, boolean descending) {
    this.label = label;
    this.column = column;
    this.sqlType = sqlType;
    this.descending = descending;
  }

  public String label() {
    return label;
  }

  String column() {
    return column;
  }

  String orderBy() {
    String direction = descending ? " DESC" : "";
    return "mi." + column + direction + ", mi.id" + direction;
  }

  /** The keyset condition after the cursor (two parameters: sort value as text, id). */
  String after() {
    return "(mi."
        + column
        + ", mi.id) "
        + (descending ? "<" : ">")
        + " (CAST(? AS "
        + sqlType
        + "), ?)";
  }
}
