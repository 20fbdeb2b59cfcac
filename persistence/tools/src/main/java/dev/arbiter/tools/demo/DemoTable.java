package dev.arbiter.tools.demo;

/**
 * The tables the loader fills, in an order that satisfies every foreign key, with the columns it
 * writes. Every timestamp and version is written explicitly so that a seed reproduces the rows.
 */
enum DemoTable {
  USERS(
      "users",
      "id, email, display_name, kind, status, suspended_until, country, metadata, created_at,"
          + " updated_at"),
  WORKSPACES(
      "workspaces",
      "id, owner_id, name, slug, type, timezone, default_currency, intake_email, status, settings,"
          + " created_at, updated_at"),
  WORKSPACE_MEMBERS(
      "workspace_members",
      "id, workspace_id, user_id, role, status, invited_by, joined_at, removed_at, updated_at"),
  WORKSPACE_INVITES(
      "workspace_invites",
      "id, workspace_id, email, role, status, token_hash, expires_at, invited_by, accepted_at,"
          + " revoked_at, created_at, updated_at"),
  // A note may supersede an earlier one, so its rows keep their order across actors.
  CONTACT_NOTES(
      "contact_notes",
      "id, workspace_id, subject_user_id, author, body, visibility, supersedes_id, created_at,"
          + " updated_at",
      true),
  CONTRACTS(
      "contracts",
      "id, reference, kind, title, client_id, freelancer_id, workspace_id, currency, value_minor,"
          + " status, csat_score, metadata, started_at, ended_at, created_at, updated_at"),
  ESCROWS(
      "escrows",
      "id, contract_id, currency, funded_minor, released_minor, refunded_minor, status, created_at,"
          + " updated_at"),
  ESCROW_CHECKPOINTS(
      "escrow_checkpoints",
      "id, escrow_id, seq, label, amount_minor, released_minor, refunded_minor, currency, status,"
          + " approval_requirement, csat_threshold, auto_release_at, submitted_at, requested_by,"
          + " hold_reason, released_at, released_by, payout_reference, created_at, updated_at"),
  RELEASE_APPROVALS(
      "release_approvals",
      "id, checkpoint_id, reviewer, decision, note, override_reason, created_at"),
  DISPUTES(
      "disputes",
      "id, reference, contract_id, escrow_id, checkpoint_id, opened_by, reason_code, priority,"
          + " status, assigned_to, amount_disputed_minor, currency, response_due_at,"
          + " deadline_action, outcome, payee_share_minor, payer_share_minor, resolution_notes,"
          + " resolved_by, resolved_at, metadata, opened_at, updated_at"),
  SETTLEMENTS(
      "settlements",
      "id, dispute_id, outcome, payee_minor, payer_minor, currency, reason, status, proposed_by,"
          + " proposed_at, decided_by, decided_at, decision_note, journal_id, updated_at"),
  JOURNALS(
      "journals",
      "id, idempotency_key, request_fingerprint, kind, description, escrow_id, checkpoint_id,"
          + " settlement_id, created_by, created_at"),
  DISPUTE_MESSAGES(
      "dispute_messages",
      "id, dispute_id, author_user_id, author_staff, visibility, body, hidden_at, created_at,"
          + " updated_at"),
  DISPUTE_EVIDENCE(
      "dispute_evidence",
      "id, dispute_id, uploaded_by, uploaded_by_staff, file_name, mime_type, size_bytes, sha256,"
          + " content, created_at"),
  MODERATION_FLAGS(
      "moderation_flags",
      "id, entity_type, entity_id, reporter_id, reason, details, severity, status, assigned_to,"
          + " claimed_at, decision, decision_reason, decided_by, decided_at, created_at,"
          + " updated_at"),
  // Wallets come last with their final balances, straight before the entries that explain them.
  WALLETS("wallets", "id, owner_user_id, kind, currency, balance_minor, created_at, updated_at"),
  LEDGER_ENTRIES(
      "ledger_entries",
      "id, journal_id, wallet_id, direction, amount_minor, currency, balance_after, created_at");

  private final String table;
  private final String columns;
  private final boolean keepsRowOrder;

  DemoTable(String table, String columns) {
    this(table, columns, false);
  }

  DemoTable(String table, String columns, boolean keepsRowOrder) {
    this.table = table;
    this.columns = columns;
    this.keepsRowOrder = keepsRowOrder;
  }

  String table() {
    return table;
  }

  String copySql() {
    return "COPY " + table + " (" + columns + ") FROM STDIN";
  }

  /** Whether rows must reach the table in generation order even when actors alternate. */
  boolean keepsRowOrder() {
    return keepsRowOrder;
  }
}
