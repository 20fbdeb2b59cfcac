package dev.arbiter.tools.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a demo load wrote.
 *
 * @param rowsPerTable rows inserted per table, in load order
 * @param bulk whether per-row audit and notifications were replaced by one summary entry
 * @param seed the seed the rows were generated from
 * @param baseTime the instant every generated timestamp is relative to
 * @param elapsed wall-clock time of the load, commit included
 */
public record DemoLoadSummary(
    Map<String, Long> rowsPerTable, boolean bulk, long seed, Instant baseTime, Duration elapsed) {

  public DemoLoadSummary {
    rowsPerTable = Collections.unmodifiableMap(new LinkedHashMap<>(rowsPerTable));
  }

  /** Rows inserted into {@code table} (0 if none). */
  public long rows(String table) {
    return rowsPerTable.getOrDefault(table, 0L);
  }

  public long disputes() {
    return rows("disputes");
  }

  public long users() {
    return rows("users");
  }

  public long totalRows() {
    return rowsPerTable.values().stream().mapToLong(Long::longValue).sum();
  }
}
