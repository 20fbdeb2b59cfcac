package dev.arbiter.tools.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.arbiter.persistence.db.SchemaMigrator;
import dev.arbiter.persistence.db.ServerBootstrap;
import dev.arbiter.persistence.db.StaffLogins;
import dev.arbiter.persistence.db.SuperuserLogin;
import dev.arbiter.tools.consoles.ConsoleLoad;
import dev.arbiter.tools.consoles.ConsoleLoadPlan;
import dev.arbiter.tools.consoles.ConsoleLoadResult;
import dev.arbiter.tools.consoles.LoadServer;
import dev.arbiter.tools.consoles.PgBouncer;
import dev.arbiter.tools.consoles.PhaseResult;
import dev.arbiter.tools.demo.DemoDataLoader;
import dev.arbiter.tools.demo.DemoScale;
import dev.arbiter.tools.demo.ProgressListener;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A hundred consoles through PgBouncer while the simulator writes at 200 operations a second, vs a
 * single console under the same writes (issue 15, item 5). It works in a database of its own on the
 * bench's server, with the demo marketplace loaded (so the run of the other benchmarks does not
 * matter), and starts PgBouncer itself in front of it ({@link PgBouncer}): pool size 2 per login,
 * 40 for all, as docs/OPERATIONS.md sizes it. {@code ARBITER_BENCH_CONSOLES} (default 100), {@code
 * ARBITER_BENCH_CONSOLES_SECONDS} (each phase, default 60), {@code ARBITER_BENCH_CONSOLES_RATE}
 * (default 200) and {@code ARBITER_BENCH_CONSOLES_DATA} (the demo's size factor; 3,334 is a million
 * disputes) size the run; {@code ARBITER_BENCH_POOL_SIZE} and {@code ARBITER_BENCH_POOL_LIMIT} set
 * PgBouncer's {@code default_pool_size} and {@code max_db_connections} to try others. Besides the
 * page times it reports each console's disputes-refresh time per minute (issue 15, item 6: under 1%
 * of a core).
 */
public final class ConsolesBenchmark implements Benchmark.Measurement {

  static final String DESCRIPTION =
      "ARBITER_BENCH_CONSOLES (100) consoles through PgBouncer (own logins, services, listeners)"
          + " while simulate writes ARBITER_BENCH_CONSOLES_RATE (200) ops/s, vs 1 console: queue"
          + " refresh and page p95, lost notices, connections, audit chain";

  private static final String DATABASE = "arbiter_bench_consoles";
  private static final int RATE = 200;
  private static final long SEED = 15L;

  @Override
  public List<BenchLine> run(BenchContext context) throws Exception {
    if (!PgBouncer.available()) {
      // A whole `bench` run stays green where the pooler is not installed; it says so instead.
      return List.of(
          new BenchLine("skipped: no pgbouncer (install it, or set ARBITER_PGBOUNCER)", 0, 0, ""));
    }
    HikariDataSource owner = context.owner().unwrap(HikariDataSource.class);
    SuperuserLogin superuser = new SuperuserLogin(port(owner.getJdbcUrl()), owner.getPassword());
    ServerBootstrap.ensureDatabase(superuser, DATABASE);
    SchemaMigrator.migrate(superuser.dataSource(DATABASE), true);
    try (Connection migrator = superuser.open(DATABASE);
        Statement s = migrator.createStatement()) {
      s.execute("SET ROLE " + ServerBootstrap.MIGRATOR);
      StaffLogins.ensureDemoLogins(migrator);
      context.progress().accept("loading the demo marketplace for the simulator");
      // ARBITER_BENCH_CONSOLES_DATA sizes the marketplace apart from --scale: 3,334 is a million
      // disputes (bulk-loaded, as queue-sorts does), for the per-console database time.
      int data = setting("ARBITER_BENCH_CONSOLES_DATA", context.scale());
      new DemoDataLoader(Clock.systemUTC())
          .load(migrator, DemoScale.of(data).withBulk(data > 100), SEED, ProgressListener.NONE);
      if (data > 100) {
        s.execute("RESET ROLE");
        s.execute("VACUUM ANALYZE");
      }
    }
    ConsoleLoadPlan plan =
        new ConsoleLoadPlan(
            setting("ARBITER_BENCH_CONSOLES", 100),
            Duration.ofSeconds(setting("ARBITER_BENCH_CONSOLES_SECONDS", 60)),
            setting("ARBITER_BENCH_CONSOLES_RATE", RATE),
            SEED);
    String direct = superuser.jdbcUrl(DATABASE);
    int poolPerLogin = setting("ARBITER_BENCH_POOL_SIZE", 2);
    int poolLimit = setting("ARBITER_BENCH_POOL_LIMIT", 40);
    try (PgBouncer bouncer =
        PgBouncer.start(direct, superuser.dataSource(DATABASE), poolPerLogin, poolLimit)) {
      LoadServer server =
          new LoadServer(
              direct,
              bouncer.poolUrl(),
              superuser.dataSource(DATABASE),
              login(direct, "demo_admin"),
              StaffLogins.DEMO_BACKEND,
              StaffLogins.DEMO_PASSWORD,
              poolPerLogin,
              poolLimit);
      return lines(ConsoleLoad.run(server, plan, context.progress()), plan);
    }
  }

  static List<BenchLine> lines(ConsoleLoadResult result, ConsoleLoadPlan plan) {
    PhaseResult one = result.single();
    PhaseResult many = result.many();
    String n = many.consoles() + " consoles";
    List<BenchLine> lines = new ArrayList<>();
    pages(
        lines, "disputes refresh", one, many, PhaseResult::disputesP95, PhaseResult::disputesReads);
    pages(lines, "release page", one, many, PhaseResult::releasesP95, PhaseResult::releasesReads);
    lines.add(busy(one, plan.duration()));
    lines.add(busy(many, plan.duration()));
    lines.add(lost(one));
    lines.add(lost(many));
    lines.add(
        new BenchLine(
            "connections held, count (" + n + ")",
            many.peak().budgeted(),
            many.peak().budgeted() / (double) many.budget(),
            "≤ budget " + many.budget()));
    lines.add(
        new BenchLine(
            String.format(
                Locale.ROOT,
                "  listen %d, pooled %d, simulate %d",
                many.peak().listeners(),
                many.peak().pooled(),
                many.peak().simulator()),
            many.peak().total(),
            many.peak().total() / (double) (many.budget() + many.peak().other()),
            "all, with " + many.peak().other() + " bench/pooler"));
    lines.add(rate(one, plan.rate()));
    lines.add(rate(many, plan.rate()));
    lines.add(
        new BenchLine(
            "audit chain breaks, " + result.chain().rowsChecked() + " entries",
            result.chain().intact() ? 0 : 1,
            result.chain().intact() ? 0 : 1,
            result.chain().breakFound().map(b -> "BROKEN: " + b).orElse("0")));
    result.unsealed().ifPresent(u -> lines.add(new BenchLine("audit_unsealed(): " + u, 0, 0, "")));
    for (PhaseResult phase : List.of(one, many)) {
      if (phase.failedReads() > 0) {
        lines.add(
            new BenchLine(
                "failed reads, " + phase.consoles() + " console(s)",
                phase.failedReads(),
                phase.failedReads() / (double) (phase.disputesReads() + phase.releasesReads()),
                phase.firstFailure()));
      }
    }
    return lines;
  }

  private static void pages(
      List<BenchLine> lines,
      String queue,
      PhaseResult one,
      PhaseResult many,
      ToDoubleFunction<PhaseResult> p95,
      ToIntFunction<PhaseResult> reads) {
    lines.add(BenchLine.baseline(pagesLabel(queue, one, reads), p95.applyAsDouble(one)));
    lines.add(
        BenchLine.compared(
            pagesLabel(queue, many, reads),
            p95.applyAsDouble(many),
            p95.applyAsDouble(one),
            "≤ 2×"));
  }

  private static String pagesLabel(
      String queue, PhaseResult phase, ToIntFunction<PhaseResult> reads) {
    return String.format(
        Locale.ROOT,
        "%s p95, %d console(s), %d reads",
        queue,
        phase.consoles(),
        reads.applyAsInt(phase));
  }

  private static BenchLine lost(PhaseResult phase) {
    long heardBy = phase.expected() * phase.consoles();
    return new BenchLine(
        String.format(
            Locale.ROOT,
            "lost notices, count (%d × %d, %d offline)",
            phase.expected(),
            phase.consoles(),
            phase.offlines()),
        phase.lost(),
        heardBy == 0 ? 0 : phase.lost() / (double) heardBy,
        "0");
  }

  // Issue 15's target for a live refresh: under 1% of a core per console, 600 ms a minute.
  private static BenchLine busy(PhaseResult result, Duration phase) {
    double perConsoleMinute =
        result.disputesBusyMillis() / result.consoles() / (phase.toMillis() / 60_000.0);
    return new BenchLine(
        String.format(
            Locale.ROOT,
            "disputes refresh, ms per console-minute, %d console(s)",
            result.consoles()),
        perConsoleMinute,
        0,
        String.format(Locale.ROOT, "%.2f%% of a core (< 1%%)", perConsoleMinute / 60_000.0 * 100));
  }

  private static BenchLine rate(PhaseResult phase, double asked) {
    return new BenchLine(
        String.format(
            Locale.ROOT,
            "simulate ops/s, %d console(s), %d ops",
            phase.consoles(),
            phase.committed()),
        phase.achievedRate(),
        phase.achievedRate() / asked,
        String.format(Locale.ROOT, "%.0f asked", asked));
  }

  private static int setting(String variable, int fallback) {
    String value = System.getenv(variable);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
  }

  // The bench's server listens on localhost at the port its pools name.
  private static int port(String benchUrl) {
    Matcher m = Pattern.compile("//localhost:(\\d+)/").matcher(benchUrl);
    if (!m.find()) {
      throw new IllegalStateException("not the bench's embedded server: " + benchUrl);
    }
    return Integer.parseInt(m.group(1));
  }

  private static PGSimpleDataSource login(String url, String login) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(url);
    ds.setUser(login);
    ds.setPassword(StaffLogins.DEMO_PASSWORD);
    return ds;
  }
}
