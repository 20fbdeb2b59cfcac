package dev.arbiter.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark runs end to end, a few rows each way, and reports both comparisons. */
class DurabilityBenchmarkIT {

  @Test
  void reportsDurableAgainstThrowAwayCommitsOneByOneAndInOne() throws Exception {
    TestDatabase db = TestDatabase.fresh();
    BenchContext context =
        new BenchContext(
            db.superuserDataSource(), login -> db.dataSource(login, "demo"), 1, line -> {});

    List<BenchLine> lines = new DurabilityBenchmark(10, 3).run(context);

    assertThat(lines)
        .extracting(BenchLine::label)
        .containsExactly(
            "10 audited commits, fsync off (throw-away)",
            "10 audited commits, durable (fsync on)",
            "10 audited rows in one commit, fsync off",
            "10 audited rows in one commit, durable");
    assertThat(lines).allMatch(l -> l.medianMillis() > 0);
    assertThat(Benchmarks.all()).extracting(Benchmark::name).contains("durability");
  }
}
