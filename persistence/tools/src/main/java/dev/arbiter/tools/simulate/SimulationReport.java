package dev.arbiter.tools.simulate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The result of a run.
 *
 * @param rate the rate asked for, operations per second
 * @param progress the final counts
 * @param actions committed operations by what they did ("dispute opened", "member added", ...)
 * @param refusals refused operations by reason
 * @param latencies per kind, the median and 95th percentile of the operation's wall time (both
 *     committed and refused operations)
 * @param stoppedEarly whether {@link TrafficSimulator#stop()} ended the run before its duration
 */
public record SimulationReport(
    double rate,
    SimulationProgress progress,
    Map<String, Long> actions,
    Map<String, Long> refusals,
    Map<OperationKind, Latency> latencies,
    boolean stoppedEarly) {

  /** The median and 95th percentile latency of one kind, and how many operations it covers. */
  public record Latency(long count, Duration p50, Duration p95) {}

  public long committed() {
    return progress.committed().values().stream().mapToLong(Long::longValue).sum();
  }

  /** The summary printed at the end of {@code arbiter simulate}. */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    out.add(
        String.format(
            Locale.ROOT,
            "simulated %,d operations in %.1f s%s: %.2f ops/s achieved (asked %s), %,d committed,"
                + " %,d refused",
            progress.finished(),
            progress.elapsed().toMillis() / 1000.0,
            stoppedEarly ? " (stopped early)" : "",
            progress.achievedRate(),
            trim(rate),
            committed(),
            progress.refused()));
    if (progress.late() > 0) {
      out.add(
          String.format(
              Locale.ROOT,
              "%,d ticks skipped: the database fell more than a second behind the rate",
              progress.late()));
    }
    out.add("by kind        committed    run   p50 ms   p95 ms");
    latencies.forEach(
        (kind, l) ->
            out.add(
                String.format(
                    Locale.ROOT,
                    "  %-12s %,9d %,6d %8.1f %8.1f",
                    kind.label(),
                    progress.committed().getOrDefault(kind, 0L),
                    l.count(),
                    l.p50().toNanos() / 1e6,
                    l.p95().toNanos() / 1e6)));
    if (!actions.isEmpty()) {
      out.add("committed by action");
      actions.forEach(
          (action, n) -> out.add(String.format(Locale.ROOT, "  %-28s %,6d", action, n)));
    }
    if (!refusals.isEmpty()) {
      out.add("refused by reason");
      refusals.forEach(
          (reason, n) -> out.add(String.format(Locale.ROOT, "  %-50s %,6d", reason, n)));
    }
    return out;
  }

  private static String trim(double rate) {
    return rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate);
  }
}
