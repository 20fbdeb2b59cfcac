package dev.arbiter.tools.bench;

import dev.arbiter.model.disputes.DisputeStatus;
import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.access.Jdbc;
import dev.arbiter.persistence.db.HibernateFactory;
import dev.arbiter.persistence.disputes.PageDirection;
import dev.arbiter.persistence.disputes.QueueFilter;
import dev.arbiter.persistence.disputes.QueueSort;
import dev.arbiter.persistence.disputes.QueueSql;
import dev.arbiter.persistence.disputes.SortKey;
import dev.arbiter.persistence.escrow.ReleaseQueueQuery;
import dev.arbiter.persistence.escrow.ReleaseQueueService;
import dev.arbiter.persistence.moderation.ModerationQueueService;
import dev.arbiter.persistence.workspaces.WorkspaceListService;
import dev.arbiter.persistence.workspaces.WorkspaceQuery;
import dev.arbiter.persistence.workspaces.WorkspaceSort;
import dev.arbiter.tools.demo.DemoDataLoader;
import dev.arbiter.tools.demo.DemoScale;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;

/**
 * "queue-sorts": every queue's first page in every sort on the demo marketplace at {@code 100,000 ×
 * scale} disputes (nine in ten closed, flags decided, most checkpoints finished; {@code --scale 10}
 * is a million). For the disputes queue each sort runs as the queue asked before V95 and as it asks
 * now, interleaved: before, the open statuses were a bound {@code status = ANY (?)}, which a
 * prepared statement's generic plan (the plan PostgreSQL settles on after a few executions) can
 * only serve by walking the full (key, id) index past every closed case. The other queues are timed
 * as they are.
 */
public final class QueueSortsBenchmark implements Benchmark.Measurement {

  /** The demo's seed, printed with the results so a run can be repeated. */
  static final long SEED = 15L;

  private static final int PAGE = 50;
  private static final int FACTOR_PER_SCALE = 334;

  private final int warmups;
  private final int runs;
  private final int factorPerScale;

  public QueueSortsBenchmark() {
    this(2, 9, FACTOR_PER_SCALE);
  }

  QueueSortsBenchmark(int warmups, int runs, int factorPerScale) {
    this.warmups = warmups;
    this.runs = runs;
    this.factorPerScale = factorPerScale;
  }

  @Override
  public List<BenchLine> run(BenchContext context) throws Exception {
    load(context);
    List<BenchLine> lines = new ArrayList<>(disputes(context));
    lines.addAll(otherQueues(context));
    return lines;
  }

  private void load(BenchContext context) throws SQLException {
    DemoScale scale = DemoScale.of(factorPerScale * context.scale()).withBulk(true);
    try (Connection c = context.owner().getConnection()) {
      if (DemoDataLoader.isLoaded(c)) {
        throw new IllegalStateException(
            "queue-sorts loads the demo marketplace into an empty database:"
                + " run it alone (bench --only queue-sorts)");
      }
      context
          .progress()
          .accept("queue-sorts: loading " + scale.disputes() + " demo disputes, seed " + SEED);
      new DemoDataLoader(Clock.systemUTC()).load(c, scale, SEED, (phase, done, total) -> {});
      try (Statement s = c.createStatement()) {
        s.execute("VACUUM ANALYZE"); // what autovacuum does after a load this size
      }
    }
  }

  private List<BenchLine> disputes(BenchContext context) throws Exception {
    DataSource support = context.asLogin().apply("demo_support");
    List<BenchLine> lines = new ArrayList<>();
    try (Connection before = support.getConnection();
        Connection now = support.getConnection()) {
      Jdbc.update(before, "SET plan_cache_mode = force_generic_plan");
      for (SortKey key : SortKey.values()) {
        QueueSql.Query query =
            QueueSql.page(
                QueueFilter.OPEN_CASES,
                QueueSort.ascending(key),
                null,
                PageDirection.FORWARD,
                PAGE);
        Object[] legacyParams = {
          Arrays.stream(DisputeStatus.values())
              .filter(DisputeStatus::isOpen)
              .map(DisputeStatus::dbValue)
              .sorted()
              .toArray(String[]::new)
        };
        String legacy = legacySql(query.sql());
        double[] medians =
            Timing.interleavedMedians(
                warmups,
                runs,
                () -> read(before, legacy, legacyParams),
                () -> read(now, query.sql(), query.params().toArray()));
        String label = "disputes by " + key.name().toLowerCase();
        lines.add(BenchLine.baseline(label + ", before V95", medians[0]));
        lines.add(BenchLine.compared(label + ", now", medians[1], medians[0], ""));
      }
    }
    return lines;
  }

  /** The page as the queue wrote it before V95: open statuses bound as an array. */
  private static String legacySql(String sql) {
    for (String open : List.of("d.status NOT IN ('resolved', 'closed')", "k.is_open")) {
      String now = " WHERE " + open + " ORDER BY ";
      if (sql.contains(now)) {
        return sql.replace(now, " WHERE d.status = ANY (?) ORDER BY ");
      }
    }
    throw new IllegalStateException("the queue's open filter is no longer as expected: " + sql);
  }

  private static void read(Connection c, String sql, Object[] params) throws SQLException {
    long[] sink = new long[1];
    Jdbc.forEach(c, sql, 0, row -> sink[0] += row.getLong("id"), params);
    if (sink[0] == 42) {
      throw new IllegalStateException("unreachable; keeps the reads from being optimised away");
    }
  }

  private List<BenchLine> otherQueues(BenchContext context) throws Exception {
    List<BenchLine> lines = new ArrayList<>();
    DataSource finance = context.asLogin().apply("demo_finance");
    DataSource moderator = context.asLogin().apply("demo_moderator");
    DataSource admin = context.asLogin().apply("demo_admin");
    try (SessionFactory financeSessions = HibernateFactory.build(finance);
        SessionFactory moderatorSessions = HibernateFactory.build(moderator);
        SessionFactory adminSessions = HibernateFactory.build(admin)) {
      ReleaseQueueService releases =
          new ReleaseQueueService(new DataAccess(() -> financeSessions, finance));
      for (ReleaseQueueQuery.Sort sort : ReleaseQueueQuery.Sort.values()) {
        ReleaseQueueQuery query =
            new ReleaseQueueQuery(
                ReleaseQueueQuery.OPEN_STATUSES, null, null, sort, Optional.empty(), PAGE);
        lines.add(timed("releases by " + sort.title().toLowerCase(), () -> releases.page(query)));
      }
      ModerationQueueService flags =
          new ModerationQueueService(new DataAccess(() -> moderatorSessions, moderator));
      for (dev.arbiter.persistence.moderation.QueueSort sort :
          dev.arbiter.persistence.moderation.QueueSort.values()) {
        lines.add(
            timed(
                "moderation by " + sort.label().toLowerCase(),
                () ->
                    flags.page(
                        dev.arbiter.persistence.moderation.QueueFilter.open(), sort, null, PAGE)));
      }
      WorkspaceListService workspaces =
          new WorkspaceListService(new DataAccess(() -> adminSessions, admin));
      for (WorkspaceSort sort : WorkspaceSort.values()) {
        // Counts, money and dates read largest or newest first; names and states A to Z.
        boolean descending = sort.ordinal() >= WorkspaceSort.MEMBERS.ordinal();
        WorkspaceQuery query = new WorkspaceQuery(null, null, null, sort, descending, PAGE, null);
        lines.add(
            timed(
                "workspaces by " + sort.name().toLowerCase().replace('_', ' '),
                () -> workspaces.page(query)));
      }
    }
    return lines;
  }

  private BenchLine timed(String label, Timing.Work work) throws Exception {
    return BenchLine.baseline(label, Timing.medianMillis(warmups, runs, work));
  }
}
