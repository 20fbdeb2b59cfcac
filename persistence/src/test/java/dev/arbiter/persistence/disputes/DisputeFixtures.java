package dev.arbiter.persistence.disputes;

import static dev.arbiter.persistence.contract.Fixtures.id;
import static dev.arbiter.persistence.contract.Fixtures.next;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Dispute rows for queue and case tests, written as the schema owner so they may start in any
 * status. Names and references are unique within the JVM.
 */
public final class DisputeFixtures {

  /** A contract between two named parties, with a held escrow of {@code heldMinor}. */
  public record Deal(
      long client, long freelancer, long contract, String contractReference, long escrow) {}

  private static final AtomicLong FILL_BASE = new AtomicLong(10_000_000);

  private DisputeFixtures() {}

  public static Deal deal(
      Connection owner, String clientName, String freelancerName, long heldMinor)
      throws SQLException {
    return deal(owner, clientName, freelancerName, heldMinor, "USD");
  }

  /** A deal in {@code currency}: its contract, escrow and disputes are all in it. */
  public static Deal deal(
      Connection owner, String clientName, String freelancerName, long heldMinor, String currency)
      throws SQLException {
    long client = user(owner, clientName, "client");
    long freelancer = user(owner, freelancerName, "freelancer");
    String reference = "GO-" + next();
    long contract =
        id(
            owner,
            "INSERT INTO contracts (reference, kind, title, client_id, freelancer_id, currency,"
                + " value_minor, metadata) VALUES (?, 'gig_order', 'Landing page', ?, ?, ?, 200000,"
                + " '{\"channel\": \"web\", \"_internal_risk\": \"high\", \"private_note\": \"vip\"}')",
            reference,
            client,
            freelancer,
            currency);
    long escrow =
        id(
            owner,
            "INSERT INTO escrows (contract_id, currency, funded_minor, status) VALUES (?, ?, ?,"
                + " 'held')",
            contract,
            currency,
            heldMinor);
    return new Deal(client, freelancer, contract, reference, escrow);
  }

  public static long user(Connection owner, String name, String kind) throws SQLException {
    return id(
        owner,
        "INSERT INTO users (email, display_name, kind) VALUES (?, ?, ?)",
        "u" + next() + "@example.test",
        name,
        kind);
  }

  /** A new dispute row; start from {@link #open} and adjust. */
  public static final class Row {
    String status = "open";
    String priority = "normal";
    String reason = "quality";
    long amount = 5000;
    String currency = "USD";
    String assignedTo;
    Instant due;
    String deadlineAction;
    Long escrow;
    String metadata = "{}";

    public Row status(String value) {
      status = value;
      return this;
    }

    public Row priority(String value) {
      priority = value;
      return this;
    }

    public Row reason(String value) {
      reason = value;
      return this;
    }

    public Row amount(long value, String currencyCode) {
      amount = value;
      currency = currencyCode;
      return this;
    }

    public Row assignedTo(String login) {
      assignedTo = login;
      return this;
    }

    public Row due(Instant when, String action) {
      due = when;
      deadlineAction = action;
      return this;
    }

    public Row escrow(Long value) {
      escrow = value;
      return this;
    }

    public Row metadata(String json) {
      metadata = json;
      return this;
    }

    /** Inserts the dispute on {@code deal} and returns its id. */
    public long insert(Connection owner, Deal deal) throws SQLException {
      boolean done = status.equals("resolved") || status.equals("closed");
      try (PreparedStatement ps =
          owner.prepareStatement(
              "INSERT INTO disputes (reference, contract_id, escrow_id, opened_by, reason_code,"
                  + " priority, status, assigned_to, amount_disputed_minor, currency,"
                  + " response_due_at, deadline_action, outcome, resolved_at, metadata)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) RETURNING id")) {
        ps.setString(1, String.format("DSP-%06d", next()));
        ps.setLong(2, deal.contract());
        ps.setObject(3, escrow == null ? deal.escrow() : escrow);
        ps.setLong(4, deal.client());
        ps.setString(5, reason);
        ps.setString(6, priority);
        ps.setString(7, status);
        ps.setString(8, assignedTo);
        ps.setLong(9, amount);
        ps.setString(10, currency);
        ps.setTimestamp(11, due == null ? null : Timestamp.from(due));
        ps.setString(12, deadlineAction);
        ps.setString(13, done ? "dismissed" : null);
        ps.setTimestamp(14, done ? Timestamp.from(Instant.now()) : null);
        ps.setString(15, metadata);
        try (var rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    }
  }

  /**
   * Binds the deals' contracts, then their escrows, then their clients from parameter {@code first}
   * on, for an insert that spreads rows over them; returns the next parameter's index.
   */
  public static int bindDeals(PreparedStatement ps, int first, Deal... deals) throws SQLException {
    int i = first;
    for (Deal d : deals) {
      ps.setLong(i++, d.contract());
    }
    for (Deal d : deals) {
      ps.setLong(i++, d.escrow());
    }
    for (Deal d : deals) {
      ps.setLong(i++, d.client());
    }
    return i;
  }

  public static Row open() {
    return new Row();
  }

  /**
   * Fills the table with {@code count} varied disputes over a few deals in one statement (statuses,
   * priorities, reasons, currencies, amounts, assignees and deadlines cycle at different rates), as
   * the owner.
   */
  public static void fill(Connection owner, int count) throws SQLException {
    // One deal per currency slot: a dispute is in its contract's currency.
    Deal[] deals = {
      deal(owner, "Alice Archer", "Bob Builder", 1_000_000, "USD"),
      deal(owner, "Carol Chen", "Dan Diaz", 1_000_000, "USD"),
      deal(owner, "Erin Evans", "Femi Fox", 1_000_000, "EUR"),
      deal(owner, "Gina Gray", "Hal Hart", 1_000_000, "GBP"),
      deal(owner, "Ivy Ito", "Jon Jones", 1_000_000, "JPY"),
    };
    long base = FILL_BASE.getAndAdd(count);
    try (PreparedStatement ps =
        owner.prepareStatement(
            "INSERT INTO disputes (reference, contract_id, escrow_id, opened_by, reason_code, priority,"
                + " status, assigned_to, amount_disputed_minor, currency, response_due_at,"
                + " deadline_action, outcome, resolved_at, opened_at)"
                + " SELECT 'DSP-' || (? + g), (ARRAY[?, ?, ?, ?, ?]::bigint[])[1 + g % 5],"
                + " (ARRAY[?, ?, ?, ?, ?]::bigint[])[1 + g % 5],"
                + " (ARRAY[?, ?, ?, ?, ?]::bigint[])[1 + g % 5],"
                + " (ARRAY['not_delivered','quality','scope','late_delivery','unresponsive','fraud',"
                + "'payment_issue','other'])[1 + g % 8],"
                + " (ARRAY['low','normal','high','urgent'])[1 + g % 4],"
                + " s.status,"
                + " (ARRAY[NULL, 'demo_support', 'demo_admin', NULL, NULL])[1 + g % 5],"
                + " 100 + (g * 7919) % 500000,"
                + " (ARRAY['USD','USD','EUR','GBP','JPY'])[1 + g % 5],"
                + " CASE WHEN g % 6 = 0 THEN NULL"
                + " ELSE now() + ((g * 37) % 400 - 100) * interval '1 hour' END,"
                + " CASE WHEN g % 6 = 1 THEN 'auto_escalate' END,"
                + " CASE WHEN s.status IN ('resolved', 'closed') THEN 'dismissed' END,"
                + " CASE WHEN s.status IN ('resolved', 'closed') THEN now() END,"
                + " now() - ((g * 53) % 10000) * interval '1 minute'"
                + " FROM generate_series(1, ?) g,"
                + " LATERAL (SELECT (ARRAY['open','under_review','awaiting_parties','escalated',"
                + "'settling','resolved','closed'])[1 + g % 7] AS status) s")) {
      ps.setLong(1, base);
      ps.setInt(bindDeals(ps, 2, deals), count);
      ps.executeUpdate();
    }
  }
}
