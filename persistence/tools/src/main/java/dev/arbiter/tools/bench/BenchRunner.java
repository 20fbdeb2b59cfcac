package dev.arbiter.tools.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.arbiter.persistence.db.EmbeddedServer;
import dev.arbiter.persistence.db.SchemaMigrator;
import dev.arbiter.persistence.db.ServerBootstrap;
import dev.arbiter.persistence.db.StaffLogins;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs the benchmarks on a throw-away embedded server, so a measurement never touches the user's
 * data and every run starts from the same empty, migrated database. Each benchmark fills the rows
 * it needs itself.
 */
public final class BenchRunner {

  private static final String DATABASE = "arbiter_bench";

  private BenchRunner() {}

  public static List<BenchReport> run(
      List<Benchmark> benchmarks, int scale, Optional<String> only, Consumer<String> progress)
      throws Exception {
    List<Benchmark> selected =
        benchmarks.stream().filter(b -> only.map(b.name()::equals).orElse(true)).toList();
    if (selected.isEmpty()) {
      return List.of();
    }
    progress.accept("starting a temporary PostgreSQL for the benchmarks");
    try (EmbeddedServer server = EmbeddedServer.startTemporary();
        Pools pools = new Pools(server)) {
      ServerBootstrap.ensureDatabase(server, DATABASE);
      SchemaMigrator.migrate(pools.superuser(), true);
      try (Connection c = pools.owner().getConnection()) {
        StaffLogins.ensureDemoLogins(c);
      }
      BenchContext context = new BenchContext(pools.owner(), pools::login, scale, progress);
      List<BenchReport> reports = new ArrayList<>();
      for (Benchmark benchmark : selected) {
        progress.accept("running " + benchmark.name() + ": " + benchmark.description());
        try {
          reports.add(
              new BenchReport(
                  benchmark.name(), benchmark.description(), benchmark.run(context), null));
        } catch (Exception e) {
          reports.add(
              new BenchReport(benchmark.name(), benchmark.description(), List.of(), e.toString()));
        }
      }
      return reports;
    }
  }

  /** Connection pools on the bench database, closed with the run. */
  private static final class Pools implements AutoCloseable {

    private final EmbeddedServer server;
    private final Map<String, HikariDataSource> byLogin = new HashMap<>();

    Pools(EmbeddedServer server) {
      this.server = server;
    }

    HikariDataSource superuser() {
      return pool(EmbeddedServer.SUPERUSER, server.superuserPassword(), null);
    }

    /** The schema owner's rights: the superuser switched to the migrator, as loaders run. */
    HikariDataSource owner() {
      return pool("owner", server.superuserPassword(), "SET ROLE " + ServerBootstrap.MIGRATOR);
    }

    HikariDataSource login(String login) {
      return pool(login, StaffLogins.DEMO_PASSWORD, null);
    }

    private synchronized HikariDataSource pool(String key, String password, String initSql) {
      return byLogin.computeIfAbsent(
          key,
          k -> {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(server.jdbcUrl(DATABASE));
            boolean superuser = k.equals("owner") || k.equals(EmbeddedServer.SUPERUSER);
            config.setUsername(superuser ? EmbeddedServer.SUPERUSER : k);
            config.setPassword(password);
            config.setMaximumPoolSize(20);
            config.setPoolName("bench-" + k);
            if (initSql != null) {
              config.setConnectionInitSql(initSql);
            }
            return new HikariDataSource(config);
          });
    }

    @Override
    public synchronized void close() {
      byLogin.values().forEach(HikariDataSource::close);
    }
  }
}
