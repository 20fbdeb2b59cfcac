package dev.arbiter.persistence.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.persistence.db.StaffLogins;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the catalog itself must say, read from it rather than from a list someone keeps: a function
 * added tomorrow is checked by the same queries.
 */
class CatalogGuardsIT {

  /** The group roles and the demo logins that stand for every runtime login. */
  static final List<String> RUNTIME_ROLES =
      List.of(
          "arbiter_staff",
          "arbiter_support",
          "arbiter_finance",
          "arbiter_moderator",
          "arbiter_admin",
          "marketplace_backend",
          "arbiter_automation",
          TestDatabase.WORKER,
          "demo_support",
          "demo_finance",
          "demo_finance2",
          "demo_moderator",
          "demo_admin",
          StaffLogins.DEMO_BACKEND);

  // The functions of the schema, not those an extension (pg_trgm) brought along.
  private static final String OWN_FUNCTIONS =
      "FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND NOT EXISTS"
          + " (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass"
          + " AND d.objid = p.oid AND d.deptype = 'e')";

  private static TestDatabase db;
  private static Connection owner;

  @BeforeAll
  static void open() throws SQLException {
    db = TestDatabase.fresh();
    owner = db.superuser();
  }

  @AfterAll
  static void close() throws SQLException {
    owner.close();
  }

  @Test
  void everyFunctionPinsItsSearchPathWithTheTemporarySchemaLast() throws SQLException {
    List<String> unpinned = new ArrayList<>();
    List<String> functions = new ArrayList<>();
    try (Statement s = owner.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT p.oid::regprocedure::text, (SELECT c FROM unnest(p.proconfig) c"
                    + " WHERE c LIKE 'search_path=%') "
                    + OWN_FUNCTIONS)) {
      while (rs.next()) {
        functions.add(rs.getString(1));
        if (!"search_path=pg_catalog, public, pg_temp".equals(rs.getString(2))) {
          unpinned.add(rs.getString(1) + " " + rs.getString(2));
        }
      }
    }
    assertThat(functions).hasSizeGreaterThan(90);
    assertThat(unpinned).isEmpty();
  }

  @Test
  void everyFunctionNamesTheTablesItReadsBySchema() throws SQLException {
    Set<String> relations = new HashSet<>();
    try (Statement s = owner.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT relname FROM pg_class WHERE relkind IN ('r', 'v', 'm', 'p', 'f')"
                    + " AND relnamespace IN ('public'::regnamespace, 'pg_catalog'::regnamespace)")) {
      while (rs.next()) {
        relations.add(rs.getString(1));
      }
    }
    List<String> unqualified = new ArrayList<>();
    try (Statement s = owner.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT p.oid::regprocedure::text, p.prosrc " + OWN_FUNCTIONS)) {
      while (rs.next()) {
        for (String name : SqlText.unqualifiedNames(rs.getString(2), relations)) {
          unqualified.add(rs.getString(1) + " reads " + name);
        }
      }
    }
    assertThat(relations).contains("status_transitions", "pg_roles");
    assertThat(unqualified).isEmpty();
  }

  @Test
  void noFunctionIsExecutableByEveryone() throws SQLException {
    List<String> open = new ArrayList<>();
    try (Statement s = owner.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT p.oid::regprocedure::text "
                    + OWN_FUNCTIONS
                    + " AND (p.proacl IS NULL OR EXISTS (SELECT 1 FROM aclexplode(p.proacl) a"
                    + " WHERE a.grantee = 0 AND a.privilege_type = 'EXECUTE'))")) {
      while (rs.next()) {
        open.add(rs.getString(1));
      }
    }
    assertThat(open).isEmpty();
  }

  @Test
  void definerFunctionsRunAsTheSchemaOwner() throws SQLException {
    List<String> others = new ArrayList<>();
    try (Statement s = owner.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT p.oid::regprocedure::text, pg_get_userbyid(p.proowner) "
                    + OWN_FUNCTIONS
                    + " AND p.prosecdef AND pg_get_userbyid(p.proowner) <> 'arbiter_migrator'")) {
      while (rs.next()) {
        others.add(rs.getString(1) + " owned by " + rs.getString(2));
      }
    }
    assertThat(others).isEmpty();
  }

  @Test
  void noRuntimeRoleHoldsTemporaryOrCreateAnywhere() throws SQLException {
    List<String> found = new ArrayList<>();
    try (PreparedStatement ps =
        owner.prepareStatement(
            "SELECT 'database TEMPORARY' WHERE has_database_privilege(?, current_database(),"
                + " 'TEMPORARY')"
                + " UNION ALL SELECT 'database CREATE' WHERE has_database_privilege(?,"
                + " current_database(), 'CREATE')"
                + " UNION ALL SELECT 'schema ' || nspname || ' CREATE' FROM pg_namespace"
                + " WHERE has_schema_privilege(?, oid, 'CREATE')"
                + " UNION ALL SELECT 'attribute ' || a FROM pg_roles r, LATERAL (VALUES"
                + " ('superuser', r.rolsuper), ('createdb', r.rolcreatedb),"
                + " ('createrole', r.rolcreaterole), ('bypassrls', r.rolbypassrls),"
                + " ('replication', r.rolreplication)) v(a, b) WHERE r.rolname = ? AND b")) {
      for (String role : RUNTIME_ROLES) {
        for (int i = 1; i <= 4; i++) {
          ps.setString(i, role);
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            found.add(role + ": " + rs.getString(1));
          }
        }
      }
    }
    assertThat(found).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"demo_support", "demo_finance", "demo_moderator", "demo_admin", "demo_backend"})
  void aRuntimeLoginCreatesNothingNotEvenATemporaryTable(String login) throws SQLException {
    try (Connection c = db.as(login);
        Statement s = c.createStatement()) {
      for (String ddl :
          List.of(
              "CREATE TEMP TABLE status_transitions (entity text)",
              "CREATE TEMP VIEW pg_roles AS SELECT 'x' AS rolname, true AS rolsuper",
              "CREATE TABLE public.shadow (id int)",
              "CREATE SCHEMA shadow",
              "CREATE FUNCTION pg_temp.arbiter_is_owner() RETURNS boolean"
                  + " LANGUAGE sql AS 'SELECT true'")) {
        assertThatThrownBy(() -> s.execute(ddl))
            .as(ddl)
            .isInstanceOf(SQLException.class)
            .extracting(e -> ((SQLException) e).getSQLState())
            .isEqualTo("42501");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"demo_support", "demo_finance", "demo_moderator", "demo_admin", "demo_backend"})
  void everyRuntimeSessionStartsWithTheDatabasesLimits(String login) throws SQLException {
    try (Connection c = db.as(login);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT current_setting('idle_in_transaction_session_timeout'),"
                    + " current_setting('lock_timeout'), current_setting('statement_timeout')")) {
      rs.next();
      assertThat(List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
          .containsExactly("1min", "15s", "2min");
    }
  }
}
