package dev.arbiter.persistence.contract;

import static dev.arbiter.persistence.contract.Fixtures.id;
import static dev.arbiter.persistence.contract.Fixtures.update;
import static dev.arbiter.persistence.contract.Fixtures.value;
import static dev.arbiter.persistence.contract.Transactions.refusedLeavingNothing;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.contract.Fixtures.Seed;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad values are refused by the database itself, with its own error, and a refused transaction
 * leaves nothing behind: each test first makes a valid change in the same transaction and checks
 * that it, and its audit entry, are gone after the refusal. Status moves, versions and authorship:
 * {@link WriteRulesIT}.
 */
class ConstraintsIT {

  private static TestDatabase db;
  private static Seed seed;
  private static Connection owner;

  @BeforeAll
  static void createRows() throws SQLException {
    db = TestDatabase.fresh();
    owner = db.migrator();
    seed = Fixtures.seed(owner);
  }

  @AfterAll
  static void close() throws SQLException {
    owner.close();
  }

  @Test
  void checkpointWithZeroAmountIsRefusedAndTheValidOneBeforeItIsRolledBack() throws SQLException {
    String label = "kept-" + Fixtures.next();
    refusedLeavingNothing(
        db,
        owner,
        "23514",
        "escrow_checkpoints_amount_minor_check",
        c -> {
          insertCheckpoint(c, label, 10_000);
          insertCheckpoint(c, "zero", 0);
        });
    assertThat(count("SELECT count(*) FROM escrow_checkpoints WHERE label = ?", label)).isZero();
  }

  @Test
  void disputeWithNegativeAmountIsRefusedForTheBackend() throws SQLException {
    String reference = Fixtures.disputeReference();
    try (Connection backend = db.as("demo_backend")) {
      refusedLeavingNothing(
          db,
          backend,
          "23514",
          "disputes_amount_disputed_minor_check",
          c -> {
            insertDispute(c, reference, 5_000);
            insertDispute(c, Fixtures.disputeReference(), -100);
          });
    }
    assertThat(count("SELECT count(*) FROM disputes WHERE reference = ?", reference)).isZero();
  }

  @Test
  void unknownStatusIsRefusedEvenForTheOwner() throws SQLException {
    String reference = Fixtures.disputeReference();
    refusedLeavingNothing(
        db,
        owner,
        "23514",
        "disputes_status_check",
        c -> {
          insertDispute(c, reference, 5_000);
          update(
              c,
              "INSERT INTO disputes (reference, contract_id, opened_by, reason_code,"
                  + " amount_disputed_minor, currency, status) VALUES (?, ?, ?, 'quality', 10, 'USD',"
                  + " 'pondering')",
              Fixtures.disputeReference(),
              seed.contract(),
              seed.client());
        });
    assertThat(count("SELECT count(*) FROM disputes WHERE reference = ?", reference)).isZero();
  }

  @Test
  void escrowCannotReleaseAndRefundMoreThanWasFunded() throws SQLException {
    Object versionBefore = value(owner, "SELECT version FROM escrows WHERE id = ?", seed.escrow());
    refusedLeavingNothing(
        db,
        owner,
        "23514",
        "escrows_released_refunded_within_funded",
        c -> {
          update(c, "UPDATE escrows SET refunded_minor = 1000 WHERE id = ?", seed.escrow());
          update(c, "UPDATE escrows SET released_minor = 99001 WHERE id = ?", seed.escrow());
        });
    assertThat(value(owner, "SELECT refunded_minor FROM escrows WHERE id = ?", seed.escrow()))
        .isEqualTo(0L);
    assertThat(value(owner, "SELECT version FROM escrows WHERE id = ?", seed.escrow()))
        .isEqualTo(versionBefore);
  }

  @Test
  void checkpointCannotReleaseMoreThanItsAmount() throws SQLException {
    refusedLeavingNothing(
        db,
        owner,
        "23514",
        "escrow_checkpoints_paid_within_amount",
        c ->
            update(
                c,
                "UPDATE escrow_checkpoints SET released_minor = amount_minor + 1 WHERE id = ?",
                seed.pendingCheckpoint()));
  }

  @Test
  void releaseRefusesSecondApprovalBySameReviewer() throws SQLException {
    long checkpoint = Fixtures.checkpoint(owner, seed.escrow(), "submitted");
    refusedLeavingNothing(
        db,
        owner,
        "23505",
        "release_approvals_checkpoint_reviewer_key",
        c -> {
          approve(c, checkpoint, "demo_finance");
          approve(c, checkpoint, "demo_finance");
        });
    assertThat(count("SELECT count(*) FROM release_approvals WHERE checkpoint_id = ?", checkpoint))
        .isZero();
  }

  @Test
  void userCanJoinAWorkspaceOnlyOnce() throws SQLException {
    long user = Fixtures.user(owner, "member");
    try (Connection admin = db.as("demo_admin")) {
      refusedLeavingNothing(
          db,
          admin,
          "23505",
          "workspace_members_workspace_user_key",
          c -> {
            join(c, seed.workspace(), user);
            join(c, seed.workspace(), user);
          });
    }
    assertThat(count("SELECT count(*) FROM workspace_members WHERE user_id = ?", user)).isZero();
  }

  @Test
  void payoutReferenceIsUnique() throws SQLException {
    long first = Fixtures.checkpoint(owner, seed.escrow(), "pending");
    long second = Fixtures.checkpoint(owner, seed.escrow(), "pending");
    String payout = "PO-" + Fixtures.next();
    refusedLeavingNothing(
        db,
        owner,
        "23505",
        "escrow_checkpoints_payout_reference_key",
        c -> {
          setPayout(c, first, payout);
          setPayout(c, second, payout);
        });
    assertThat(count("SELECT count(*) FROM escrow_checkpoints WHERE payout_reference = ?", payout))
        .isZero();
  }

  @Test
  void journalIdempotencyKeyIsUnique() throws SQLException {
    String key = "idem-" + Fixtures.next();
    refusedLeavingNothing(
        db,
        owner,
        "23505",
        "journals_idempotency_key_key",
        c -> {
          postBalanced(c, key);
          postBalanced(c, key);
        });
    assertThat(count("SELECT count(*) FROM journals WHERE idempotency_key = ?", key)).isZero();
  }

  @Test
  void unbalancedJournalIsRefusedAtCommitNotBefore() throws SQLException {
    String key = "unbalanced-" + Fixtures.next();
    long[] entries = new long[1];
    SQLException refusal =
        refusedLeavingNothing(
            db,
            owner,
            "23514",
            "journals_balanced",
            c -> {
              long journal = insertJournal(c, key);
              Fixtures.entry(c, journal, seed.holdingWallet(), "debit", 500);
              Fixtures.entry(c, journal, seed.freelancerWallet(), "credit", 400);
              // Every statement was accepted: the balance is a deferred, commit-time check.
              entries[0] =
                  count("SELECT count(*) FROM ledger_entries WHERE journal_id = ?", journal);
            });
    assertThat(entries[0]).isEqualTo(2);
    assertThat(refusal.getMessage()).contains("does not balance");
    assertThat(count("SELECT count(*) FROM journals WHERE idempotency_key = ?", key)).isZero();
  }

  @Test
  void journalWithoutEntriesIsRefusedAtCommit() throws SQLException {
    String key = "empty-" + Fixtures.next();
    refusedLeavingNothing(db, owner, "23514", "journals_balanced", c -> insertJournal(c, key));
    assertThat(count("SELECT count(*) FROM journals WHERE idempotency_key = ?", key)).isZero();
  }

  @Test
  void ledgerEntriesAndJournalsCannotBeEditedEvenByTheOwner() throws SQLException {
    refusedLeavingNothing(
        db,
        owner,
        "42501",
        null,
        c ->
            update(
                c, "UPDATE ledger_entries SET amount_minor = 1 WHERE id = ?", seed.ledgerEntry()));
    refusedLeavingNothing(
        db,
        owner,
        "42501",
        null,
        c -> update(c, "DELETE FROM ledger_entries WHERE id = ?", seed.ledgerEntry()));
    refusedLeavingNothing(
        db,
        owner,
        "42501",
        null,
        c -> update(c, "UPDATE journals SET description = 'edited' WHERE id = ?", seed.journal()));
    refusedLeavingNothing(
        db, owner, "42501", null, c -> update(c, "TRUNCATE ledger_entries, journals CASCADE"));
  }

  private static long count(String query, Object... params) throws SQLException {
    return ((Number) value(owner, query, params)).longValue();
  }

  private static void insertCheckpoint(Connection c, String label, long amount)
      throws SQLException {
    update(
        c,
        "INSERT INTO escrow_checkpoints (escrow_id, seq, label, amount_minor, currency)"
            + " VALUES (?, ?, ?, ?, 'USD')",
        seed.escrow(),
        Fixtures.next(),
        label,
        amount);
  }

  private static void insertDispute(Connection c, String reference, long amount)
      throws SQLException {
    update(
        c,
        "INSERT INTO disputes (reference, contract_id, opened_by, reason_code, amount_disputed_minor,"
            + " currency) VALUES (?, ?, ?, 'quality', ?, 'USD')",
        reference,
        seed.contract(),
        seed.client(),
        amount);
  }

  private static void approve(Connection c, long checkpoint, String reviewer) throws SQLException {
    update(
        c,
        "INSERT INTO release_approvals (checkpoint_id, reviewer, decision) VALUES (?, ?, 'approve')",
        checkpoint,
        reviewer);
  }

  private static void join(Connection c, long workspace, long user) throws SQLException {
    update(
        c,
        "INSERT INTO workspace_members (workspace_id, user_id, role) VALUES (?, ?, 'member')",
        workspace,
        user);
  }

  private static void setPayout(Connection c, long checkpoint, String payout) throws SQLException {
    update(
        c, "UPDATE escrow_checkpoints SET payout_reference = ? WHERE id = ?", payout, checkpoint);
  }

  private static long insertJournal(Connection c, String key) throws SQLException {
    return id(
        c,
        "INSERT INTO journals (idempotency_key, request_fingerprint, kind, description)"
            + " VALUES (?, 'fp', 'correction', 'test')",
        key);
  }

  private static void postBalanced(Connection c, String key) throws SQLException {
    long journal = insertJournal(c, key);
    Fixtures.entry(c, journal, seed.holdingWallet(), "debit", 100);
    Fixtures.entry(c, journal, seed.freelancerWallet(), "credit", 100);
  }
}
