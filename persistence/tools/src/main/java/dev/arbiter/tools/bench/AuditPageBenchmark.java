package dev.arbiter.tools.bench;

import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.access.Jdbc;
import dev.arbiter.persistence.audit.AuditFilter;
import dev.arbiter.persistence.audit.AuditQueryService;
import dev.arbiter.persistence.audit.AuditSql;
import dev.arbiter.persistence.db.HibernateFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;

/**
 * Filtered audit pages newest first, through the service the console uses (SQL, JSON values and
 * diffs of 50 rows): a page deep in the result against the first page of the same filter. Keyset
 * paging should make depth free; the design allows the deep page 1.5 times the first.
 */
public final class AuditPageBenchmark implements Benchmark.Measurement {

  private static final int ENTRIES_PER_SCALE = 200_000;
  private static final int PAGE = 50;

  @Override
  public List<BenchLine> run(BenchContext context) throws Exception {
    int entries = ENTRIES_PER_SCALE * context.scale();
    context.progress().accept("  writing " + entries + " audited rows");
    Instant before = now(context.owner());
    AuditVerifyBenchmark.fill(context.owner(), entries);
    Instant after = now(context.owner());
    // The console's path: Hibernate sessions over support's connections.
    try (SessionFactory sessions =
        HibernateFactory.build(context.asLogin().apply("demo_support"))) {
      return run(
          context, new AuditQueryService(new DataAccess(() -> sessions), false), before, after);
    }
  }

  private static List<BenchLine> run(
      BenchContext context, AuditQueryService service, Instant before, Instant after)
      throws Exception {
    List<BenchLine> lines = new ArrayList<>();
    compare(
        lines,
        context,
        service,
        "entity type + action (type index)",
        AuditFilter.none().withEntityType("users").withAction("insert"));
    // postgres names actors (a superuser), so its filter also matches db_user and walks the
    // primary key; every bench entry is its own, so the walk never skips one.
    compare(
        lines,
        context,
        service,
        "actor or db_user (newest-first walk)",
        AuditFilter.none().withActor("postgres"));
    compare(
        lines,
        context,
        service,
        "text in values (ILIKE on the newest-first scan)",
        AuditFilter.none().withText("bench user 1"));
    compare(
        lines,
        context,
        service,
        "time range (id bounds by binary search)",
        AuditFilter.none().between(before, after));
    return lines;
  }

  private static void compare(
      List<BenchLine> lines,
      BenchContext context,
      AuditQueryService service,
      String label,
      AuditFilter filter)
      throws Exception {
    long depthKey = keysetAtDepth(context.owner(), service, filter);
    double[] medians =
        Timing.interleavedMedians(
            3,
            15,
            () -> service.page(filter, Long.MAX_VALUE, PAGE),
            () -> service.page(filter, depthKey, PAGE));
    lines.add(BenchLine.baseline("first page: " + label, medians[0]));
    lines.add(BenchLine.compared("page at 90%: " + label, medians[1], medians[0], "≤ 1.5×"));
  }

  // The id below which the page at 90% of the filter's rows starts, found once by counting.
  private static long keysetAtDepth(DataSource owner, AuditQueryService service, AuditFilter filter)
      throws SQLException {
    try (Connection c = owner.getConnection()) {
      AuditSql.Where where = AuditSql.where(c, filter);
      long total = where.count(c);
      List<Long> ids =
          Jdbc.list(
              c,
              "SELECT id FROM audit_log WHERE "
                  + where.sql()
                  + " ORDER BY id DESC OFFSET ? LIMIT 1",
              row -> row.getLong("id"),
              where.args(Math.max(0, total * 9 / 10 - 1)));
      if (ids.isEmpty()) {
        throw new IllegalStateException("the filter selects nothing: " + filter);
      }
      return ids.get(0);
    }
  }

  private static Instant now(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection()) {
      return Jdbc.list(c, "SELECT clock_timestamp() AS now", row -> row.instant("now")).get(0);
    }
  }
}
