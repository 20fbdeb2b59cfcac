package dev.arbiter.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The benchmark runs end to end, briefly, on its durable server: every comparison is reported, the
 * writers really inserted, and the audit triggers it switched off for the unaudited runs are on
 * again afterwards (it ends with them on, or the hold would not be audited).
 */
class WriteThroughputBenchmarkIT {

  @Test
  void reportsAuditedAgainstUnauditedInsertsAndTheLatencyWhileAChangeIsHeld() throws Exception {
    TestDatabase db = TestDatabase.fresh();
    BenchContext context =
        new BenchContext(
            db.superuserDataSource(), login -> db.dataSource(login, "demo"), 1, line -> {});

    List<BenchLine> lines =
        new WriteThroughputBenchmark(Duration.ofMillis(300), Duration.ofMillis(500), 1)
            .run(context);

    assertThat(lines)
        .extracting(BenchLine::label)
        .anySatisfy(l -> assertThat(l).startsWith("1 client, audit trigger off: "))
        .anySatisfy(l -> assertThat(l).startsWith("16 clients, audited: "))
        .anySatisfy(l -> assertThat(l).startsWith("16 clients, no change notices, audited: "))
        .anySatisfy(l -> assertThat(l).startsWith("16 clients' insert p99, a staff change held"));
    assertThat(lines).hasSize(10).allMatch(l -> l.medianMillis() > 0);
    assertThat(Benchmarks.all()).extracting(Benchmark::name).contains("write-throughput");
  }
}
