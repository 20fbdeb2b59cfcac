package dev.arbiter.app.releases;

import dev.arbiter.app.common.MoneyFormat;
import dev.arbiter.persistence.escrow.CheckpointGates;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Turns a checkpoint's gates into the badges the queue and the checkpoint view show. */
final class GateBadges {

  private GateBadges() {}

  static List<Badge> of(
      CheckpointGates gates,
      String currency,
      Instant autoReleaseAt,
      Instant now,
      MoneyFormat money) {
    return List.of(
        csat(gates),
        dispute(gates),
        funds(gates, currency, money),
        approvals(gates),
        autoRelease(autoReleaseAt, now));
  }

  static Badge csat(CheckpointGates g) {
    if (g.csatThreshold() == null) {
      return new Badge("CSAT: no threshold", "CSAT ok", true);
    }
    String score = g.csatScore() == null ? "not rated" : plain(g.csatScore());
    String text = "CSAT " + score + " / " + plain(g.csatThreshold());
    if (g.csatOk()) {
      return new Badge(text, "CSAT " + score, true);
    }
    return g.csatPasses()
        ? new Badge(text + " (overridden)", "CSAT overridden", true)
        : new Badge(
            text + (g.overrideGiven() ? " (override: 2nd approver needed)" : ""),
            "CSAT " + score + " < " + plain(g.csatThreshold()),
            false);
  }

  static Badge dispute(CheckpointGates g) {
    return switch (g.openDisputes()) {
      case 0 -> new Badge("No open dispute", "No dispute", true);
      case 1 -> new Badge("1 open dispute", "Disputed", false);
      default ->
          new Badge(g.openDisputes() + " open disputes", "Disputed ×" + g.openDisputes(), false);
    };
  }

  static Badge funds(CheckpointGates g, String currency, MoneyFormat money) {
    return g.fundsHeld()
        ? new Badge("Funds held", "Funded", true)
        : new Badge(
            "Held "
                + money.format(g.escrowHeldMinor(), currency)
                + " of "
                + money.format(g.remainingMinor(), currency),
            "Short of funds",
            false);
  }

  static Badge approvals(CheckpointGates g) {
    return new Badge(
        g.approvals() + " of " + g.approvalsNeeded() + " approvals",
        g.approvals() + "/" + g.approvalsNeeded() + " approved",
        g.enoughApprovals());
  }

  static Badge autoRelease(Instant at, Instant now) {
    if (at == null) {
      return new Badge("No auto-release", "No auto", true);
    }
    Duration left = Duration.between(now, at);
    if (left.isNegative()) {
      return new Badge("Auto-release overdue", "Auto overdue", false);
    }
    long hours = left.toHours();
    String in = hours < 48 ? hours + " h" : left.toDays() + " d";
    return new Badge("Auto-release in " + in, "Auto " + in, true);
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().scale() < 2
        ? value.setScale(2).toPlainString()
        : value.toPlainString();
  }
}
