package dev.arbiter.persistence.access;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.function.Supplier;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * The one way a service reaches the database: a read-only snapshot for a view that reads several
 * things which must agree, a plain read for a single query, and a write that names itself in the
 * audit log. Each runs on a Hibernate session in its own transaction, so entities and row
 * projections share one connection, one transaction and one statement count.
 *
 * <p>Anything the database refuses or loses surfaces as the driver's {@link SQLException}
 * (unwrapped from Hibernate's), so that callers judge a refusal by its SQLSTATE in one way
 * everywhere.
 */
public final class DataAccess {

  /** Work inside the transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T apply(Session session) throws SQLException;
  }

  /**
   * What a write says about itself in the audit log: the command, and the request key it may be
   * settled by after a lost answer (null for none).
   */
  public record Audited(String command, String requestKey) {
    public Audited {
      Objects.requireNonNull(command, "command");
    }

    public static Audited as(String command) {
      return new Audited(command, null);
    }
  }

  private final Supplier<SessionFactory> sessions;

  /**
   * @param sessions the factory, asked on first use (a {@code StaffDatabase} builds it lazily, so a
   *     service can be created before Hibernate has started)
   */
  public DataAccess(Supplier<SessionFactory> sessions) {
    this.sessions = sessions;
  }

  public SessionFactory sessionFactory() {
    return sessions.get();
  }

  /**
   * Runs {@code work} in one read-only REPEATABLE READ transaction: everything it reads is of the
   * same moment. For a record view that reads a header, its children and its timeline.
   */
  public <T> T snapshot(Work<T> work) throws SQLException {
    return inTransaction(
        session -> {
          begin(session, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
          session.setDefaultReadOnly(true);
          session.setHibernateFlushMode(FlushMode.MANUAL);
          return work.apply(session);
        });
  }

  /** Runs {@code work} in a read-only transaction at the default isolation, for a single read. */
  public <T> T read(Work<T> work) throws SQLException {
    return inTransaction(
        session -> {
          // The driver sends BEGIN READ ONLY with the first query: no round trip of its own. The
          // pool (or closing the connection) resets the flag afterwards.
          session.doWork(c -> c.setReadOnly(true));
          session.setDefaultReadOnly(true);
          session.setHibernateFlushMode(FlushMode.MANUAL);
          return work.apply(session);
        });
  }

  /**
   * Runs {@code work} in a read-write transaction that the audit log records as {@code audited}
   * ({@code arbiter.command}, and {@code arbiter.request_id} when a key is given); entities changed
   * in the session are flushed before the commit.
   */
  public <T> T write(Audited audited, Work<T> work) throws SQLException {
    return inTransaction(
        session -> {
          Sql.one(
              session,
              "SELECT set_config('arbiter.command', ?, true) AS command,"
                  + " set_config('arbiter.request_id', coalesce(?, ''), true) AS request",
              row -> row.text("command"),
              audited.command(),
              audited.requestKey());
          return work.apply(session);
        });
  }

  private static void begin(Session session, String sql) {
    session.doWork(
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute(sql);
          }
        });
  }

  private <T> T inTransaction(Work<T> work) throws SQLException {
    SessionFactory factory = openFactory();
    try {
      return factory.fromTransaction(
          session -> {
            try {
              return work.apply(session);
            } catch (SQLException e) {
              throw new Carrier(e);
            }
          });
    } catch (Carrier c) {
      throw c.cause;
    } catch (PersistenceException e) {
      // Hibernate wraps the driver's failure (a JDBCException, a failed commit's
      // TransactionException, a lock or serialization failure converted to JPA's exception);
      // callers judge it by its SQLSTATE, and a lost commit must read as one so that its outcome
      // is settled by its request key: they get the driver's exception itself.
      for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
        if (t instanceof SQLException cause) {
          throw cause;
        }
      }
      throw e;
    }
  }

  /** The factory; once its session signed out and closed it, a use fails as a closed connection. */
  private SessionFactory openFactory() throws SQLException {
    try {
      SessionFactory factory = sessions.get();
      if (!factory.isClosed()) {
        return factory;
      }
    } catch (IllegalStateException closed) {
      // closed while it was being asked for
    }
    throw new SQLException("the database session is closed", "08003");
  }

  /** Carries a checked failure through Hibernate's functional transaction API. */
  private static final class Carrier extends RuntimeException {
    private final SQLException cause;

    Carrier(SQLException cause) {
      super(cause);
      this.cause = cause;
    }
  }
}
