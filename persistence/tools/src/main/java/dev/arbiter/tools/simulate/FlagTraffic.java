package dev.arbiter.tools.simulate;

import dev.arbiter.tools.simulate.Candidates.Parties;
import dev.arbiter.tools.simulate.Candidates.PartyMessage;
import java.sql.SQLException;
import java.util.Optional;

/** Users reporting messages, profiles and contracts to moderation. */
final class FlagTraffic {

  private static final String[] MESSAGE_REASONS = {
    "harassment", "spam", "off_platform_payment", "off_platform_payment", "inappropriate"
  };
  private static final String[] USER_REASONS = {"impersonation", "fraud", "spam", "inappropriate"};
  private static final String[] CONTRACT_REASONS = {"fraud", "off_platform_payment", "other"};
  private static final String[] SEVERITIES = {
    "low", "low", "low", "medium", "medium", "medium", "medium", "high", "high", "critical"
  };

  private final Candidates candidates;

  FlagTraffic(Candidates candidates) {
    this.candidates = candidates;
  }

  /** A party reports the other's message (most often), a user profile or a contract. */
  Outcome raise(Tx tx) throws SQLException {
    int roll = tx.r.nextInt(100);
    if (roll < 55) {
      Optional<PartyMessage> m = candidates.messages.pick(tx.c, tx.r);
      if (m.isPresent()) {
        PartyMessage msg = m.get();
        long reporter = msg.authorId() == msg.clientId() ? msg.freelancerId() : msg.clientId();
        return insert(tx, "dispute_message", msg.id(), reporter, MESSAGE_REASONS);
      }
    }
    if (roll < 80) {
      Optional<Long> subject = candidates.users.pick(tx.c, tx.r);
      Optional<Long> reporter = candidates.users.pick(tx.c, tx.r);
      if (subject.isPresent() && reporter.isPresent() && !subject.equals(reporter)) {
        return insert(tx, "user", subject.get(), reporter.get(), USER_REASONS);
      }
    }
    Optional<Parties> k = candidates.contracts.pick(tx.c, tx.r);
    if (k.isEmpty()) {
      return Outcome.refused("flag raised", Refusals.NO_CANDIDATE);
    }
    long reporter = tx.r.nextInt(4) == 0 ? k.get().clientId() : k.get().freelancerId();
    return insert(tx, "contract", k.get().contractId(), reporter, CONTRACT_REASONS);
  }

  private Outcome insert(Tx tx, String type, long entityId, long reporter, String[] reasons)
      throws SQLException {
    String reason = MarketplaceText.pick(tx.r, reasons);
    String details =
        "other".equals(reason) || tx.r.nextInt(10) < 6 ? MarketplaceText.flagDetails(tx.r) : null;
    tx.actAs(MarketplaceText.user(reporter, MarketplaceText.channel(tx.r)));
    tx.update(
        "INSERT INTO moderation_flags (entity_type, entity_id, reporter_id, reason, details,"
            + " severity) VALUES (?, ?, ?, ?, ?, ?)",
        type,
        entityId,
        reporter,
        reason,
        details,
        MarketplaceText.pick(tx.r, SEVERITIES));
    return Outcome.done(type.replace('_', ' ') + " flagged");
  }
}
