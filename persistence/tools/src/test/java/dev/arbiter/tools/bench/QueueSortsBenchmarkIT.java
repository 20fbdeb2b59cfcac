package dev.arbiter.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.disputes.SortKey;
import dev.arbiter.persistence.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark runs end to end on a small demo and reports every queue's sorts. */
class QueueSortsBenchmarkIT {

  @Test
  void reportsEveryDisputeSortBeforeAndNowAndTheOtherQueuesSorts() throws Exception {
    TestDatabase db = TestDatabase.fresh();
    BenchContext context =
        new BenchContext(
            db.superuserDataSource(), login -> db.dataSource(login, "demo"), 1, line -> {});
    List<BenchLine> lines = new QueueSortsBenchmark(0, 1, 3).run(context);

    assertThat(lines).extracting(BenchLine::label).contains("disputes by due, before V95");
    assertThat(lines)
        .filteredOn(l -> l.label().startsWith("disputes by "))
        .hasSize(2 * SortKey.values().length);
    assertThat(lines)
        .extracting(BenchLine::label)
        .anyMatch(l -> l.startsWith("releases by "))
        .anyMatch(l -> l.startsWith("moderation by "))
        .contains("workspaces by escrow held");
    assertThat(lines).allMatch(l -> l.medianMillis() > 0);
    assertThat(Benchmarks.all()).extracting(Benchmark::name).contains("queue-sorts");
  }
}
