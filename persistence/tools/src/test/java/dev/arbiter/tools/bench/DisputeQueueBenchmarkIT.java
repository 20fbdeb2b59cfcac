package dev.arbiter.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.access.Jdbc;
import dev.arbiter.persistence.disputes.PageDirection;
import dev.arbiter.persistence.disputes.QueueFilter;
import dev.arbiter.persistence.disputes.QueueSort;
import dev.arbiter.persistence.disputes.QueueSql;
import dev.arbiter.persistence.disputes.SortKey;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The benchmark runs end to end on a small table and reports both comparisons; and the queue's
 * first page for every sort is read from an index, never by sorting the table.
 */
class DisputeQueueBenchmarkIT {

  @Test
  void reportsServiceVersusJdbcAndDeepVersusFirstPage() throws Exception {
    TestDatabase db = TestDatabase.fresh();
    BenchContext context =
        new BenchContext(
            db.superuserDataSource(), login -> db.dataSource(login, "demo"), 1, line -> {});
    List<BenchLine> lines = new DisputeQueueBenchmark(20_000, 3, 5).run(context);

    assertThat(lines)
        .extracting(BenchLine::label)
        .containsExactly(
            "first page, raw JDBC",
            "first page, DisputeQueueService",
            "first page (service)",
            "page at ~90% deep (service)");
    assertThat(lines).allMatch(l -> l.medianMillis() > 0);
    assertThat(Benchmarks.all()).extracting(b -> b.name()).contains("disputes-queue");

    for (SortKey key : SortKey.values()) {
      for (boolean descending : new boolean[] {false, true}) {
        QueueSql.Query q =
            QueueSql.page(
                QueueFilter.EVERYTHING,
                new QueueSort(key, descending),
                null,
                PageDirection.FORWARD,
                50);
        assertThat(plan(db, q)).as("%s %s", key, descending).doesNotContain("\"Sort\"");
      }
    }
  }

  private static String plan(TestDatabase db, QueueSql.Query q) throws Exception {
    try (Connection c = db.dataSource("demo_support", "demo").getConnection()) {
      return Jdbc.list(
              c,
              "EXPLAIN (FORMAT JSON) " + q.sql(),
              row -> row.text("QUERY PLAN"),
              q.params().toArray())
          .get(0);
    }
  }
}
