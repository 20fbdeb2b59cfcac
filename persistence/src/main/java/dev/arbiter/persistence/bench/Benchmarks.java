package dev.arbiter.persistence.bench;

import dev.arbiter.persistence.audit.AuditPageBenchmark;
import dev.arbiter.persistence.audit.AuditVerifyBenchmark;
import dev.arbiter.persistence.disputes.DisputeQueueBenchmark;
import dev.arbiter.persistence.escrow.ReleaseBenchmark;
import dev.arbiter.persistence.live.LiveLatencyBenchmark;
import dev.arbiter.persistence.moderation.ModerationQueueBenchmark;
import java.util.List;

/**
 * Every benchmark {@code arbiter bench} runs. Each feature adds its own here, so the list stays
 * explicit (no classpath scanning).
 */
public final class Benchmarks {

  private Benchmarks() {}

  public static List<Benchmark> all() {
    return List.of(
        new DisputeQueueBenchmark(),
        new ReleaseBenchmark(),
        new AuditVerifyBenchmark(),
        new AuditPageBenchmark(),
        new ModerationQueueBenchmark(),
        new LiveLatencyBenchmark(),
        new DurabilityBenchmark());
  }
}
