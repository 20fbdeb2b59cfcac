package dev.arbiter.persistence.session;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.db.HibernateFactory;
import dev.arbiter.persistence.live.ChangeFeed;
import dev.arbiter.persistence.live.ChangeFeedListener;
import dev.arbiter.persistence.live.TableChange;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.postgresql.Driver;

/**
 * A small connection pool logged in as one staff member's own PostgreSQL role, so every statement
 * the console runs is checked (and audited) under that person's name.
 *
 * <p>Opening fails fast: the credentials are tried on one plain connection first, so a wrong
 * password or an unreachable server is reported by {@link #open} with the driver's SQLSTATE (and
 * without the pool logging a failed start as an error, which a mistyped password is not).
 */
public final class StaffDatabase implements AutoCloseable {

  /**
   * Reported to PostgreSQL, so the audit log's client_info and pg_stat_activity name the console.
   */
  public static final String APPLICATION_NAME = "arbiter-console";

  private static final int POOL_SIZE = 4;
  // Through PgBouncer 1.18 in transaction mode a server-side prepared statement may meet another
  // server connection than the one it was prepared on: 0 keeps the driver to unnamed statements.
  private static final String PREPARE_THRESHOLD = "prepareThreshold";
  private static final long CONNECTION_TIMEOUT_MS = 5_000;
  private static final long VALIDATION_TIMEOUT_MS = 2_000;
  private static final int CONNECT_TIMEOUT_SECONDS = 5;
  private static final int PING_TIMEOUT_SECONDS = 2;
  private static final Duration FEED_RETRY_DELAY = Duration.ofSeconds(1);
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final ConsoleTarget target;
  private final String login;
  private final HikariDataSource pool;
  private SessionFactory sessionFactory;

  private StaffDatabase(ConsoleTarget target, String login, HikariDataSource pool) {
    this.target = target;
    this.login = login;
    this.pool = pool;
  }

  /**
   * Opens a pool to {@code target} as {@code login}.
   *
   * @throws SQLException the driver's refusal (wrong password, unreachable server, missing
   *     database, ...) with its SQLSTATE
   */
  public static StaffDatabase open(ConsoleTarget target, String login, String password)
      throws SQLException {
    probe(target, login, password);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(target.poolUrl());
    config.setUsername(login);
    config.setPassword(password);
    config.setPoolName("arbiter-console-" + login + "-" + POOLS.incrementAndGet());
    config.setMaximumPoolSize(POOL_SIZE);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
    config.setValidationTimeout(VALIDATION_TIMEOUT_MS);
    config.setConnectionTestQuery("SELECT 1");
    config.setInitializationFailTimeout(1);
    config.addDataSourceProperty("ApplicationName", APPLICATION_NAME);
    config.addDataSourceProperty("connectTimeout", CONNECT_TIMEOUT_SECONDS);
    config.addDataSourceProperty("loginTimeout", CONNECT_TIMEOUT_SECONDS);
    if (target.pooled()) {
      config.addDataSourceProperty(PREPARE_THRESHOLD, 0);
    }
    try {
      return new StaffDatabase(target, login, new HikariDataSource(config));
    } catch (HikariPool.PoolInitializationException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      throw new SQLException("could not connect to " + target.displayUrl(), "08001", e);
    }
  }

  // Through the pooler when there is one: a pooler that refuses the login fails the sign-in too.
  private static void probe(ConsoleTarget target, String login, String password)
      throws SQLException {
    Properties properties = properties(target, login, password);
    if (target.pooled()) {
      properties.setProperty(PREPARE_THRESHOLD, "0");
    }
    connect(target.poolUrl(), properties).close();
  }

  private static Properties properties(ConsoleTarget target, String login, String password) {
    Properties properties = new Properties();
    properties.setProperty("user", login);
    properties.setProperty("password", password);
    properties.setProperty("ApplicationName", APPLICATION_NAME);
    properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
    properties.setProperty("loginTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
    properties.setProperty("tcpKeepAlive", "true");
    return properties;
  }

  private static Connection connect(String url, Properties properties) throws SQLException {
    Connection c = new Driver().connect(url, properties);
    if (c == null) {
      throw new SQLException("not a PostgreSQL URL: " + ConsoleTarget.redact(url), "08001");
    }
    return c;
  }

  /**
   * A plain connection outside the pool, as the same login, straight to the server even when the
   * pool goes through a pooler: the change feed keeps one open for LISTEN, which must never occupy
   * (or be recycled by) the pool, and which a pooler in transaction mode would not keep.
   */
  public Connection openDedicatedConnection() throws SQLException {
    return connect(target.jdbcUrl(), properties(target, login, pool.getPassword()));
  }

  /**
   * A change feed for this login; call {@link ChangeFeed#start()} to begin listening.
   *
   * <p>When the feed is back after an outage, the pool's idle connections are retired before anyone
   * is told: they were opened to a server process that no longer exists, and a view re-reading on
   * the resync must get a fresh connection, not an error about a dead one.
   */
  public ChangeFeed changeFeed(ChangeFeedListener listener) {
    return new ChangeFeed(
        this::openDedicatedConnection,
        new ChangeFeedListener() {
          @Override
          public void changes(List<TableChange> changes) {
            listener.changes(changes);
          }

          @Override
          public void online(boolean resync) {
            if (resync) {
              retireIdleConnections();
            }
            listener.online(resync);
          }

          @Override
          public void offline(String reason) {
            listener.offline(reason);
          }
        },
        FEED_RETRY_DELAY);
  }

  /**
   * Closes idle pooled connections now and the busy ones when they are returned, so the next
   * borrower gets a connection opened after the outage.
   */
  public void retireIdleConnections() {
    if (!pool.isClosed() && pool.getHikariPoolMXBean() != null) {
      pool.getHikariPoolMXBean().softEvictConnections();
    }
  }

  public ConsoleTarget target() {
    return target;
  }

  /** The PostgreSQL login this pool is signed in as. */
  public String login() {
    return login;
  }

  /** The pool, for the persistence services that run their statements on it. */
  public DataSource dataSource() {
    return pool;
  }

  /**
   * Hibernate over this pool, built on first use (it takes a second or two, so callers are already
   * off the FX thread) and shared by every service of the session.
   */
  /** The one data access every service of this login uses (Hibernate is started on first use). */
  public DataAccess access() {
    return new DataAccess(this::sessionFactory, pool);
  }

  public synchronized SessionFactory sessionFactory() {
    if (pool.isClosed()) {
      // Signed out: starting Hibernate on a closed pool would only fail slowly.
      throw new IllegalStateException("the session of " + login + " is closed");
    }
    if (sessionFactory == null) {
      sessionFactory = HibernateFactory.build(pool);
    }
    return sessionFactory;
  }

  /**
   * A lightweight round trip to the server. Returns false instead of throwing, because an
   * unreachable server is a state the status bar shows, not an error.
   */
  public boolean ping() {
    if (pool.isClosed()) {
      return false;
    }
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.setQueryTimeout(PING_TIMEOUT_SECONDS);
      s.execute("SELECT 1");
      return true;
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  public boolean isClosed() {
    return pool.isClosed();
  }

  @Override
  public void close() {
    synchronized (this) {
      if (sessionFactory != null) {
        sessionFactory.close();
      }
    }
    pool.close();
  }
}
