package dev.arbiter.persistence.testing;

import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.db.EmbeddedServer;
import dev.arbiter.persistence.db.HibernateFactory;
import dev.arbiter.persistence.db.StaffLogins;
import dev.arbiter.persistence.db.WorkerLogin;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A migrated database of its own on one PostgreSQL server shared by the whole test JVM, so test
 * classes never see each other's rows. The migrations run once per JVM, into a template database;
 * {@link #fresh()} clones it ({@link TemplateDatabase}), which costs a fraction of migrating again.
 * Tests of the migrations themselves use {@link #migratedFromScratch()}. The server is the embedded
 * one, or in the shared-server run ({@code -Darbiter.test.server=shared}) a server a DBA set up
 * ({@link TestServer}).
 */
public final class TestDatabase {

  /** A login of the automation group (password {@code demo}), as a shared server's worker. */
  public static final String WORKER = "demo_worker";

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final List<TestDatabase> CREATED = new ArrayList<>();
  private static volatile EmbeddedServer server;
  private static TestServer testServer;
  private static TemplateDatabase template;

  private final String name;
  private final Map<String, SessionFactory> sessionFactories = new ConcurrentHashMap<>();

  private TestDatabase(String name) {
    this.name = name;
  }

  /** The embedded server of this JVM, for the tests that need it whichever server the run uses. */
  public static synchronized EmbeddedServer server() {
    if (server == null) {
      server = EmbeddedServer.startTemporary();
      Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    }
    return server;
  }

  /**
   * A new database as the migrations and the demo staff logins (password {@code demo}) leave it: a
   * copy of the JVM's template database.
   */
  public static TestDatabase fresh() {
    TestDatabase db = created(new TestDatabase(nextName()));
    try {
      template().cloneTo(db.name);
      // The logins are the server's, not the database's: a class before this one may have revoked
      // a group. Granting them again as the migrator gives every class the logins a migrated
      // database starts with, as migrating each class's database did.
      try (Connection c = db.migrator()) {
        grantLogins(c);
      }
      return db;
    } catch (SQLException e) {
      throw new IllegalStateException("could not create test database " + db.name, e);
    }
  }

  /**
   * A new database that every migration is run on, from empty, with the demo staff logins: for the
   * tests of the migrations themselves. Other tests take {@link #fresh()}, which is the same
   * database for less.
   */
  public static TestDatabase migratedFromScratch() {
    TestDatabase db = created(new TestDatabase(nextName()));
    try {
      migrate(db.name);
      return db;
    } catch (SQLException e) {
      throw new IllegalStateException("could not migrate test database " + db.name, e);
    }
  }

  private static synchronized TestDatabase created(TestDatabase db) {
    CREATED.add(db);
    return db;
  }

  /** How many databases this JVM has made so far; see {@link #dropMadeSince}. */
  static synchronized int made() {
    return CREATED.size();
  }

  /**
   * Drops the databases made since {@link #made()} answered {@code mark}, with their session
   * factories, ending any connection a test left open. {@link DropTestDatabases} calls it when a
   * test class is done, so the server holds one class's databases rather than a whole build's
   * (which took longer to delete at exit than the test JVM is given).
   */
  static void dropMadeSince(int mark) {
    List<TestDatabase> done;
    synchronized (TestDatabase.class) {
      List<TestDatabase> since = CREATED.subList(Math.min(mark, CREATED.size()), CREATED.size());
      done = new ArrayList<>(since);
      since.clear();
    }
    for (TestDatabase db : done) {
      db.drop();
    }
  }

  private void drop() {
    sessionFactories.values().forEach(SessionFactory::close);
    try (Connection c = testServer().databaseAdmin();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      // Left for the server's deletion at exit; the next class is not affected.
      System.err.println("could not drop test database " + name + ": " + e.getMessage());
    }
  }

  private static String nextName() {
    return "t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
  }

  private static synchronized TestServer testServer() {
    if (testServer == null) {
      testServer = TestServer.current();
    }
    return testServer;
  }

  private static synchronized TemplateDatabase template() throws SQLException {
    if (template == null) {
      template = TemplateDatabase.prepare(testServer());
    }
    return template;
  }

  private static void migrate(String database) throws SQLException {
    testServer().migrate(database);
  }

  // The server-wide half of migrate's logins: the roles exist already, their groups are granted.
  private static void grantLogins(Connection migrator) throws SQLException {
    for (StaffLogins.DemoLogin login : StaffLogins.DEMO_LOGINS) {
      StaffLogins.ensureLogin(migrator, login.login(), StaffLogins.DEMO_PASSWORD, login.groups());
    }
    ensureServiceLogins(migrator);
  }

  /** The backend's and the worker's demo logins, as a DBA makes them (README). */
  static void ensureServiceLogins(Connection migrator) throws SQLException {
    StaffLogins.ensureLogin(
        migrator,
        StaffLogins.DEMO_BACKEND,
        StaffLogins.DEMO_PASSWORD,
        List.of("marketplace_backend"));
    StaffLogins.ensureLogin(
        migrator, WORKER, StaffLogins.DEMO_PASSWORD, List.of(WorkerLogin.GROUP));
  }

  private static Connection migrator(String database) throws SQLException {
    return testServer().migrator(database);
  }

  public String name() {
    return name;
  }

  public String jdbcUrl() {
    return testServer().jdbcUrl(name);
  }

  /** The superuser, with its password: the server trusts nobody, like the real one. */
  public DataSource superuserDataSource() {
    return testServer().superuserDataSource(name);
  }

  public DataSource dataSource(String user, String password) {
    return dataSource(jdbcUrl(), user, password);
  }

  static PGSimpleDataSource dataSource(String url, String user, String password) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(url);
    ds.setUser(user);
    ds.setPassword(password);
    return ds;
  }

  public Connection superuser() throws SQLException {
    return testServer().superuser(name);
  }

  /** A connection acting as the schema owner, as the demo loader and migrations do. */
  public Connection migrator() throws SQLException {
    return migrator(name);
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

  /**
   * The server's major version (15, 16, 17): the shared-server run uses Debian's, whose behaviour
   * differs from the embedded 17's in a few places a test checks.
   */
  public int serverMajorVersion() throws SQLException {
    try (Connection c = superuser();
        Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT current_setting('server_version_num')::int / 10000")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** A connection logged in as a demo login with its password. */
  public Connection as(String login) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), login, StaffLogins.DEMO_PASSWORD);
  }
}
