package dev.arbiter.persistence.escrow;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.db.HibernateFactory;
import dev.arbiter.persistence.escrow.ReleaseQueueQuery.Sort;
import dev.arbiter.persistence.escrow.ReleaseQueueService.PageSql;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The release queue's service path (Hibernate's session over the pool, as in the console) against
 * raw JDBC running the same SQL on the same pool, a 50-row page of 10,000 open checkpoints. It
 * reports the medians; the 1.15× target is judged by whoever reads them (a wall-clock assertion
 * would fail on a busy machine, not on slow code). It times the two paths as {@code bench}'s {@code
 * Timing} does, with its own few lines, so that it stays beside the service it measures when the
 * benchmarks move out of the product.
 *
 * <p>It measures and prints, some 400 timed reads of a page over 10,000 checkpoints, so it runs in
 * the timing run, not in {@code mvn verify}; what a page holds is {@code ReleaseQueueServiceIT}'s
 * to check.
 */
@Tag("timing")
class ReleaseQueueBenchmarkIT {

  private static final int CHECKPOINTS = 10_000;
  private static final ReleaseQueueQuery PAGE =
      new ReleaseQueueQuery(
          ReleaseQueueQuery.OPEN_STATUSES, null, null, Sort.OLDEST_SUBMITTED, Optional.empty(), 50);

  @Test
  void reportsTheServiceAgainstRawJdbcOnTheSameSql() throws Exception {
    TestDatabase db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      MoneyFixture.approvedBatch(owner, 20, CHECKPOINTS, 1_000, "demo_finance2");
    }
    try (HikariDataSource pool = pool(db);
        SessionFactory sessions = HibernateFactory.build(pool)) {
      ReleaseQueueService service = new ReleaseQueueService(new DataAccess(() -> sessions, pool));
      PageSql sql = ReleaseQueueService.pageSql(PAGE, PAGE.sort(), "", Optional.empty(), 50);

      double[] medians =
          interleavedMedians(
              30,
              101,
              () -> raw(pool, sql, false),
              () -> raw(pool, sql, true),
              () -> service.page(PAGE));

      System.out.printf(
          "release queue, 50-row page of %,d: raw JDBC %.3f ms, raw JDBC in a read-only"
              + " transaction %.3f ms, service %.3f ms (%.2f× raw, %.2f× raw in a transaction)%n",
          CHECKPOINTS,
          medians[0],
          medians[1],
          medians[2],
          medians[2] / medians[0],
          medians[2] / medians[1]);
      assertThat(Arrays.stream(medians).min().orElseThrow()).isPositive();
      assertThat(service.page(PAGE).rows()).hasSize(50);
    }
  }

  @FunctionalInterface
  private interface Work {
    void run() throws Exception;
  }

  /** The median of each piece of work, run in turn, so that drift on a busy machine hits all. */
  private static double[] interleavedMedians(int warmups, int runs, Work... works)
      throws Exception {
    for (int i = 0; i < warmups; i++) {
      for (Work work : works) {
        work.run();
      }
    }
    double[][] millis = new double[works.length][runs];
    for (int i = 0; i < runs; i++) {
      for (int w = 0; w < works.length; w++) {
        long start = System.nanoTime();
        works[w].run();
        millis[w][i] = (System.nanoTime() - start) / 1e6;
      }
    }
    double[] medians = new double[works.length];
    for (int w = 0; w < works.length; w++) {
      Arrays.sort(millis[w]);
      medians[w] = millis[w][runs / 2];
    }
    return medians;
  }

  private static HikariDataSource pool(TestDatabase db) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(db.jdbcUrl());
    config.setUsername("demo_finance");
    config.setPassword("demo");
    config.setMaximumPoolSize(2);
    return new HikariDataSource(config);
  }

  /**
   * Reads every column of every row, as the service does, without building records; in a read-only
   * transaction as the service's {@code DataAccess.read} opens one when asked, which tells the
   * template's round trips apart from Hibernate's own cost.
   */
  private static void raw(HikariDataSource pool, PageSql sql, boolean inTransaction)
      throws Exception {
    try (Connection c = pool.getConnection()) {
      if (inTransaction) {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
          s.execute("SET TRANSACTION READ ONLY");
        }
        read(c, sql);
        c.commit();
        c.setAutoCommit(true);
      } else {
        read(c, sql);
      }
    }
  }

  private static void read(Connection c, PageSql sql) throws Exception {
    try (PreparedStatement ps = c.prepareStatement(sql.sql())) {
      for (int i = 0; i < sql.params().size(); i++) {
        Object p = sql.params().get(i);
        if (p instanceof String[] array) {
          ps.setArray(i + 1, c.createArrayOf("text", array));
        } else {
          ps.setObject(i + 1, p);
        }
      }
      try (ResultSet rs = ps.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        long sink = 0;
        while (rs.next()) {
          for (int i = 1; i <= columns; i++) {
            Object value =
                rs.getMetaData().getColumnType(i) == java.sql.Types.TIMESTAMP
                    ? rs.getObject(i, OffsetDateTime.class)
                    : rs.getObject(i);
            sink += value == null ? 0 : 1;
          }
        }
        if (sink == -1) {
          throw new IllegalStateException("unreachable; keeps the reads from being optimised away");
        }
      }
    }
  }
}
