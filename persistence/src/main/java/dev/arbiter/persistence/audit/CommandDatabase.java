package dev.arbiter.persistence.audit;

import dev.arbiter.persistence.access.Jdbc;
import dev.arbiter.persistence.db.DatabaseSettings;
import dev.arbiter.persistence.db.DatabaseUnavailableException;
import dev.arbiter.persistence.db.EmbeddedDatabasePreparer;
import dev.arbiter.persistence.db.EmbeddedRuntime;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database as the audit command-line tools reach it. Embedded: the running server, or one
 * started for the command (migrated first), read as the superuser (password from {@code pgpass}).
 * Shared server: logged in with {@code ARBITER_DB_USER}/{@code ARBITER_DB_PASSWORD}, which may be
 * any staff login: every member of staff may verify the chain, checking the entries its role may
 * not read by their links only (see {@link AuditChainVerifier}).
 */
public final class CommandDatabase implements AutoCloseable {

  /** Reported to PostgreSQL, so pg_stat_activity and audit entries name the tool. */
  public static final String APPLICATION_NAME = "arbiter-cli";

  // The database limits statements to two minutes (V85) for interactive work; exporting or
  // verifying a large log reads for longer in one statement. Only reads run here.
  private static final String NO_STATEMENT_LIMIT = "-c statement_timeout=0";

  private final DataSource dataSource;
  private final String description;
  private final EmbeddedRuntime runtime;

  private CommandDatabase(DataSource dataSource, String description, EmbeddedRuntime runtime) {
    this.dataSource = dataSource;
    this.description = description;
    this.runtime = runtime;
  }

  /**
   * Connects as {@code settings} say; {@code owner} is recorded when an embedded server has to be
   * started for the command.
   *
   * @throws DatabaseUnavailableException when the server cannot be reached or logged in to
   */
  public static CommandDatabase open(DatabaseSettings settings, String owner) {
    if (settings.embedded()) {
      EmbeddedRuntime runtime = EmbeddedRuntime.attachOrStart(settings.home(), owner);
      try {
        EmbeddedDatabasePreparer.prepare(runtime);
        PGSimpleDataSource ds = runtime.dataSource(DatabaseSettings.DATABASE_NAME);
        ds.setApplicationName(APPLICATION_NAME);
        ds.setOptions(NO_STATEMENT_LIMIT);
        return probed(new CommandDatabase(ds, runtime.jdbcUrl(), runtime));
      } catch (RuntimeException e) {
        runtime.close();
        throw e;
      }
    }
    String url = settings.sharedUrl().orElseThrow();
    String user =
        settings
            .user()
            .orElseThrow(
                () ->
                    new DatabaseUnavailableException(
                        "set ARBITER_DB_USER (a staff login) and ARBITER_DB_PASSWORD to read the"
                            + " audit log on "
                            + url,
                        null));
    return probed(
        new CommandDatabase(
            dataSource(url, user, settings.password().orElse(null)), user + " on " + url, null));
  }

  /** Wraps a data source the caller keeps open (tests, benchmarks). */
  public static CommandDatabase of(DataSource dataSource, String description) {
    return new CommandDatabase(dataSource, description, null);
  }

  private static PGSimpleDataSource dataSource(String url, String user, String password) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(url);
    ds.setUser(user);
    if (password != null) {
      ds.setPassword(password);
    }
    ds.setApplicationName(APPLICATION_NAME);
    ds.setOptions(NO_STATEMENT_LIMIT);
    ds.setConnectTimeout(10);
    return ds;
  }

  private static CommandDatabase probed(CommandDatabase db) {
    try (Connection c = db.dataSource.getConnection()) {
      c.isValid(5);
      return db;
    } catch (SQLException e) {
      db.close();
      throw new DatabaseUnavailableException(
          "could not connect to " + db.description + ": " + e.getMessage(), e);
    }
  }

  /** The database and login, for messages. */
  public String description() {
    return description;
  }

  /** Connections for the persistence services the commands run. */
  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * Whether this login may see hidden keys in exported values: admins (and the embedded superuser,
   * who holds every role) may.
   */
  public boolean revealsHidden() {
    try (Connection c = dataSource.getConnection()) {
      return Jdbc.list(
              c,
              "SELECT pg_has_role(current_user, 'arbiter_admin', 'MEMBER') AS admin",
              row -> row.getBoolean("admin"))
          .get(0);
    } catch (SQLException e) {
      throw new ChainReadException("could not read the login's roles", e);
    }
  }

  /** Verifies the chain as {@code options} ask. */
  public ChainVerification verify(VerifyOptions options) {
    return new AuditChainVerifier().verify(dataSource, options);
  }

  /** The entries waiting to be sealed into the chain; verification reports them apart. */
  public UnsealedEntries unsealed() {
    return new ChainCheckService(dataSource).unsealed();
  }

  /**
   * The newest entry, as audit_chain_head names it, after checking that the head and the log agree
   * on it (the cheap part of verification). Run {@code audit verify} to prove the chain up to it.
   *
   * @throws IllegalStateException when head and log disagree
   */
  public ChainHead head() {
    try {
      return StreamSnapshot.on(
          dataSource,
          c -> {
            ChainAnchor head = new AuditChainVerifier().readHead(c);
            if (head == null) {
              throw new IllegalStateException("audit_chain_head has no valid row");
            }
            return checked(c, head);
          });
    } catch (SQLException e) {
      throw new ChainReadException("could not read the audit chain head", e);
    }
  }

  /** The newest entry by id, and its hash by its link. */
  private record Newest(long lastId, byte[] hash) {}

  // The newest entry by its link, which every login that verifies may read (the worker, or support
  // when the newest entry is the ledger's, may not read the entry itself).
  private static ChainHead checked(Connection c, ChainAnchor head) throws SQLException {
    Newest newest =
        Jdbc.list(
                c,
                "SELECT audit_chain_last_id() AS last_id,"
                    + " (SELECT l.hash FROM audit_chain_links(? - 1, ?) l) AS hash",
                row -> new Newest(row.getLong("last_id"), row.bytes("hash")),
                head.entryId(),
                head.entryId())
            .get(0);
    if (newest.lastId() != head.entryId()) {
      throw new IllegalStateException(
          "audit_chain_head names entry "
              + head.entryId()
              + " but the log ends at entry "
              + newest.lastId()
              + "; run 'arbiter audit verify'");
    }
    if (head.entryId() == 0) {
      return new ChainHead(head, null);
    }
    if (!head.hashEquals(newest.hash())) {
      throw new IllegalStateException(
          "audit_chain_head holds another hash than entry "
              + head.entryId()
              + "; run 'arbiter audit verify'");
    }
    return new ChainHead(head, occurredAt(c, head.entryId()));
  }

  /** When entry {@code id} was written, or null when this login may not read it. */
  private static Instant occurredAt(Connection c, long id) throws SQLException {
    boolean mayRead =
        Jdbc.list(
                c,
                "SELECT has_table_privilege('public.audit_log', 'SELECT') AS may_read",
                row -> row.getBoolean("may_read"))
            .get(0);
    if (!mayRead) {
      return null;
    }
    List<Instant> at =
        Jdbc.list(
            c,
            "SELECT occurred_at FROM audit_log WHERE id = ?",
            row -> row.instant("occurred_at"),
            id);
    return at.isEmpty() ? null : at.get(0);
  }

  /** Stops the embedded server if this command started it. */
  @Override
  public void close() {
    if (runtime != null) {
      runtime.close();
    }
  }
}
