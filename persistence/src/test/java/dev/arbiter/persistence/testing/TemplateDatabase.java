package dev.arbiter.persistence.testing;

import dev.arbiter.persistence.db.ServerBootstrap;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One migrated database per test JVM that every test class's database is copied from with {@code
 * CREATE DATABASE … TEMPLATE}: the copy holds the template's schema, rows, grants and row policies,
 * byte for byte. What lives outside the database is the server's: roles exist once for the whole
 * server, and the database's own grants ({@code REVOKE TEMPORARY ON DATABASE}) and settings ({@code
 * ALTER DATABASE … SET statement_timeout}), which PostgreSQL does not copy, are copied here.
 */
final class TemplateDatabase {

  private final TestServer server;
  private final String name;

  private TemplateDatabase(TestServer server) {
    this.server = server;
    this.name = server.templateName();
  }

  /** Migrates the template on {@code server} and closes it to connections, so it can be copied. */
  static TemplateDatabase prepare(TestServer server) throws SQLException {
    TemplateDatabase template = new TemplateDatabase(server);
    server.migrate(template.name);
    try (Connection c = server.databaseAdmin();
        Statement s = c.createStatement()) {
      // A copy fails while anyone, autovacuum included, is connected to the template.
      s.execute("ALTER DATABASE " + template.name + " WITH ALLOW_CONNECTIONS false");
    }
    return template;
  }

  /**
   * Creates {@code database} as a copy of the template, owned by the migrator like the template.
   */
  void cloneTo(String database) throws SQLException {
    try (Connection c = server.databaseAdmin();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE DATABASE "
              + database
              + " TEMPLATE "
              + name
              + " OWNER "
              + ServerBootstrap.MIGRATOR);
      for (String statement : databaseGrants(c, database)) {
        s.execute(statement);
      }
      for (String statement : databaseSettings(c, database)) {
        s.execute(statement);
      }
    }
  }

  // A new database starts with the default privileges; the template's are put in their place.
  private List<String> databaseGrants(Connection c, String database) throws SQLException {
    List<String> statements = new ArrayList<>();
    statements.add("REVOKE ALL ON DATABASE " + database + " FROM PUBLIC");
    String sql =
        """
        SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC'
                    ELSE quote_ident(pg_get_userbyid(a.grantee)) END AS grantee,
               a.privilege_type AS privilege, a.is_grantable AS grantable
          FROM pg_database d, aclexplode(coalesce(d.datacl, acldefault('d', d.datdba))) a
         WHERE d.datname = ?
         ORDER BY 1, 2
        """;
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          statements.add(
              "GRANT "
                  + rs.getString("privilege")
                  + " ON DATABASE "
                  + database
                  + " TO "
                  + rs.getString("grantee")
                  + (rs.getBoolean("grantable") ? " WITH GRANT OPTION" : ""));
        }
      }
    }
    return statements;
  }

  private List<String> databaseSettings(Connection c, String database) throws SQLException {
    String sql =
        """
        SELECT CASE WHEN r.setrole = 0 THEN NULL
                    ELSE quote_ident(pg_get_userbyid(r.setrole)) END AS role,
               split_part(s.setting, '=', 1) AS name,
               quote_literal(substr(s.setting, strpos(s.setting, '=') + 1)) AS value
          FROM pg_db_role_setting r
          JOIN pg_database d ON d.oid = r.setdatabase,
               unnest(r.setconfig) AS s(setting)
         WHERE d.datname = ?
        """;
    List<String> statements = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String role = rs.getString("role");
          String set = " SET " + rs.getString("name") + " = " + rs.getString("value");
          statements.add(
              role == null
                  ? "ALTER DATABASE " + database + set
                  : "ALTER ROLE " + role + " IN DATABASE " + database + set);
        }
      }
    }
    return statements;
  }
}
