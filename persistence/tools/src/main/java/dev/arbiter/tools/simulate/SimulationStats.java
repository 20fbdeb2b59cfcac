package dev.arbiter.tools.simulate;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Counters the workers update concurrently, read as progress snapshots and a final report. */
final class SimulationStats {

  private final long startNanos;
  private final EnumMap<OperationKind, LongAdder> committed = new EnumMap<>(OperationKind.class);
  private final EnumMap<OperationKind, LatencySamples> latencies =
      new EnumMap<>(OperationKind.class);
  private final EnumMap<OperationKind, LongAdder> run = new EnumMap<>(OperationKind.class);
  private final Map<String, LongAdder> actions = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> refusals = new ConcurrentHashMap<>();
  private final LongAdder finished = new LongAdder();
  private final LongAdder refused = new LongAdder();
  private final LongAdder late = new LongAdder();
  private final AtomicLong endNanos = new AtomicLong();

  SimulationStats(long startNanos) {
    this.startNanos = startNanos;
    for (OperationKind kind : OperationKind.values()) {
      committed.put(kind, new LongAdder());
      latencies.put(kind, new LatencySamples());
      run.put(kind, new LongAdder());
    }
  }

  void record(OperationKind kind, Outcome outcome, long nanos) {
    latencies.get(kind).add(nanos);
    run.get(kind).increment();
    if (outcome.ok()) {
      committed.get(kind).increment();
      actions.computeIfAbsent(outcome.action(), a -> new LongAdder()).increment();
    } else {
      refused.increment();
      refusals.computeIfAbsent(outcome.refusal(), r -> new LongAdder()).increment();
    }
    finished.increment();
  }

  void late() {
    late.increment();
  }

  /** Freezes the elapsed time reported from now on. */
  void end(long nanos) {
    endNanos.compareAndSet(0, nanos);
  }

  SimulationProgress progress(long nowNanos) {
    long end = endNanos.get();
    Map<OperationKind, Long> byKind = new EnumMap<>(OperationKind.class);
    committed.forEach((kind, n) -> byKind.put(kind, n.sum()));
    return new SimulationProgress(
        Duration.ofNanos((end != 0 ? end : nowNanos) - startNanos),
        finished.sum(),
        byKind,
        refused.sum(),
        late.sum());
  }

  SimulationReport report(double rate, long nowNanos, boolean stoppedEarly) {
    Map<OperationKind, SimulationReport.Latency> byKind = new EnumMap<>(OperationKind.class);
    latencies.forEach(
        (kind, samples) ->
            byKind.put(
                kind,
                new SimulationReport.Latency(
                    run.get(kind).sum(), samples.quantile(0.50), samples.quantile(0.95))));
    return new SimulationReport(
        rate, progress(nowNanos), sums(actions), sums(refusals), byKind, stoppedEarly);
  }

  private static Map<String, Long> sums(Map<String, LongAdder> counters) {
    Map<String, Long> out = new TreeMap<>();
    counters.forEach((key, n) -> out.put(key, n.sum()));
    return out;
  }
}
