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
      String requirement,
      Instant now,
      MoneyFormat money) {
    return List.of(
        csat(gates),
        dispute(gates),
        funds(gates, currency, money),
        approvals(gates),
        autoRelease(autoReleaseAt, requirement, now));
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

  /**
   * When the clock acts. Only an {@code auto} checkpoint is paid by it (the worker, once the gates
   * pass); a single or dual one past its time is overdue for a person and tops the queue.
   */
  static Badge autoRelease(Instant at, String requirement, Instant now) {
    if (at == null) {
      return new Badge("No auto-release", "No auto", true);
    }
    Duration left = Duration.between(now, at);
    boolean auto = "auto".equals(requirement);
    if (left.isNegative()) {
      return auto
          ? new Badge("Auto-release due: the worker pays it once the gates pass", "Auto due", false)
          : new Badge(
              "Overdue since its auto-release time: a reviewer must decide (the clock never pays a "
                  + requirement
                  + " checkpoint)",
              "Overdue",
              false);
    }
    if (!auto) {
      String in = left.toHours() < 48 ? left.toHours() + " h" : left.toDays() + " d";
      return new Badge("Due for review in " + in, "Due " + in, true);
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
