package dev.arbiter.persistence.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A database copied from the template is the database the migrations make: the same schema, rows,
 * grants on the database and settings, so no test can tell which one it was given.
 */
class TemplateDatabaseIT {

  private static TestDatabase cloned;
  private static TestDatabase migrated;

  @BeforeAll
  static void createBoth() {
    cloned = TestDatabase.fresh();
    migrated = TestDatabase.migratedFromScratch();
  }

  @Test
  void theCopyHoldsTheSameMigrationsObjectsAndRows() throws SQLException {
    String[] fingerprints = {
      "SELECT version || ' ' || checksum || ' ' || success AS line FROM flyway_schema_history"
          + " WHERE version IS NOT NULL OR type = 'SQL' ORDER BY installed_rank",
      "SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ') '"
          + " || md5(pg_get_functiondef(p.oid)) || ' ' || coalesce(array_to_string(p.proacl, ','),"
          + " '') AS line FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace"
          + " AND p.prokind IN ('f', 'p') ORDER BY 1",
      "SELECT c.relname || ' ' || c.relkind::text || ' ' || pg_get_userbyid(c.relowner) || ' '"
          + " || coalesce(array_to_string(c.relacl, ','), '') || ' ' || c.relrowsecurity AS line"
          + " FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace ORDER BY 1",
      "SELECT tablename || ' ' || policyname || ' ' || cmd || ' ' || coalesce(qual, '') AS line"
          + " FROM pg_policies ORDER BY 1",
      "SELECT id || ' ' || login_role || ' ' || active AS line FROM staff_accounts ORDER BY id",
      "SELECT count(*) || ' audit entries' AS line FROM audit_log",
      "SELECT string_agg(last_value::text, ',' ORDER BY sequencename) AS line FROM pg_sequences"
          + " WHERE schemaname = 'public'"
    };
    for (String fingerprint : fingerprints) {
      assertThat(lines(cloned, fingerprint))
          .as(fingerprint)
          .isNotEmpty()
          .isEqualTo(lines(migrated, fingerprint));
    }
  }

  @Test
  void theCopyHasTheDatabasesOwnGrantsAndSettings() throws SQLException {
    String grants =
        """
        SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END
               || ' ' || a.privilege_type || ' by ' || pg_get_userbyid(a.grantor) AS line
          FROM pg_database d, aclexplode(coalesce(d.datacl, acldefault('d', d.datdba))) a
         WHERE d.datname = current_database()
         ORDER BY 1
        """;
    String settings =
        """
        SELECT coalesce(pg_get_userbyid(nullif(r.setrole, 0)), '') || ' ' || s AS line
          FROM pg_db_role_setting r, unnest(r.setconfig) s
         WHERE r.setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database())
         ORDER BY 1
        """;
    String owner =
        "SELECT pg_get_userbyid(datdba) || ' ' || datallowconn AS line FROM pg_database"
            + " WHERE datname = current_database()";

    assertThat(lines(cloned, grants))
        .contains("PUBLIC CONNECT by arbiter_migrator")
        .doesNotContain("PUBLIC TEMPORARY by arbiter_migrator")
        .isEqualTo(lines(migrated, grants));
    assertThat(lines(cloned, settings))
        .contains(" statement_timeout=120s")
        .isEqualTo(lines(migrated, settings));
    assertThat(lines(cloned, owner)).isEqualTo(lines(migrated, owner));
  }

  @Test
  void aLoginRevokedByAnEarlierClassHasItsGroupsAgainInTheNextCopy() throws SQLException {
    try (Connection c = cloned.migrator();
        Statement s = c.createStatement()) {
      s.execute("REVOKE arbiter_finance FROM demo_finance2");
    }

    TestDatabase next = TestDatabase.fresh();

    String member =
        "SELECT pg_has_role('demo_finance2', 'arbiter_finance', 'MEMBER')::text AS line";
    assertThat(lines(next, member)).containsExactly("true");
  }

  private static List<String> lines(TestDatabase db, String sql) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Connection c = db.superuser();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        lines.add(rs.getString("line"));
      }
    }
    return lines;
  }
}
