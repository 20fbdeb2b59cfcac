package dev.arbiter.tools.simulate;

import dev.arbiter.persistence.access.Jdbc;
import dev.arbiter.tools.simulate.Candidates.Disputable;
import dev.arbiter.tools.simulate.Candidates.Submittable;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** Clients hiring freelancers: new contracts with checkpoints, funded through the escrow. */
final class ContractTraffic {

  private static final String[] KINDS = {
    "fixed_price", "fixed_price", "gig_order", "project_stage"
  };
  private static final String[] CURRENCIES = {"USD", "USD", "USD", "EUR", "EUR", "GBP"};
  private static final String[] REQUIREMENTS = {"single", "single", "single", "auto", "dual"};
  private static final String[] TITLES = {
    "Landing page redesign",
    "Mobile app onboarding flow",
    "Logo and brand guide",
    "Product description copywriting",
    "Shopify store setup",
    "Data pipeline for monthly reports",
    "Explainer video, 60 seconds",
    "API integration with the billing provider",
  };

  private final Candidates candidates;
  private final References references;

  ContractTraffic(Candidates candidates, References references) {
    this.candidates = candidates;
    this.references = references;
  }

  /**
   * The client starts a contract with two to four checkpoints, then payments funds its escrow with
   * the whole value ({@code fund_escrow}, the one money function the backend may call).
   */
  Outcome start(Tx tx) throws SQLException {
    Optional<Long> client = candidates.users.pick(tx.c, tx.r);
    Optional<Long> freelancer = candidates.users.pick(tx.c, tx.r);
    if (client.isEmpty() || freelancer.isEmpty() || client.equals(freelancer)) {
      return Outcome.refused("contract started", Refusals.NO_CANDIDATE);
    }
    String kind = MarketplaceText.pick(tx.r, KINDS);
    String currency = MarketplaceText.pick(tx.r, CURRENCIES);
    int count = kind.equals("gig_order") ? 1 : 2 + tx.r.nextInt(3);
    long[] amounts = new long[count];
    long value = 0;
    for (int i = 0; i < count; i++) {
      amounts[i] = (150 + tx.r.nextInt(2_350)) * 100L;
      value += amounts[i];
    }
    tx.actAs(MarketplaceText.user(client.get(), "web"));
    Long contract = insertContract(tx, kind, client.get(), freelancer.get(), currency, value);
    if (contract == null) {
      references.resync(tx.c);
      contract = insertContract(tx, kind, client.get(), freelancer.get(), currency, value);
      if (contract == null) {
        return Outcome.refused("contract started", "duplicate contract reference");
      }
    }
    long escrow =
        tx.firstId(
            "INSERT INTO escrows (contract_id, currency) VALUES (?, ?) RETURNING id",
            contract,
            currency);
    String requirement = MarketplaceText.pick(tx.r, REQUIREMENTS);
    long first = 0;
    for (int i = 0; i < count; i++) {
      long id =
          tx.firstId(
              "INSERT INTO escrow_checkpoints (escrow_id, seq, label, amount_minor, currency,"
                  + " approval_requirement) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
              escrow,
              i + 1,
              count == 1 ? "Full delivery" : "Milestone " + (i + 1) + " of " + count,
              amounts[i],
              currency,
              requirement);
      first = i == 0 ? id : first;
    }
    tx.actAs(MarketplaceText.service("payments"));
    String outcome = fund(tx, escrow, value);
    if (!"ok".equals(outcome)) {
      return Outcome.refused("contract started", "funding " + outcome);
    }
    candidates.submittable.offer(new Submittable(first, freelancer.get()));
    candidates.disputable.offer(
        new Disputable(
            first, escrow, contract, amounts[0], currency, client.get(), freelancer.get()));
    return Outcome.done("contract started and funded");
  }

  private Long insertContract(
      Tx tx, String kind, long client, long freelancer, String currency, long value)
      throws SQLException {
    return tx.firstId(
        "INSERT INTO contracts (reference, kind, title, client_id, freelancer_id, currency,"
            + " value_minor, started_at, metadata)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, now(), jsonb_build_object('channel', 'web'))"
            + " ON CONFLICT (reference) DO NOTHING RETURNING id",
        references.take(prefix(kind)),
        kind,
        MarketplaceText.pick(tx.r, TITLES),
        client,
        freelancer,
        currency,
        value);
  }

  private static String fund(Tx tx, long escrow, long value) throws SQLException {
    return Jdbc.list(
            tx.c,
            "SELECT fund_escrow(?, ?, ?) ->> 'outcome' AS outcome",
            row -> row.text("outcome"),
            escrow,
            value,
            "simulate-fund-" + UUID.randomUUID())
        .get(0);
  }

  private static String prefix(String kind) {
    return switch (kind) {
      case "gig_order" -> "GIG";
      case "hourly" -> "HRL";
      case "project_stage" -> "PRJ";
      default -> "FIX";
    };
  }
}
