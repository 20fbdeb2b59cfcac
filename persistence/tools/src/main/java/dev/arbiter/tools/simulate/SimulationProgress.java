package dev.arbiter.tools.simulate;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where a run stands: operations finished (committed or refused), committed ones by kind, refusals
 * and ticks skipped because the database fell more than a second behind.
 */
public record SimulationProgress(
    Duration elapsed, long finished, Map<OperationKind, Long> committed, long refused, long late) {

  /** Finished operations per second of elapsed time. */
  public double achievedRate() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? 0 : finished / seconds;
  }

  /** One line for a terminal, for example {@code 12.0 s: 60 ops (dispute 7, ...), 1 refused}. */
  public String line() {
    String kinds =
        committed.entrySet().stream()
            .map(e -> e.getKey().label() + " " + e.getValue())
            .collect(Collectors.joining(", "));
    return String.format(
        Locale.ROOT,
        "%5.1f s: %,d ops (%s), %,d refused%s, %.1f ops/s",
        elapsed.toMillis() / 1000.0,
        finished,
        kinds,
        refused,
        late > 0 ? String.format(Locale.ROOT, ", %,d late ticks skipped", late) : "",
        achievedRate());
  }
}
