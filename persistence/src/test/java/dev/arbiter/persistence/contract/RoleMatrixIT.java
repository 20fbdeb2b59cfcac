package dev.arbiter.persistence.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who may do what, tried for real: each demo login attempts each operation in a transaction that is
 * rolled back. A refusal must be PostgreSQL's privilege check (42501, "permission denied"), not a
 * trigger or a constraint further down.
 */
class RoleMatrixIT {

  private static final List<String> RUNTIME_LOGINS =
      List.of("demo_support", "demo_finance", "demo_moderator", "demo_admin", "demo_backend");

  private static TestDatabase db;
  private static MatrixStatements statements;
  private static final Map<String, Connection> LOGINS = new HashMap<>();

  @BeforeAll
  static void createRows() throws SQLException {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      statements = new MatrixStatements(db, Fixtures.seed(owner));
    }
  }

  @AfterAll
  static void close() throws SQLException {
    for (Connection c : LOGINS.values()) {
      c.close();
    }
  }

  @ParameterizedTest(name = "{0} {2} on {1}: {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # The ledger is read by finance and admins (and the backend, for users' wallets); the
          # audit chain by all staff; neither is written by anybody.
          demo_support   | ledger_entries     | SELECT                       | denied
          demo_finance   | ledger_entries     | SELECT                       | allowed
          demo_moderator | ledger_entries     | SELECT                       | denied
          demo_admin     | ledger_entries     | SELECT                       | allowed
          demo_backend   | ledger_entries     | SELECT                       | allowed
          demo_support   | ledger_entries     | INSERT                       | denied
          demo_finance   | ledger_entries     | INSERT                       | denied
          demo_moderator | ledger_entries     | INSERT                       | denied
          demo_admin     | ledger_entries     | INSERT                       | denied
          demo_backend   | ledger_entries     | INSERT                       | denied
          demo_support   | ledger_entries     | UPDATE(amount_minor)         | denied
          demo_finance   | ledger_entries     | UPDATE(amount_minor)         | denied
          demo_moderator | ledger_entries     | UPDATE(amount_minor)         | denied
          demo_admin     | ledger_entries     | UPDATE(amount_minor)         | denied
          demo_backend   | ledger_entries     | UPDATE(amount_minor)         | denied
          demo_support   | ledger_entries     | DELETE                       | denied
          demo_finance   | ledger_entries     | DELETE                       | denied
          demo_moderator | ledger_entries     | DELETE                       | denied
          demo_admin     | ledger_entries     | DELETE                       | denied
          demo_backend   | ledger_entries     | DELETE                       | denied
          demo_support   | ledger_entries     | TRUNCATE                     | denied
          demo_finance   | ledger_entries     | TRUNCATE                     | denied
          demo_moderator | ledger_entries     | TRUNCATE                     | denied
          demo_admin     | ledger_entries     | TRUNCATE                     | denied
          demo_backend   | ledger_entries     | TRUNCATE                     | denied
          demo_support   | journals           | SELECT                       | denied
          demo_finance   | journals           | SELECT                       | allowed
          demo_moderator | journals           | SELECT                       | denied
          demo_admin     | journals           | SELECT                       | allowed
          demo_backend   | journals           | SELECT                       | allowed
          demo_support   | journals           | INSERT                       | denied
          demo_finance   | journals           | INSERT                       | denied
          demo_moderator | journals           | INSERT                       | denied
          demo_admin     | journals           | INSERT                       | denied
          demo_backend   | journals           | INSERT                       | denied
          demo_support   | journals           | UPDATE(description)          | denied
          demo_finance   | journals           | UPDATE(description)          | denied
          demo_moderator | journals           | UPDATE(description)          | denied
          demo_admin     | journals           | UPDATE(description)          | denied
          demo_backend   | journals           | UPDATE(description)          | denied
          demo_support   | journals           | DELETE                       | denied
          demo_finance   | journals           | DELETE                       | denied
          demo_moderator | journals           | DELETE                       | denied
          demo_admin     | journals           | DELETE                       | denied
          demo_backend   | journals           | DELETE                       | denied
          demo_support   | journals           | TRUNCATE                     | denied
          demo_finance   | journals           | TRUNCATE                     | denied
          demo_moderator | journals           | TRUNCATE                     | denied
          demo_admin     | journals           | TRUNCATE                     | denied
          demo_backend   | journals           | TRUNCATE                     | denied
          demo_support   | wallets            | SELECT                       | denied
          demo_finance   | wallets            | SELECT                       | allowed
          demo_moderator | wallets            | SELECT                       | denied
          demo_admin     | wallets            | SELECT                       | allowed
          demo_backend   | wallets            | SELECT                       | allowed
          demo_support   | wallets            | INSERT                       | denied
          demo_finance   | wallets            | INSERT                       | denied
          demo_moderator | wallets            | INSERT                       | denied
          demo_admin     | wallets            | INSERT                       | denied
          demo_backend   | wallets            | INSERT                       | denied
          demo_support   | wallets            | UPDATE(balance_minor)        | denied
          demo_finance   | wallets            | UPDATE(balance_minor)        | denied
          demo_moderator | wallets            | UPDATE(balance_minor)        | denied
          demo_admin     | wallets            | UPDATE(balance_minor)        | denied
          demo_backend   | wallets            | UPDATE(balance_minor)        | denied
          demo_support   | wallets            | DELETE                       | denied
          demo_finance   | wallets            | DELETE                       | denied
          demo_moderator | wallets            | DELETE                       | denied
          demo_admin     | wallets            | DELETE                       | denied
          demo_backend   | wallets            | DELETE                       | denied
          demo_support   | wallets            | TRUNCATE                     | denied
          demo_finance   | wallets            | TRUNCATE                     | denied
          demo_moderator | wallets            | TRUNCATE                     | denied
          demo_admin     | wallets            | TRUNCATE                     | denied
          demo_backend   | wallets            | TRUNCATE                     | denied
          demo_support   | audit_log          | SELECT                       | allowed
          demo_finance   | audit_log          | SELECT                       | allowed
          demo_moderator | audit_log          | SELECT                       | allowed
          demo_admin     | audit_log          | SELECT                       | allowed
          demo_backend   | audit_log          | SELECT                       | denied
          demo_support   | audit_log          | INSERT                       | denied
          demo_finance   | audit_log          | INSERT                       | denied
          demo_moderator | audit_log          | INSERT                       | denied
          demo_admin     | audit_log          | INSERT                       | denied
          demo_backend   | audit_log          | INSERT                       | denied
          demo_support   | audit_log          | UPDATE(actor)                | denied
          demo_finance   | audit_log          | UPDATE(actor)                | denied
          demo_moderator | audit_log          | UPDATE(actor)                | denied
          demo_admin     | audit_log          | UPDATE(actor)                | denied
          demo_backend   | audit_log          | UPDATE(actor)                | denied
          demo_support   | audit_log          | DELETE                       | denied
          demo_finance   | audit_log          | DELETE                       | denied
          demo_moderator | audit_log          | DELETE                       | denied
          demo_admin     | audit_log          | DELETE                       | denied
          demo_backend   | audit_log          | DELETE                       | denied
          demo_support   | audit_log          | TRUNCATE                     | denied
          demo_finance   | audit_log          | TRUNCATE                     | denied
          demo_moderator | audit_log          | TRUNCATE                     | denied
          demo_admin     | audit_log          | TRUNCATE                     | denied
          demo_backend   | audit_log          | TRUNCATE                     | denied
          demo_support   | audit_chain_head   | SELECT                       | allowed
          demo_finance   | audit_chain_head   | SELECT                       | allowed
          demo_moderator | audit_chain_head   | SELECT                       | allowed
          demo_admin     | audit_chain_head   | SELECT                       | allowed
          demo_backend   | audit_chain_head   | SELECT                       | denied
          demo_support   | audit_chain_head   | INSERT                       | denied
          demo_finance   | audit_chain_head   | INSERT                       | denied
          demo_moderator | audit_chain_head   | INSERT                       | denied
          demo_admin     | audit_chain_head   | INSERT                       | denied
          demo_backend   | audit_chain_head   | INSERT                       | denied
          demo_support   | audit_chain_head   | UPDATE(last_id)              | denied
          demo_finance   | audit_chain_head   | UPDATE(last_id)              | denied
          demo_moderator | audit_chain_head   | UPDATE(last_id)              | denied
          demo_admin     | audit_chain_head   | UPDATE(last_id)              | denied
          demo_backend   | audit_chain_head   | UPDATE(last_id)              | denied
          demo_support   | audit_chain_head   | DELETE                       | denied
          demo_finance   | audit_chain_head   | DELETE                       | denied
          demo_moderator | audit_chain_head   | DELETE                       | denied
          demo_admin     | audit_chain_head   | DELETE                       | denied
          demo_backend   | audit_chain_head   | DELETE                       | denied
          demo_support   | audit_chain_head   | TRUNCATE                     | denied
          demo_finance   | audit_chain_head   | TRUNCATE                     | denied
          demo_moderator | audit_chain_head   | TRUNCATE                     | denied
          demo_admin     | audit_chain_head   | TRUNCATE                     | denied
          demo_backend   | audit_chain_head   | TRUNCATE                     | denied
          # Money columns move only through the finance functions.
          demo_support   | escrows            | UPDATE(funded_minor)         | denied
          demo_finance   | escrows            | UPDATE(funded_minor)         | denied
          demo_moderator | escrows            | UPDATE(funded_minor)         | denied
          demo_admin     | escrows            | UPDATE(funded_minor)         | denied
          demo_backend   | escrows            | UPDATE(funded_minor)         | denied
          demo_finance   | escrows            | UPDATE(released_minor)       | denied
          demo_backend   | escrows            | UPDATE(released_minor)       | denied
          demo_support   | escrow_checkpoints | UPDATE(amount_minor)         | denied
          demo_finance   | escrow_checkpoints | UPDATE(amount_minor)         | denied
          demo_moderator | escrow_checkpoints | UPDATE(amount_minor)         | denied
          demo_admin     | escrow_checkpoints | UPDATE(amount_minor)         | denied
          demo_backend   | escrow_checkpoints | UPDATE(amount_minor)         | denied
          demo_finance   | escrow_checkpoints | UPDATE(released_minor)       | denied
          demo_backend   | escrow_checkpoints | UPDATE(released_minor)       | denied
          demo_support   | disputes           | UPDATE(amount_disputed_minor)| denied
          demo_finance   | disputes           | UPDATE(amount_disputed_minor)| denied
          demo_moderator | disputes           | UPDATE(amount_disputed_minor)| denied
          demo_admin     | disputes           | UPDATE(amount_disputed_minor)| denied
          demo_backend   | disputes           | UPDATE(amount_disputed_minor)| denied
          demo_support   | disputes           | UPDATE(payee_share_minor)    | denied
          demo_finance   | disputes           | UPDATE(payee_share_minor)    | denied
          demo_support   | release_approvals  | INSERT                       | denied
          demo_finance   | release_approvals  | INSERT                       | denied
          demo_backend   | release_approvals  | INSERT                       | denied
          demo_finance   | escrows            | INSERT                       | denied
          demo_backend   | escrows            | INSERT                       | allowed
          # Case handling belongs to support, flags to moderators, workspaces to admins.
          demo_support   | disputes           | UPDATE(priority)             | allowed
          demo_moderator | disputes           | UPDATE(priority)             | denied
          demo_finance   | disputes           | UPDATE(priority)             | denied
          demo_admin     | disputes           | UPDATE(priority)             | denied
          demo_backend   | disputes           | UPDATE(priority)             | denied
          demo_support   | disputes           | UPDATE(assigned_to)          | allowed
          demo_backend   | disputes           | UPDATE(status)               | allowed
          demo_support   | disputes           | DELETE                       | denied
          demo_backend   | disputes           | DELETE                       | denied
          demo_backend   | disputes           | INSERT                       | allowed
          demo_support   | disputes           | INSERT                       | denied
          demo_finance   | disputes           | INSERT                       | denied
          demo_moderator | disputes           | INSERT                       | denied
          demo_admin     | disputes           | INSERT                       | denied
          demo_support   | dispute_messages   | INSERT                       | allowed
          demo_moderator | dispute_messages   | INSERT                       | denied
          demo_moderator | dispute_messages   | UPDATE(hidden_at)            | denied
          demo_support   | dispute_messages   | UPDATE(hidden_at)            | denied
          demo_support   | dispute_messages   | UPDATE(body)                 | denied
          demo_support   | settlements        | INSERT                       | allowed
          demo_support   | dispute_evidence   | INSERT                       | allowed
          demo_finance   | dispute_evidence   | INSERT                       | denied
          demo_support   | contact_notes      | INSERT                       | allowed
          demo_admin     | contact_notes      | INSERT                       | allowed
          demo_moderator | contact_notes      | INSERT                       | denied
          demo_finance   | settlements        | INSERT                       | denied
          demo_moderator | moderation_flags   | UPDATE(status)               | denied
          demo_moderator | moderation_flags   | UPDATE(assigned_to)          | denied
          demo_support   | moderation_flags   | UPDATE(status)               | denied
          demo_finance   | moderation_flags   | UPDATE(status)               | denied
          demo_admin     | moderation_flags   | UPDATE(status)               | denied
          demo_backend   | moderation_flags   | UPDATE(status)               | denied
          demo_moderator | moderation_flags   | UPDATE(severity)             | denied
          demo_backend   | moderation_flags   | INSERT                       | allowed
          demo_moderator | moderation_flags   | DELETE                       | denied
          demo_admin     | workspaces         | UPDATE(name)                 | allowed
          demo_admin     | workspaces         | INSERT                       | allowed
          demo_backend   | workspaces         | UPDATE(name)                 | allowed
          demo_support   | workspaces         | UPDATE(name)                 | denied
          demo_finance   | workspaces         | UPDATE(name)                 | denied
          demo_moderator | workspaces         | UPDATE(name)                 | denied
          demo_support   | workspaces         | INSERT                       | denied
          demo_admin     | workspaces         | DELETE                       | denied
          demo_admin     | workspace_members  | UPDATE(role)                 | allowed
          demo_support   | workspace_members  | UPDATE(role)                 | denied
          demo_admin     | staff_accounts     | UPDATE(display_name)         | allowed
          demo_support   | staff_accounts     | UPDATE(display_name)         | denied
          demo_admin     | staff_accounts     | DELETE                       | denied
          demo_admin     | staff_accounts     | INSERT                       | denied
          demo_admin     | staff_accounts     | UPDATE(active)               | denied
          demo_admin     | staff_accounts     | UPDATE(created_by)           | denied
          # Decisions are functions: nobody rewrites a settlement, a flag or a review round directly.
          demo_support   | settlements        | UPDATE(status)               | denied
          demo_support   | settlements        | UPDATE(decided_by)           | denied
          demo_backend   | escrow_checkpoints | UPDATE(status)               | allowed
          demo_backend   | escrow_checkpoints | UPDATE(submitted_at)         | denied
          demo_backend   | escrow_checkpoints | UPDATE(requested_by)         | denied
          demo_backend   | escrow_checkpoints | UPDATE(submission_round)     | denied
          demo_backend   | escrow_checkpoints | UPDATE(refunded_minor)       | denied
          demo_finance   | escrow_checkpoints | UPDATE(refunded_minor)       | denied
          demo_backend   | moderation_flags   | UPDATE(assigned_to)          | denied
          # Evidence bytes are read by the roles whose work is the evidence.
          demo_support   | dispute_evidence   | SELECT(content)              | allowed
          demo_moderator | dispute_evidence   | SELECT(content)              | allowed
          demo_admin     | dispute_evidence   | SELECT(content)              | allowed
          demo_finance   | dispute_evidence   | SELECT(content)              | denied
          demo_finance   | dispute_evidence   | SELECT(file_name)            | allowed
          demo_backend   | dispute_evidence   | SELECT(content)              | allowed
          # Money requests: each login reads its own (row security).
          demo_support   | money_requests     | SELECT                       | allowed
          demo_backend   | money_requests     | SELECT                       | denied
          # Invite token hashes are not readable by anyone at runtime.
          demo_support   | workspace_invites  | SELECT                       | denied
          demo_support   | workspace_invites  | SELECT(email)                | allowed
          demo_admin     | workspace_invites  | SELECT(token_hash)           | denied
          demo_backend   | workspace_invites  | SELECT(token_hash)           | denied
          # Request keys: each login reads and adds its own (row security), nobody edits them.
          demo_support   | staff_requests     | SELECT                       | allowed
          demo_finance   | staff_requests     | SELECT                       | allowed
          demo_moderator | staff_requests     | SELECT                       | allowed
          demo_admin     | staff_requests     | SELECT                       | allowed
          demo_backend   | staff_requests     | SELECT                       | denied
          demo_support   | staff_requests     | INSERT                       | allowed
          demo_admin     | staff_requests     | INSERT                       | allowed
          demo_moderator | staff_requests     | INSERT                       | denied
          demo_finance   | staff_requests     | INSERT                       | denied
          demo_backend   | staff_requests     | INSERT                       | denied
          demo_support   | staff_requests     | UPDATE(action)               | denied
          demo_admin     | staff_requests     | UPDATE(result)               | denied
          demo_support   | staff_requests     | SELECT(staff_login)          | allowed
          demo_support   | staff_requests     | DELETE                       | denied
          demo_admin     | staff_requests     | DELETE                       | denied
          demo_moderator | staff_requests     | DELETE                       | denied
          demo_support   | staff_requests     | TRUNCATE                     | denied
          demo_admin     | staff_requests     | TRUNCATE                     | denied
          # Presence is staff-only.
          demo_support   | console_presence   | INSERT                       | allowed
          demo_backend   | console_presence   | INSERT                       | denied
          demo_backend   | console_presence   | SELECT                       | denied
          """)
  void privilegeMatrix(String login, String table, String operation, String expected)
      throws SQLException {
    String sql = statements.of(table, operation);
    Connection c = login(login);
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      if (expected.equals("allowed")) {
        if (operation.startsWith("SELECT")) {
          s.executeQuery(sql).close();
        } else {
          assertThat(s.executeUpdate(sql)).as(sql).isEqualTo(1);
        }
      } else {
        assertThatThrownBy(() -> s.execute(sql))
            .as(sql)
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("permission denied")
            .extracting(e -> ((SQLException) e).getSQLState())
            .isEqualTo("42501");
      }
    } finally {
      c.rollback();
      c.setAutoCommit(true);
    }
  }

  @Test
  void runtimeRolesOwnNothing() throws SQLException {
    List<String> owned = new ArrayList<>();
    try (Connection c = db.superuser();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                """
                WITH runtime AS (
                  -- Superusers and the migrator count as members of every group they administer.
                  SELECT oid FROM pg_roles
                   WHERE NOT rolsuper AND rolname <> 'arbiter_migrator'
                     AND (rolname IN ('arbiter_staff', 'arbiter_support', 'arbiter_finance',
                                      'arbiter_moderator', 'arbiter_admin', 'marketplace_backend')
                          OR pg_has_role(oid, 'arbiter_staff', 'MEMBER')
                          OR pg_has_role(oid, 'marketplace_backend', 'MEMBER')))
                SELECT 'relation ' || relname FROM pg_class WHERE relowner IN (SELECT oid FROM runtime)
                UNION ALL
                SELECT 'function ' || proname FROM pg_proc WHERE proowner IN (SELECT oid FROM runtime)
                UNION ALL
                SELECT 'schema ' || nspname FROM pg_namespace WHERE nspowner IN (SELECT oid FROM runtime)
                UNION ALL
                SELECT 'type ' || typname FROM pg_type WHERE typowner IN (SELECT oid FROM runtime)
                UNION ALL
                SELECT 'database ' || datname FROM pg_database WHERE datdba IN (SELECT oid FROM runtime)
                """)) {
      while (rs.next()) {
        owned.add(rs.getString(1));
      }
    }
    assertThat(owned).isEmpty();
    try (Connection c = db.superuser()) {
      // The query above must see the demo logins, or it proves nothing.
      assertThat(
              Fixtures.value(
                  c,
                  "SELECT count(*) FROM pg_roles WHERE rolname = ANY (?)"
                      + " AND (pg_has_role(oid, 'arbiter_staff', 'MEMBER')"
                      + " OR pg_has_role(oid, 'marketplace_backend', 'MEMBER'))",
                  c.createArrayOf("text", RUNTIME_LOGINS.toArray())))
          .isEqualTo((long) RUNTIME_LOGINS.size());
    }
  }

  /**
   * The automation's login, read from the catalog rather than listed by hand, so a grant added
   * later shows up here: it reads its run records and the chain head, and calls the automation's
   * rules.
   */
  @Test
  void theAutomationMayOnlyRunItsRules() throws SQLException {
    try (Connection c = db.superuser()) {
      assertThat(
              Fixtures.strings(
                  c,
                  """
                  SELECT relname || ' ' || privilege
                    FROM pg_class
                   CROSS JOIN unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE',
                                           'REFERENCES', 'TRIGGER']) AS privilege
                   WHERE relnamespace = 'public'::regnamespace
                     AND relkind IN ('r', 'v', 'm', 'p', 'S')
                     AND has_table_privilege(?, oid, privilege)
                   ORDER BY 1
                  """,
                  TestDatabase.WORKER))
          .containsExactly(
              "audit_chain_head SELECT",
              "audit_seal_policy SELECT",
              "automation_failures SELECT",
              "automation_runs SELECT");
      assertThat(
              Fixtures.strings(
                  c,
                  """
                  SELECT DISTINCT proname FROM pg_proc p
                   WHERE pronamespace = 'public'::regnamespace
                     AND has_function_privilege(?, p.oid, 'EXECUTE')
                     -- pg_trgm's operator support, executable by everyone and harmless
                     AND NOT EXISTS (SELECT 1 FROM pg_depend d
                                      WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid
                                        AND d.deptype = 'e')
                   ORDER BY 1
                  """,
                  TestDatabase.WORKER))
          .containsExactly(
              // Sending the change notices that committed (V96).
              "arbiter_announce_changes",
              // Link-only chain verification, for the anchor (V88).
              "audit_chain_last_id",
              "audit_chain_links",
              // Sealing the entries writers left (V90), and what waits.
              "audit_seal",
              "audit_unsealed",
              "automation_auto_release",
              "automation_dispute_deadlines",
              "automation_end_stalled_sessions",
              "automation_expire_invites",
              "automation_housekeeping",
              "automation_lift_suspensions",
              "automation_record_run",
              "automation_release_stale_claims");
      assertThat(
              Fixtures.value(
                  c,
                  "SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace"
                      + " AND has_any_column_privilege(?, oid, 'INSERT,UPDATE,REFERENCES')",
                  TestDatabase.WORKER))
          .isEqualTo(0L);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"demo_support", "demo_finance", "demo_moderator", "demo_admin", "demo_backend"})
  void runtimeRoleCannotSwitchOffTheAuditTriggers(String login) throws SQLException {
    Connection c = login(login);
    try (Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.execute("ALTER TABLE audit_log DISABLE TRIGGER USER"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("must be owner of table audit_log")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("42501");
      assertThatThrownBy(() -> s.execute("ALTER TABLE disputes DISABLE TRIGGER disputes_audit"))
          .hasMessageContaining("must be owner");
      assertThatThrownBy(() -> s.execute("SET session_replication_role = replica"))
          .isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("42501");
    }
  }

  private static Connection login(String login) throws SQLException {
    Connection c = LOGINS.get(login);
    if (c == null) {
      c = db.as(login);
      LOGINS.put(login, c);
    }
    return c;
  }
}
