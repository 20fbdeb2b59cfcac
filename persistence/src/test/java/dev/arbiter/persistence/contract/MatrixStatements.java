package dev.arbiter.persistence.contract;

import dev.arbiter.persistence.contract.Fixtures.Seed;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The SQL behind each cell of RoleMatrixIT: "UPDATE(priority)" on disputes becomes a statement. */
final class MatrixStatements {

  private static final Pattern COLUMN_OPERATION = Pattern.compile("(SELECT|UPDATE)\\((\\w+)\\)");

  private final TestDatabase db;
  private final Seed seed;

  MatrixStatements(TestDatabase db, Seed seed) {
    this.db = db;
    this.seed = seed;
  }

  /**
   * The statement for {@code operation} (SELECT, SELECT(col), INSERT, UPDATE(col), DELETE,
   * TRUNCATE).
   */
  String of(String table, String operation) {
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
  private String key(String table) {
    if (table.equals("staff_requests")) {
      return "idempotency_key = 'matrix-request-0'";
    }
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
          case "settlements" -> settlement();
          default -> throw new IllegalArgumentException("no fixture row in " + table);
        };
    return "id = " + id;
  }

  // Valid rows, so that an allowed INSERT succeeds and a denied one fails only on privilege.
  private String insert(String table) {
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
      case "staff_accounts" ->
          "INSERT INTO staff_accounts (login_role, display_name) VALUES ('demo_backend', 'Backend')";
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
      case "staff_requests" ->
          "INSERT INTO staff_requests (idempotency_key, action, fingerprint)"
              + " VALUES ('matrix-request-1', 'workspace.add_note', 'fp')";
      case "console_presence" ->
          "INSERT INTO console_presence (entity_type, entity_id, mode) VALUES ('dispute', "
              + seed.dispute()
              + ", 'viewing')";
      default -> throw new IllegalArgumentException("no insert for " + table);
    };
  }

  private long message() {
    return ownerValue(
        "INSERT INTO dispute_messages (dispute_id, author_user_id, visibility, body) VALUES ("
            + seed.dispute()
            + ", "
            + seed.client()
            + ", 'parties', 'hello') RETURNING id");
  }

  private Long settlement;

  private long settlement() {
    if (settlement == null) {
      settlement = proposeSettlement();
    }
    return settlement;
  }

  private long proposeSettlement() {
    return ownerValue(
        "INSERT INTO settlements (dispute_id, outcome, payee_minor, payer_minor, currency, reason)"
            + " VALUES ("
            + seed.dispute()
            + ", 'release_to_payee', 100, 0, 'USD', 'matrix') RETURNING id");
  }

  private long staffAccount() {
    return ownerValue("SELECT id FROM staff_accounts WHERE login_role = 'demo_finance'");
  }

  private long ownerValue(String sql) {
    try (Connection owner = db.migrator()) {
      return ((Number) Fixtures.value(owner, sql)).longValue();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
