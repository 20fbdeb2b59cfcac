package dev.arbiter.tools.demo;

import static dev.arbiter.tools.demo.DemoFixtures.count;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.db.ArbiterHome;
import dev.arbiter.persistence.db.EmbeddedServer;
import dev.arbiter.persistence.db.SchemaMigrator;
import dev.arbiter.persistence.db.ServerBootstrap;
import dev.arbiter.persistence.db.StaffLogins;
import dev.arbiter.persistence.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Measures a large load; run by hand, it is not part of the default build:
 *
 * <pre>
 * mvn -pl persistence/tools -am verify -Dit.test=DemoDataScaleIT -Darbiter.demo.scale=3334 ...
 * </pre>
 *
 * Factor 3334 is a million disputes. With {@code -Darbiter.demo.durable=true} it loads into an
 * embedded server configured like the desktop default (fsync and synchronous commit on) instead of
 * the test server (fsync off).
 */
@Tag("scale")
@EnabledIfSystemProperty(named = "arbiter.demo.scale", matches = "[0-9]+")
// A million disputes take far longer than the build's default timeout for a test (five minutes).
@Timeout(value = 3, unit = TimeUnit.HOURS)
class DemoDataScaleIT {

  private static final Instant BASE = Instant.parse("2024-06-11T09:00:00Z");

  @Test
  void loadsTheRequestedScaleConsistently() throws Exception {
    int factor = Integer.getInteger("arbiter.demo.scale");
    if (Boolean.getBoolean("arbiter.demo.durable")) {
      Path data = Files.createTempDirectory("arbiter-scale");
      try (EmbeddedServer server = EmbeddedServer.start(new ArbiterHome(data), 0)) {
        ServerBootstrap.ensureDatabase(server, "arbiter");
        SchemaMigrator.migrate(server.dataSource("arbiter"), true);
        try (Connection c = server.superuserConnection("arbiter")) {
          try (Statement s = c.createStatement()) {
            s.execute("SET ROLE " + ServerBootstrap.MIGRATOR);
          }
          StaffLogins.ensureDemoLogins(c);
          loadAndCheck(c, factor);
        }
      } finally {
        deleteTree(data);
      }
      return;
    }
    try (Connection c = TestDatabase.fresh().migrator()) {
      loadAndCheck(c, factor);
    }
  }

  private static void loadAndCheck(Connection c, int factor) throws SQLException {
    // CPU seconds tell what the load costs when the machine is shared and wall time is noisy.
    long backend = count(c, "SELECT pg_backend_pid()");
    double serverCpuBefore = cpuSeconds(backend);
    double jvmCpuBefore = jvmCpuSeconds();
    long started = System.nanoTime();
    DemoLoadSummary summary =
        new DemoDataLoader(Clock.systemUTC())
            .load(
                c,
                DemoScale.of(factor),
                1,
                BASE,
                (phase, done, total) ->
                    System.out.printf(
                        "%7.1f s  %-9s %d/%d%n",
                        (System.nanoTime() - started) / 1e9, phase, done, total));
    System.out.printf(
        "demo data x%d: %d disputes, %d rows in %.1f s (%s mode)%n%s%n",
        factor,
        summary.disputes(),
        summary.totalRows(),
        summary.elapsed().toMillis() / 1000.0,
        summary.bulk() ? "bulk" : "audited",
        summary.rowsPerTable());
    System.out.printf(
        "CPU: server backend %.1f s, this JVM %.1f s (load average %s)%n",
        cpuSeconds(backend) - serverCpuBefore,
        jvmCpuSeconds() - jvmCpuBefore,
        readOrEmpty(Path.of("/proc/loadavg")).trim());
    assertThat(summary.disputes()).isEqualTo(300L * factor);
    assertThat(count(c, "SELECT count(*) FROM disputes")).isEqualTo(summary.disputes());
    assertThat(
            count(
                c,
                "SELECT count(*) FROM escrows WHERE released_minor + refunded_minor"
                    + " > funded_minor"))
        .isZero();
    assertThat(
            count(
                c,
                "SELECT count(*) FROM wallets w WHERE balance_minor <> coalesce((SELECT"
                    + " sum(CASE direction WHEN 'credit' THEN amount_minor ELSE -amount_minor END)"
                    + " FROM ledger_entries e WHERE e.wallet_id = w.id), 0)"))
        .isZero();
  }

  /** User plus system CPU of a local process, from /proc (0 where there is none). */
  private static double cpuSeconds(long pid) {
    String stat = readOrEmpty(Path.of("/proc/" + pid + "/stat"));
    if (stat.isEmpty()) {
      return 0;
    }
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // Fields 14 and 15 of stat (utime, stime), counted from after the command name, in ticks.
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
  }

  private static double jvmCpuSeconds() {
    return ProcessHandle.current()
        .info()
        .totalCpuDuration()
        .map(d -> d.toMillis() / 1000.0)
        .orElse(0.0);
  }

  private static String readOrEmpty(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
