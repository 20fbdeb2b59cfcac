package dev.arbiter.persistence.testing;

import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.db.EmbeddedServer;
import dev.arbiter.persistence.db.HibernateFactory;
import dev.arbiter.persistence.db.SchemaMigrator;
import dev.arbiter.persistence.db.ServerBootstrap;
import dev.arbiter.persistence.db.WorkerLogin;
import dev.arbiter.persistence.staff.StaffLogins;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A freshly migrated database on one embedded PostgreSQL shared by the whole test JVM. Each call to
 * {@link #fresh()} creates a new database, so test classes never see each other's rows.
 */
public final class TestDatabase {

  /** A login of the automation group (password {@code demo}), as a shared server's worker. */
  public static final String WORKER = "demo_worker";

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static volatile EmbeddedServer server;

  private final String name;
  private final Map<String, SessionFactory> sessionFactories = new ConcurrentHashMap<>();

  private TestDatabase(String name) {
    this.name = name;
  }

  public static synchronized EmbeddedServer server() {
    if (server == null) {
      server = EmbeddedServer.startTemporary();
      Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    }
    return server;
  }

  /** A new database, migrated, with the demo staff logins (password {@code demo}). */
  public static TestDatabase fresh() {
    String name = "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    try {
      ServerBootstrap.ensureDatabase(server(), name);
      TestDatabase db = new TestDatabase(name);
      SchemaMigrator.migrate(db.superuserDataSource(), true);
      try (Connection c = db.migrator()) {
        StaffLogins.ensureDemoLogins(c);
        StaffLogins.ensureLogin(c, WORKER, StaffLogins.DEMO_PASSWORD, List.of(WorkerLogin.GROUP));
      }
      return db;
    } catch (SQLException e) {
      throw new IllegalStateException("could not create test database " + name, e);
    }
  }

  public String name() {
    return name;
  }

  public String jdbcUrl() {
    return server().jdbcUrl(name);
  }

  /** The superuser, with the throw-away server's password: it trusts nobody, like the real one. */
  public DataSource superuserDataSource() {
    return server().dataSource(name);
  }

  public DataSource dataSource(String user, String password) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(jdbcUrl());
    ds.setUser(user);
    ds.setPassword(password);
    return ds;
  }

  public Connection superuser() throws SQLException {
    return server().superuserConnection(name);
  }

  /** A connection acting as the schema owner, as the demo loader and migrations do. */
  public Connection migrator() throws SQLException {
    Connection c = superuser();
    try (Statement s = c.createStatement()) {
      s.execute("SET ROLE " + ServerBootstrap.MIGRATOR);
    }
    return c;
  }

  /**
   * The data access a service gets in the console, as demo login {@code login}: Hibernate over that
   * login, with statistics on so that a test can count the statements a screen costs. One session
   * factory per login and database, closed with the JVM.
   */
  public DataAccess access(String login) {
    return new DataAccess(
        () -> sessionFactory(login), dataSource(login, StaffLogins.DEMO_PASSWORD));
  }

  /** The session factory behind {@link #access}, for its statistics. */
  public SessionFactory sessionFactory(String login) {
    return sessionFactories.computeIfAbsent(
        login,
        l ->
            HibernateFactory.build(
                dataSource(l, StaffLogins.DEMO_PASSWORD),
                Map.of(AvailableSettings.GENERATE_STATISTICS, true)));
  }

  /** A connection logged in as a demo login with its password. */
  public Connection as(String login) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), login, StaffLogins.DEMO_PASSWORD);
  }
}
