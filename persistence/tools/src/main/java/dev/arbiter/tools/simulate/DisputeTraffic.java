package dev.arbiter.tools.simulate;

import dev.arbiter.tools.simulate.Candidates.Disputable;
import dev.arbiter.tools.simulate.Candidates.OpenDispute;
import java.sql.SQLException;
import java.util.Optional;

/** Parties opening disputes and writing on them, as the marketplace backend records it. */
final class DisputeTraffic {

  private static final String[] DEADLINE_ACTIONS = {
    "auto_escalate", "auto_resolve_payee", "auto_resolve_payer"
  };

  private static final String[] CLIENT_REASONS = {
    "not_delivered",
    "quality",
    "quality",
    "late_delivery",
    "scope",
    "unresponsive",
    "fraud",
    "other"
  };
  private static final String[] FREELANCER_REASONS = {
    "payment_issue", "payment_issue", "scope", "unresponsive", "other"
  };
  private static final String[] PRIORITIES = {
    "low", "normal", "normal", "normal", "high", "urgent"
  };

  private final Candidates candidates;
  private final References references;

  DisputeTraffic(Candidates candidates, References references) {
    this.candidates = candidates;
    this.references = references;
  }

  /**
   * A client (mostly) or freelancer disputes a checkpoint that still has money in escrow: all of it
   * or part, never more than the checkpoint has left and the escrow holds.
   */
  Outcome open(Tx tx) throws SQLException {
    Optional<Disputable> target = candidates.disputable.take(tx.c, tx.r);
    if (target.isEmpty()) {
      return Outcome.refused("dispute opened", Refusals.NO_CANDIDATE);
    }
    Disputable t = target.get();
    boolean byClient = tx.r.nextInt(10) < 7;
    long opener = byClient ? t.clientId() : t.freelancerId();
    String reason = MarketplaceText.pick(tx.r, byClient ? CLIENT_REASONS : FREELANCER_REASONS);
    String priority = "fraud".equals(reason) ? "urgent" : MarketplaceText.pick(tx.r, PRIORITIES);
    long amount =
        tx.r.nextInt(10) < 6
            ? t.maxMinor()
            : Math.max(1, t.maxMinor() * (20 + tx.r.nextInt(80)) / 100);
    String channel = MarketplaceText.channel(tx.r);
    tx.actAs(MarketplaceText.user(opener, channel));
    Long id = insert(tx, t, opener, reason, priority, amount, channel);
    if (id == null) {
      // Someone else took the reference: catch up with the numbering and try once more.
      references.resync(tx.c);
      id = insert(tx, t, opener, reason, priority, amount, channel);
      if (id == null) {
        return Outcome.refused("dispute opened", "duplicate dispute reference");
      }
    }
    tx.update(
        "INSERT INTO dispute_messages (dispute_id, author_user_id, visibility, body)"
            + " VALUES (?, ?, 'parties', ?)",
        id,
        opener,
        MarketplaceText.opening(byClient, tx.r));
    candidates.openDisputes.offer(new OpenDispute(id, t.clientId(), t.freelancerId()));
    return Outcome.done("dispute opened");
  }

  private Long insert(
      Tx tx, Disputable t, long opener, String reason, String priority, long amount, String channel)
      throws SQLException {
    boolean soon = tx.r.nextInt(5) == 0;
    return tx.firstId(
        "INSERT INTO disputes (reference, contract_id, escrow_id, checkpoint_id, opened_by,"
            + " reason_code, priority, amount_disputed_minor, currency, response_due_at,"
            + " deadline_action, metadata)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, now() + make_interval(mins => ?), ?,"
            + " jsonb_build_object('channel', ?::text, 'client_version', ?::text))"
            + " ON CONFLICT (reference) DO NOTHING RETURNING id",
        references.take("DSP"),
        t.contractId(),
        t.escrowId(),
        t.checkpointId(),
        opener,
        reason,
        priority,
        amount,
        t.currency(),
        // One case in five falls due within minutes, so a demo shows the worker acting on it.
        soon ? 1 + tx.r.nextInt(4) : 60 * (48 + tx.r.nextInt(8 * 24)),
        soon
            ? DEADLINE_ACTIONS[tx.r.nextInt(DEADLINE_ACTIONS.length)]
            : tx.r.nextInt(10) < 7 ? "auto_escalate" : null,
        channel,
        "4." + tx.r.nextInt(12) + "." + tx.r.nextInt(5));
  }

  /**
   * A party writes on an open dispute. A reply to a case that was waiting for the parties puts it
   * back under review, as the backend does when the awaited answer arrives.
   */
  Outcome message(Tx tx) throws SQLException {
    Optional<OpenDispute> target = candidates.openDisputes.pick(tx.c, tx.r);
    if (target.isEmpty()) {
      return Outcome.refused("message posted", Refusals.NO_CANDIDATE);
    }
    OpenDispute d = target.get();
    boolean byClient = tx.r.nextBoolean();
    long author = byClient ? d.clientId() : d.freelancerId();
    tx.actAs(MarketplaceText.user(author, MarketplaceText.channel(tx.r)));
    Long id =
        tx.firstId(
            "INSERT INTO dispute_messages (dispute_id, author_user_id, visibility, body)"
                + " SELECT ?, ?, 'parties', ? WHERE EXISTS (SELECT 1 FROM disputes"
                + " WHERE id = ? AND status NOT IN ('resolved', 'closed')) RETURNING id",
            d.id(),
            author,
            MarketplaceText.message(byClient, tx.r),
            d.id());
    if (id == null) {
      candidates.openDisputes.forget(d);
      return Outcome.refused("message posted", "dispute closed meanwhile");
    }
    candidates.messages.offer(
        new Candidates.PartyMessage(id, author, d.clientId(), d.freelancerId()));
    int reopened =
        tx.update(
            "UPDATE disputes SET status = 'under_review' WHERE id = ? AND status = 'awaiting_parties'",
            d.id());
    return Outcome.done(reopened > 0 ? "reply to awaited dispute" : "message posted");
  }
}
