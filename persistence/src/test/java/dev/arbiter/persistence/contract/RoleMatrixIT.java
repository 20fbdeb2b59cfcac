package dev.arbiter.persistence.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.persistence.contract.Fixtures.Seed;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  private static final Pattern COLUMN_OPERATION = Pattern.compile("(SELECT|UPDATE)\\((\\w+)\\)");

  private static TestDatabase db;
  private static Seed seed;
  private static final Map<String, Connection> LOGINS = new HashMap<>();

  @BeforeAll
  static void createRows() throws SQLException {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      seed = Fixtures.seed(owner);
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
          # The ledger and the audit chain: readable by staff, written by nobody.
          demo_support   | ledger_entries     | SELECT                       | allowed
          demo_finance   | ledger_entries     | SELECT                       | allowed
          demo_moderator | ledger_entries     | SELECT                       | allowed
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
          demo_support   | journals           | SELECT                       | allowed
          demo_finance   | journals           | SELECT                       | allowed
          demo_moderator | journals           | SELECT                       | allowed
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
          demo_support   | wallets            | SELECT                       | allowed
          demo_finance   | wallets            | SELECT                       | allowed
          demo_moderator | wallets            | SELECT                       | allowed
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
          demo_moderator | dispute_messages   | UPDATE(hidden_at)            | allowed
          demo_support   | dispute_messages   | UPDATE(hidden_at)            | denied
          demo_support   | dispute_messages   | UPDATE(body)                 | denied
          demo_support   | settlements        | INSERT                       | allowed
          demo_support   | dispute_evidence   | INSERT                       | allowed
          demo_finance   | dispute_evidence   | INSERT                       | denied
          demo_support   | contact_notes      | INSERT                       | allowed
          demo_admin     | contact_notes      | INSERT                       | allowed
          demo_moderator | contact_notes      | INSERT                       | denied
          demo_finance   | settlements        | INSERT                       | denied
          demo_moderator | moderation_flags   | UPDATE(status)               | allowed
          demo_moderator | moderation_flags   | UPDATE(assigned_to)          | allowed
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
          # Invite token hashes are not readable by anyone at runtime.
          demo_support   | workspace_invites  | SELECT                       | denied
          demo_support   | workspace_invites  | SELECT(email)                | allowed
          demo_admin     | workspace_invites  | SELECT(token_hash)           | denied
          demo_backend   | workspace_invites  | SELECT(token_hash)           | denied
          # Presence is staff-only.
          demo_support   | console_presence   | INSERT                       | allowed
          demo_backend   | console_presence   | INSERT                       | denied
          demo_backend   | console_presence   | SELECT                       | denied
          """)
  void privilegeMatrix(String login, String table, String operation, String expected)
      throws SQLException {
    String sql = statement(table, operation);
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

  private static String statement(String table, String operation) {
    Matcher column = COLUMN_OPERATION.matcher(operation);
    if (column.matches()) {
      String col = column.group(2);
      return column.group(1).equals("SELECT")
          ? "SELECT " + col + " FROM " + table + " LIMIT 1"
          : "UPDATE " + table + " SET " + col + " = " + col + " WHERE " + key(table);
    }
    return switch (operation) {
      case "SELECT" -> "SELECT * FROM " + table + " LIMIT 1";
      case "INSERT" -> insert(table);
      case "DELETE" -> "DELETE FROM " + table + " WHERE " + key(table);
      case "TRUNCATE" -> "TRUNCATE " + table;
      default -> throw new IllegalArgumentException("unknown operation " + operation);
    };
  }

  // The row each UPDATE and DELETE aims at: one that exists, so "allowed" really changes a row.
  private static String key(String table) {
    long id =
        switch (table) {
          case "ledger_entries" -> seed.ledgerEntry();
          case "journals" -> seed.journal();
          case "wallets" -> seed.holdingWallet();
          case "audit_log", "audit_chain_head" -> 1;
          case "escrows" -> seed.escrow();
          case "escrow_checkpoints" -> seed.pendingCheckpoint();
          case "disputes" -> seed.dispute();
          case "moderation_flags" -> seed.flag();
          case "workspaces" -> seed.workspace();
          case "workspace_members" -> seed.membership();
          case "dispute_messages" -> message();
          case "staff_accounts" -> staffAccount();
          default -> throw new IllegalArgumentException("no fixture row in " + table);
        };
    return "id = " + id;
  }

  // Valid rows, so that an allowed INSERT succeeds and a denied one fails only on privilege.
  private static String insert(String table) {
    return switch (table) {
      case "ledger_entries" ->
          "INSERT INTO ledger_entries (journal_id, wallet_id, direction, amount_minor, currency,"
              + " balance_after) VALUES ("
              + seed.journal()
              + ", "
              + seed.holdingWallet()
              + ", 'debit', 1, 'USD', 0)";
      case "journals" ->
          "INSERT INTO journals (idempotency_key, request_fingerprint, kind, description)"
              + " VALUES ('matrix-key-1', 'fp', 'correction', 'matrix')";
      case "wallets" -> "INSERT INTO wallets (kind, currency) VALUES ('platform_fee', 'EUR')";
      case "audit_log" ->
          "INSERT INTO audit_log (id, occurred_at, actor, db_user, action, entity_type, prev_hash,"
              + " hash) VALUES (1000000, now(), 'x', 'x', 'note', 'x',"
              + " decode(repeat('00', 32), 'hex'), decode(repeat('00', 32), 'hex'))";
      case "audit_chain_head" ->
          "INSERT INTO audit_chain_head (id, last_id, last_hash)"
              + " VALUES (1, 0, decode(repeat('00', 32), 'hex'))";
      case "escrows" ->
          "INSERT INTO escrows (contract_id, currency) VALUES (" + seed.contract() + ", 'USD')";
      case "release_approvals" ->
          "INSERT INTO release_approvals (checkpoint_id, reviewer, decision) VALUES ("
              + seed.approvedCheckpoint()
              + ", 'demo_finance', 'approve')";
      case "disputes" ->
          "INSERT INTO disputes (reference, contract_id, opened_by, reason_code,"
              + " amount_disputed_minor, currency) VALUES ('"
              + Fixtures.disputeReference()
              + "', "
              + seed.contract()
              + ", "
              + seed.client()
              + ", 'late_delivery', 2500, 'USD')";
      case "dispute_messages" ->
          "INSERT INTO dispute_messages (dispute_id, visibility, body) VALUES ("
              + seed.dispute()
              + ", 'internal', 'checking the delivery logs')";
      case "settlements" ->
          "INSERT INTO settlements (dispute_id, outcome, payee_minor, payer_minor, currency,"
              + " reason) VALUES ("
              + seed.dispute()
              + ", 'split', 2500, 2500, 'USD', 'both partly right')";
      case "dispute_evidence" ->
          "INSERT INTO dispute_evidence (dispute_id, file_name, mime_type, size_bytes, sha256)"
              + " VALUES ("
              + seed.dispute()
              + ", 'delivery.png', 'image/png', 2048, sha256('png'::bytea))";
      case "contact_notes" ->
          "INSERT INTO contact_notes (workspace_id, body, visibility) VALUES ("
              + seed.workspace()
              + ", 'prefers e-mail', 'workspace')";
      case "moderation_flags" ->
          "INSERT INTO moderation_flags (entity_type, entity_id, reporter_id, reason, severity)"
              + " VALUES ('contract', "
              + seed.contract()
              + ", "
              + seed.client()
              + ", 'fraud', 'critical')";
      case "workspaces" ->
          "INSERT INTO workspaces (owner_id, name, slug, type) VALUES ("
              + seed.client()
              + ", 'Matrix Studio', 'matrix-studio', 'studio')";
      case "console_presence" ->
          "INSERT INTO console_presence (entity_type, entity_id, mode) VALUES ('dispute', "
              + seed.dispute()
              + ", 'viewing')";
      default -> throw new IllegalArgumentException("no insert for " + table);
    };
  }

  private static long message() {
    return ownerValue(
        "INSERT INTO dispute_messages (dispute_id, author_user_id, visibility, body) VALUES ("
            + seed.dispute()
            + ", "
            + seed.client()
            + ", 'parties', 'hello') RETURNING id");
  }

  private static long staffAccount() {
    return ownerValue("SELECT id FROM staff_accounts WHERE login_role = 'demo_finance'");
  }

  private static long ownerValue(String sql) {
    try (Connection owner = db.migrator()) {
      return ((Number) Fixtures.value(owner, sql)).longValue();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
