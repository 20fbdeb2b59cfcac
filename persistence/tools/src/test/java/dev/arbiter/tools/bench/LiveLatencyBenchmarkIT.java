package dev.arbiter.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveLatencyBenchmarkIT {

  @Test
  void measuresCommitAgainstNotificationHeard() throws Exception {
    TestDatabase db = TestDatabase.fresh();
    BenchContext context =
        new BenchContext(
            db.superuserDataSource(), login -> db.dataSource(login, "demo"), 1, line -> {});

    List<BenchLine> lines = new LiveLatencyBenchmark(2, 21).run(context);

    assertThat(lines).hasSize(5);
    assertThat(lines).allMatch(l -> l.medianMillis() > 0);
    // Heard includes the commit it follows, so it can never be faster.
    assertThat(lines.get(1).ratio()).isGreaterThanOrEqualTo(1.0);
    assertThat(lines.get(3).ratio()).isGreaterThanOrEqualTo(1.0);
    assertThat(lines.get(2).medianMillis()).isGreaterThanOrEqualTo(lines.get(1).medianMillis());
    assertThat(lines.get(4).medianMillis()).isGreaterThanOrEqualTo(lines.get(3).medianMillis());
    assertThat(Benchmarks.all()).extracting(b -> b.name()).contains("live-latency");
  }
}
