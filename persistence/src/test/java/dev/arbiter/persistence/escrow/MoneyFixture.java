package dev.arbiter.persistence.escrow;

import static dev.arbiter.persistence.contract.Fixtures.id;
import static dev.arbiter.persistence.contract.Fixtures.next;
import static dev.arbiter.persistence.contract.Fixtures.update;
import static dev.arbiter.persistence.contract.Fixtures.value;

import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Funded escrows and checkpoints for money tests, written as the owner ({@code db.migrator()}).
 * Funding goes through {@code fund_escrow}, so the ledger is consistent from the first row and
 * {@code ledger verify} has nothing to report until a test breaks something.
 */
public final class MoneyFixture {

  /** One contract with its funded escrow. */
  public record Deal(long client, long freelancer, long contract, long escrow, String currency) {}

  private MoneyFixture() {}

  /**
   * A contract between a new client and a new freelancer, with an escrow funded by {@code funded}.
   */
  public static Deal deal(Connection owner, String currency, long funded) throws SQLException {
    long client = Fixtures.user(owner, "client");
    long freelancer = Fixtures.user(owner, "freelancer");
    long contract =
        id(
            owner,
            "INSERT INTO contracts (reference, kind, title, client_id, freelancer_id, currency,"
                + " value_minor, csat_score) VALUES (?, 'fixed_price', ?, ?, ?, ?, ?, 4.50)",
            "FP-" + next(),
            "Website rebuild " + next(),
            client,
            freelancer,
            currency,
            Math.max(funded, 1));
    long escrow =
        id(owner, "INSERT INTO escrows (contract_id, currency) VALUES (?, ?)", contract, currency);
    if (funded > 0) {
      fund(owner, escrow, funded);
    }
    return new Deal(client, freelancer, contract, escrow, currency);
  }

  public static void fund(Connection owner, long escrow, long amount) throws SQLException {
    String result =
        (String)
            value(owner, "SELECT fund_escrow(?, ?, ?)::text", escrow, amount, "fund-" + next());
    if (!result.contains("\"outcome\": \"ok\"")) {
      throw new IllegalStateException("funding refused: " + result);
    }
  }

  /** A submitted checkpoint of {@code amount}, requested by {@code requestedBy}. */
  public static long submitted(
      Connection owner, Deal deal, long amount, String requirement, String requestedBy)
      throws SQLException {
    return id(
        owner,
        "INSERT INTO escrow_checkpoints (escrow_id, seq, label, amount_minor, currency, status,"
            + " approval_requirement, submitted_at, requested_by, auto_release_at)"
            + " VALUES (?, ?, ?, ?, ?, 'submitted', ?, now() - interval '1 hour', ?,"
            + " now() + interval '5 days')",
        deal.escrow(),
        next(),
        "Milestone " + next(),
        amount,
        deal.currency(),
        requirement,
        requestedBy);
  }

  /**
   * Submits a pending checkpoint again, as the marketplace backend does after a rejection: the
   * database stamps a new review round, in which earlier approvals no longer count.
   */
  public static void resubmit(TestDatabase db, long checkpoint) throws SQLException {
    try (Connection backend = db.as("demo_backend")) {
      update(
          backend,
          "UPDATE escrow_checkpoints SET status = 'submitted' WHERE id = ? AND status = 'pending'",
          checkpoint);
    }
  }

  /** An approved single-approval checkpoint, approved by {@code approver}. */
  public static long approved(Connection owner, Deal deal, long amount, String approver)
      throws SQLException {
    long checkpoint = submitted(owner, deal, amount, "single", "requester_login");
    approval(owner, checkpoint, approver, null);
    update(owner, "UPDATE escrow_checkpoints SET status = 'approved' WHERE id = ?", checkpoint);
    return checkpoint;
  }

  public static void approval(Connection owner, long checkpoint, String reviewer, String override)
      throws SQLException {
    update(
        owner,
        "INSERT INTO release_approvals (checkpoint_id, reviewer, decision, override_reason)"
            + " VALUES (?, ?, 'approve', ?)",
        checkpoint,
        reviewer,
        override);
  }

  /**
   * {@code count} approved checkpoints of {@code amount} spread over {@code deals} funded escrows,
   * each approved by {@code approver}; set-based, for the race test and the benchmark.
   */
  public static List<Long> approvedBatch(
      Connection owner, int deals, int count, long amount, String approver) throws SQLException {
    List<Long> ids = new ArrayList<>();
    int perDeal = (count + deals - 1) / deals;
    for (int d = 0; d < deals && ids.size() < count; d++) {
      int here = Math.min(perDeal, count - ids.size());
      Deal deal = deal(owner, "USD", amount * here);
      long first = next();
      for (int i = 0; i < here; i++) {
        next();
      }
      try (var ps =
          owner.prepareStatement(
              "INSERT INTO escrow_checkpoints (escrow_id, seq, label, amount_minor, currency,"
                  + " status, approval_requirement, submitted_at, requested_by)"
                  + " SELECT ?, ? + g, 'Batch milestone ' || g, ?, 'USD', 'approved', 'single',"
                  + " now() - interval '1 hour', 'requester_login'"
                  + " FROM generate_series(1, ?) g RETURNING id")) {
        ps.setLong(1, deal.escrow());
        ps.setLong(2, first);
        ps.setLong(3, amount);
        ps.setInt(4, here);
        try (var rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getLong(1));
          }
        }
      }
      update(
          owner,
          "INSERT INTO release_approvals (checkpoint_id, reviewer, decision)"
              + " SELECT id, ?, 'approve' FROM escrow_checkpoints WHERE escrow_id = ?",
          approver,
          deal.escrow());
    }
    return ids;
  }

  public static void csat(Connection owner, long contract, String score) throws SQLException {
    update(
        owner,
        "UPDATE contracts SET csat_score = CAST(? AS numeric) WHERE id = ?",
        score,
        contract);
  }

  public static void threshold(Connection owner, long checkpoint, String threshold)
      throws SQLException {
    update(
        owner,
        "UPDATE escrow_checkpoints SET csat_threshold = CAST(? AS numeric) WHERE id = ?",
        threshold,
        checkpoint);
  }

  /** A dispute on the deal in {@code status}, naming {@code checkpoint} when not null. */
  public static long dispute(
      Connection owner, Deal deal, Long checkpoint, String status, long amountDisputed)
      throws SQLException {
    return id(
        owner,
        "INSERT INTO disputes (reference, contract_id, escrow_id, checkpoint_id, opened_by,"
            + " reason_code, amount_disputed_minor, currency, status, metadata)"
            + " VALUES (?, ?, ?, ?, ?, 'quality', ?, ?, ?, '{\"summary\": \"Work incomplete\"}')",
        Fixtures.disputeReference(),
        deal.contract(),
        deal.escrow(),
        checkpoint,
        deal.client(),
        amountDisputed,
        deal.currency(),
        status);
  }

  /** A settlement proposed by {@code proposedBy} (stamped as the owner may). */
  public static long settlement(
      Connection owner,
      long dispute,
      String outcome,
      long payee,
      long payer,
      String currency,
      String proposedBy)
      throws SQLException {
    return id(
        owner,
        "INSERT INTO settlements (dispute_id, outcome, payee_minor, payer_minor, currency, reason,"
            + " proposed_by) VALUES (?, ?, ?, ?, ?, 'Both parties agreed on the call', ?)",
        dispute,
        outcome,
        payee,
        payer,
        currency,
        proposedBy);
  }

  public static long longValue(Connection c, String sql, Object... params) throws SQLException {
    Object v = value(c, sql, params);
    return v == null ? 0 : ((Number) v).longValue();
  }
}
