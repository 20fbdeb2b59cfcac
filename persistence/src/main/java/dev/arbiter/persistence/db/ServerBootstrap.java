package dev.arbiter.persistence.db;

import dev.arbiter.persistence.access.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What a DBA does once per server, done for the embedded one: the migrator role that will own the
 * schema, and the database it owns.
 */
public final class ServerBootstrap {

  public static final String MIGRATOR = "arbiter_migrator";

  /** What a DBA runs in Arbiter's database so that no runtime login can create a large object. */
  public static final String NO_LARGE_OBJECTS =
      "REVOKE EXECUTE ON FUNCTION lo_create(oid), lo_creat(integer), lo_from_bytea(oid, bytea),"
          + " lo_import(text), lo_import(text, oid) FROM PUBLIC";

  private ServerBootstrap() {}

  /** Creates the migrator role and {@code database} if missing, connected as the superuser. */
  public static void ensureDatabase(SuperuserConnections server, String database)
      throws SQLException {
    try (Connection c = server.open("postgres");
        Statement s = c.createStatement()) {
      if (!exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", MIGRATOR)) {
        // No password: in the embedded server only the superuser connects and migrates via SET
        // ROLE.
        s.execute("CREATE ROLE " + MIGRATOR + " NOLOGIN CREATEROLE");
      }
      // Lets deactivate_staff and the worker's session guard see and end runtime sessions (never a
      // superuser's): the owner of the definer functions needs both.
      s.execute("GRANT pg_signal_backend, pg_read_all_stats TO " + MIGRATOR);
      if (!exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
        s.execute("CREATE DATABASE " + quoteIdent(database) + " OWNER " + MIGRATOR);
      }
    }
    try (Connection c = server.open(database);
        Statement s = c.createStatement()) {
      s.execute("ALTER SCHEMA public OWNER TO " + MIGRATOR);
      // Large objects need neither CREATE nor TEMPORARY, and outlive the session: only a superuser
      // revokes the catalog's functions that create them, once per database.
      s.execute(NO_LARGE_OBJECTS);
    }
  }

  private static boolean exists(Connection c, String sql, String name) throws SQLException {
    return !Jdbc.list(c, sql, row -> true, name).isEmpty();
  }

  static String quoteIdent(String name) {
    if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("not a plain identifier: " + name);
    }
    return name;
  }
}
