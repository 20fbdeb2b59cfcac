package dev.arbiter.persistence.dashboard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * A small, hand-counted set of operational rows covering every figure on the dashboard, including
 * rows that must not be counted (resolved disputes, decided flags, released or pending checkpoints,
 * an escrow fully paid out). Inserted as the schema owner, which alone may insert rows in later
 * states. The app's UI test reuses it through the test-jar.
 */
public final class DashboardFixture {

  /** Open disputes per status as inserted. */
  public static final Map<String, Long> OPEN_DISPUTES =
      Map.of(
          "open", 3L, "under_review", 2L, "awaiting_parties", 1L, "escalated", 1L, "settling", 0L);

  public static final long SLA_BREACHED = 3;
  public static final long CHECKPOINTS_SUBMITTED = 2;
  public static final long CHECKPOINTS_APPROVED = 1;

  /** Open flags per severity as inserted. */
  public static final Map<String, Long> OPEN_FLAGS =
      Map.of("critical", 1L, "high", 2L, "medium", 0L, "low", 1L);

  /** Escrow money held per currency, in minor units; EUR is fully paid out and not listed. */
  public static final Map<String, Long> HELD =
      Map.of("BHD", 12_345L, "JPY", 150_000L, "USD", 120_000L);

  private final Connection owner;
  private int references;

  private DashboardFixture(Connection owner) {
    this.owner = owner;
  }

  /** Inserts the rows through {@code owner}, a connection acting as the schema owner. */
  public static void insert(Connection owner) throws SQLException {
    new DashboardFixture(owner).insertAll();
  }

  private void insertAll() throws SQLException {
    long client =
        id(
            "INSERT INTO users (email, display_name, kind) VALUES (?, ?, 'client')",
            "cleo.client@example.com",
            "Cleo Client");
    long freelancer =
        id(
            "INSERT INTO users (email, display_name, kind) VALUES (?, ?, 'freelancer')",
            "fred.freelancer@example.com",
            "Fred Freelancer");

    long usdContract = contract(client, freelancer, "USD", 200_000);
    long usdHeld = escrow(usdContract, "USD", 100_000, 25_000, 5_000, "partially_released");
    escrow(contract(client, freelancer, "USD", 50_000), "USD", 50_000, 0, 0, "held");
    escrow(contract(client, freelancer, "EUR", 20_000), "EUR", 20_000, 20_000, 0, "released");
    escrow(contract(client, freelancer, "JPY", 150_000), "JPY", 150_000, 0, 0, "held");
    escrow(contract(client, freelancer, "BHD", 12_345), "BHD", 12_345, 0, 0, "held");

    update(
        "INSERT INTO escrow_checkpoints (escrow_id, seq, label, amount_minor, released_minor, currency,"
            + " status, submitted_at, released_at, released_by, payout_reference)"
            + " VALUES (?, 1, 'Design', 25000, 25000, 'USD', 'released', now() - interval '9 days',"
            + " now() - interval '8 days', 'demo_finance', 'PAYOUT-FIXTURE-1')",
        usdHeld);
    checkpoint(usdHeld, 2, "submitted", "now() - interval '2 days'");
    checkpoint(usdHeld, 3, "submitted", "now() - interval '1 day'");
    checkpoint(usdHeld, 4, "approved", "now() - interval '3 days'");
    checkpoint(usdHeld, 5, "pending", "NULL");
    update(
        "INSERT INTO escrow_checkpoints (escrow_id, seq, label, amount_minor, currency, status,"
            + " submitted_at, hold_reason) VALUES (?, 6, 'Hold', 1000, 'USD', 'on_hold', now(),"
            + " 'waiting for the client')",
        usdHeld);

    dispute(usdContract, client, "open", "now() - interval '1 hour'");
    dispute(usdContract, client, "open", "now() + interval '2 days'");
    dispute(usdContract, client, "open", "NULL");
    dispute(usdContract, client, "under_review", "now() - interval '3 days'");
    dispute(usdContract, client, "under_review", "now() + interval '1 day'");
    dispute(usdContract, client, "awaiting_parties", "now() + interval '5 days'");
    dispute(usdContract, client, "escalated", "now() - interval '10 minutes'");
    for (String done : new String[] {"resolved", "closed"}) {
      update(
          "INSERT INTO disputes (reference, contract_id, opened_by, reason_code,"
              + " amount_disputed_minor, currency, status, response_due_at, outcome, resolved_by,"
              + " resolved_at) VALUES (?, ?, ?, 'quality', 5000, 'USD', ?, now() - interval '20 days',"
              + " 'dismissed', 'demo_support', now() - interval '1 day')",
          reference(),
          usdContract,
          client,
          done);
    }

    flag(client, "critical", "open", null);
    flag(client, "high", "open", null);
    flag(client, "high", "open", null);
    flag(client, "low", "open", null);
    flag(client, "high", "dismissed", "dismiss");
    flag(client, "critical", "actioned", "hide_content");
  }

  private long contract(long client, long freelancer, String currency, long value)
      throws SQLException {
    return id(
        "INSERT INTO contracts (reference, kind, title, client_id, freelancer_id, currency,"
            + " value_minor) VALUES (?, 'fixed_price', 'Fixture contract', ?, ?, ?, ?)",
        "FX-" + (1000 + ++references),
        client,
        freelancer,
        currency,
        value);
  }

  private long escrow(
      long contract, String currency, long funded, long released, long refunded, String status)
      throws SQLException {
    return id(
        "INSERT INTO escrows (contract_id, currency, funded_minor, released_minor,"
            + " refunded_minor, status) VALUES (?, ?, ?, ?, ?, ?)",
        contract,
        currency,
        funded,
        released,
        refunded,
        status);
  }

  private void checkpoint(long escrow, int seq, String status, String submittedAt)
      throws SQLException {
    update(
        "INSERT INTO escrow_checkpoints (escrow_id, seq, label, amount_minor, currency, status,"
            + " submitted_at) VALUES (?, ?, ?, 10000, 'USD', ?, "
            + submittedAt
            + ")",
        escrow,
        seq,
        "Milestone " + seq,
        status);
  }

  private void dispute(long contract, long openedBy, String status, String dueAt)
      throws SQLException {
    update(
        "INSERT INTO disputes (reference, contract_id, opened_by, reason_code,"
            + " amount_disputed_minor, currency, status, response_due_at)"
            + " VALUES (?, ?, ?, 'not_delivered', 5000, 'USD', ?, "
            + dueAt
            + ")",
        reference(),
        contract,
        openedBy,
        status);
  }

  private void flag(long reporter, String severity, String status, String decision)
      throws SQLException {
    if (decision == null) {
      update(
          "INSERT INTO moderation_flags (entity_type, entity_id, reporter_id, reason, severity)"
              + " VALUES ('user', ?, ?, 'spam', ?)",
          reporter,
          reporter,
          severity);
    } else {
      update(
          "INSERT INTO moderation_flags (entity_type, entity_id, reporter_id, reason, severity,"
              + " status, decision, decision_reason, decided_by, decided_at)"
              + " VALUES ('user', ?, ?, 'spam', ?, ?, ?, 'checked', 'demo_moderator', now())",
          reporter,
          reporter,
          severity,
          status,
          decision);
    }
  }

  private String reference() {
    return String.format("DSP-%06d", ++references);
  }

  private long id(String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = prepare(sql + " RETURNING id", params);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void update(String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = prepare(sql, params)) {
      ps.executeUpdate();
    }
  }

  private PreparedStatement prepare(String sql, Object... params) throws SQLException {
    PreparedStatement ps = owner.prepareStatement(sql);
    for (int i = 0; i < params.length; i++) {
      ps.setObject(i + 1, params[i]);
    }
    return ps;
  }
}
