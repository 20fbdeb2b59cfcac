package dev.arbiter.tools.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Disputes on a contract's checkpoints. The latest dispute on a checkpoint decides its state (an
 * open case holds it, a settled one released or refunded it); earlier ones on the same checkpoint
 * were dismissed. Resolved cases carry their executed settlement and its journal.
 */
final class Disputes {

  private static final String[] STATUSES = {
    "open", "under_review", "awaiting_parties", "escalated", "settling", "resolved", "closed"
  };
  private static final String[] OUTCOMES = {
    "release_to_payee", "refund_to_payer", "split", "dismissed"
  };
  private static final String[] CLIENT_REASONS = {
    "not_delivered", "quality", "late_delivery", "scope", "unresponsive", "fraud", "other"
  };
  private static final String[] SELLER_REASONS = {
    "payment_issue", "scope", "unresponsive", "other"
  };
  private static final String[] PRIORITIES = {"low", "normal", "high", "urgent"};

  /** A dispute decided before it is written, because it shapes its checkpoint. */
  static final class Draft {
    long id;
    Checkpoint cp;
    boolean decisive;
    boolean detailed;
    String status;
    String outcome;
    long payee;
    long payer;
    long openedAt;
    long resolvedAt;
    boolean byClient;
    String reason;
    String priority;
    String resolvedBy;

    boolean active() {
      return resolvedAt == 0;
    }

    String reference() {
      return "DSP-" + DemoWorld.padded(id, 6);
    }
  }

  private final DemoWorld world;
  private final Settlements settlements;
  private final Threads threads;

  Disputes(DemoWorld world, Ledger ledger) {
    this.world = world;
    this.settlements = new Settlements(world, ledger);
    this.threads = new Threads(world);
  }

  /** Decides {@code count} disputes over the checkpoints and applies them to the checkpoints. */
  List<Draft> plan(SplittableRandom r, Deal deal, List<Checkpoint> cps, int count, long earliest) {
    List<Draft> drafts = new ArrayList<>(count);
    if (count == 0) {
      return drafts;
    }
    int k = cps.size();
    int[] perCheckpoint = new int[k];
    int offset = r.nextInt(k);
    for (int i = 0; i < count; i++) {
      perCheckpoint[(offset + i) % k]++;
    }
    double activeShare = activeShare(count, Math.min(count, k));
    for (int j = 0; j < k; j++) {
      if (perCheckpoint[j] == 0) {
        continue;
      }
      Draft decisive = decisive(r, deal, cps.get(j), earliest, activeShare);
      long windowEnd = decisive.openedAt - 2 * DemoWorld.DAY;
      for (int h = 1; h < perCheckpoint[j]; h++) {
        drafts.add(history(r, deal, cps.get(j), earliest, windowEnd));
      }
      decisive.id = world.nextId(DemoTable.DISPUTES);
      drafts.add(decisive);
      apply(r, decisive, deal);
    }
    return drafts;
  }

  /** Writes the disputes with their settlements, messages and evidence. */
  void write(Batch batch, SplittableRandom r, Deal deal, long escrowId, List<Draft> drafts) {
    for (Draft d : drafts) {
      boolean active = d.active();
      String assigned =
          d.status.equals("open")
              ? (r.nextInt(10) < 3 ? DemoWorld.SUPPORT : null)
              : (active && r.nextInt(100) < 8 ? null : DemoWorld.SUPPORT);
      long due =
          active
              ? d.openedAt + DemoWorld.between(r, 2 * DemoWorld.DAY, 10 * DemoWorld.DAY)
              : d.openedAt + 3 * DemoWorld.DAY;
      long updated =
          active
              ? DemoWorld.between(r, d.openedAt, world.base - 60)
              : d.status.equals("closed")
                  ? Math.min(
                      d.resolvedAt + DemoWorld.between(r, DemoWorld.DAY, 7 * DemoWorld.DAY),
                      world.base - 60)
                  : d.resolvedAt;
      boolean money = !active && !"dismissed".equals(d.outcome);
      batch
          .rows(
              DemoTable.DISPUTES,
              active ? (assigned != null ? assigned : DemoWorld.BACKEND) : d.resolvedBy)
          .add(d.id)
          .add(d.reference())
          .add(deal.id())
          .add(escrowId)
          .add(d.cp.id)
          .add(d.byClient ? deal.client() : deal.seller())
          .add(d.reason)
          .add(d.priority)
          .add(d.status)
          .add(assigned)
          .add(d.cp.amount)
          .add(deal.currency())
          .time(due)
          .add(deadlineAction(r, d.status))
          .add(active ? null : d.outcome)
          .add(money ? String.valueOf(d.payee) : null)
          .add(money ? String.valueOf(d.payer) : null)
          .add(active ? null : DemoText.resolution(d.outcome))
          .add(d.resolvedBy)
          .time(d.resolvedAt)
          .add(metadata(r))
          .time(d.openedAt)
          .time(Math.max(updated, d.openedAt))
          .end();
      settlements.write(batch, r, deal, escrowId, d);
      if (d.decisive || d.detailed) {
        threads.write(batch, r, deal, d, assigned != null);
      }
    }
  }

  /**
   * The share of a contract's decisive disputes still open. Half in the base demo, a busy desk; at
   * scale as many as leave about one dispute in ten open, as on a marketplace whose history is
   * mostly settled (only the latest dispute on a checkpoint can be open, the others are history).
   */
  private double activeShare(int disputes, int decisive) {
    return world.scale.openWork() < 1 ? Math.min(0.7, 0.1 * disputes / decisive) : 0.5;
  }

  private Draft decisive(
      SplittableRandom r, Deal deal, Checkpoint cp, long earliest, double activeShare) {
    Draft d = draft(r, deal, cp, true);
    d.status = STATUSES[DemoWorld.weighted(r, 12, 14, 10, 7, 7, 22, 28)];
    if (activeShare != 0.5) {
      d.status =
          r.nextDouble() < activeShare
              ? STATUSES[DemoWorld.weighted(r, 12, 14, 10, 7, 7)]
              : STATUSES[5 + DemoWorld.weighted(r, 22, 28)];
    }
    if (d.status.equals("resolved") || d.status.equals("closed")) {
      long latest = world.base - 10 * DemoWorld.DAY;
      long from = Math.min(Math.max(earliest, cp.submittedAt), latest);
      d.openedAt = DemoWorld.between(r, from, latest);
      d.resolvedAt =
          Math.min(
              d.openedAt + DemoWorld.between(r, 2 * DemoWorld.DAY, 25 * DemoWorld.DAY),
              world.base - DemoWorld.HOUR);
      d.outcome = OUTCOMES[DemoWorld.weighted(r, 30, 30, 28, 12)];
      d.resolvedBy = r.nextInt(10) < 7 ? DemoWorld.FINANCE : DemoWorld.FINANCE2;
      shares(r, d);
    } else {
      // Most open cases are days old; one in seven has been stuck for weeks.
      long age =
          r.nextInt(7) == 0
              ? DemoWorld.between(r, 12 * DemoWorld.DAY, 60 * DemoWorld.DAY)
              : DemoWorld.between(r, DemoWorld.HOUR, 12 * DemoWorld.DAY);
      d.openedAt = Math.max(earliest + DemoWorld.DAY, world.base - age);
      if (d.status.equals("settling")) {
        d.outcome = OUTCOMES[DemoWorld.weighted(r, 25, 25, 45, 5)];
        shares(r, d);
      }
    }
    return d;
  }

  private Draft history(
      SplittableRandom r, Deal deal, Checkpoint cp, long earliest, long windowEnd) {
    Draft d = draft(r, deal, cp, false);
    d.id = world.nextId(DemoTable.DISPUTES);
    d.status = r.nextInt(10) < 7 ? "closed" : "resolved";
    d.outcome = "dismissed";
    d.openedAt = DemoWorld.between(r, earliest, windowEnd - DemoWorld.DAY);
    d.resolvedAt =
        Math.min(
            d.openedAt + DemoWorld.between(r, DemoWorld.DAY, 8 * DemoWorld.DAY),
            world.base - DemoWorld.HOUR);
    d.resolvedBy = r.nextInt(10) < 7 ? DemoWorld.FINANCE : DemoWorld.FINANCE2;
    d.detailed = r.nextDouble() < world.scale.historyDetail();
    return d;
  }

  private static Draft draft(SplittableRandom r, Deal deal, Checkpoint cp, boolean decisive) {
    Draft d = new Draft();
    d.cp = cp;
    d.decisive = decisive;
    d.byClient = r.nextInt(10) < 7;
    d.reason = DemoNames.pick(r, d.byClient ? CLIENT_REASONS : SELLER_REASONS);
    int priority = DemoWorld.weighted(r, 20, 50, 22, 8);
    d.priority = PRIORITIES[d.reason.equals("fraud") ? Math.max(priority, 2) : priority];
    return d;
  }

  private static void shares(SplittableRandom r, Draft d) {
    long amount = d.cp.amount;
    switch (d.outcome) {
      case "release_to_payee" -> d.payee = amount;
      case "refund_to_payer" -> d.payer = amount;
      case "split" -> {
        d.payee = Math.max(1, Math.min(amount - 1, amount * (20 + r.nextInt(61)) / 100));
        d.payer = amount - d.payee;
      }
      default -> {}
    }
  }

  /** What the decisive dispute did to its checkpoint. */
  private void apply(SplittableRandom r, Draft d, Deal deal) {
    Checkpoint cp = d.cp;
    if (d.active()) {
      resetMoney(cp);
      if (world.scale.openWork() < 1 && r.nextDouble() >= world.scale.openWork()) {
        cp.submittedAt = 0; // raised before delivery: nothing is held for review
        cp.autoReleaseAt = 0;
        return;
      }
      cp.submit(
          r,
          Math.max(
              deal.created() + 2 * DemoWorld.HOUR,
              d.openedAt - DemoWorld.between(r, DemoWorld.HOUR, 5 * DemoWorld.DAY)));
      if (r.nextInt(100) < 65) {
        cp.status = "on_hold";
        cp.holdReason =
            "Dispute " + d.reference() + " opened by the " + (d.byClient ? "client" : "freelancer");
        cp.changedAt = d.openedAt + DemoWorld.HOUR;
      } else {
        cp.status = "submitted";
      }
      return;
    }
    if (d.outcome.equals("dismissed")) {
      return;
    }
    resetMoney(cp);
    if (cp.submittedAt == 0) {
      cp.submit(r, Math.max(deal.created() + 2 * DemoWorld.HOUR, d.openedAt - DemoWorld.HOUR));
    }
    cp.settledByDispute = true;
    if (d.outcome.equals("release_to_payee")) {
      cp.release(d.resolvedBy, d.resolvedAt);
    } else {
      cp.status = "refunded";
      cp.releasedMinor = d.payee;
      cp.changedAt = d.resolvedAt;
    }
  }

  private static void resetMoney(Checkpoint cp) {
    cp.status = "pending";
    cp.releasedMinor = 0;
    cp.releasedAt = 0;
    cp.releasedBy = null;
    cp.payoutReference = null;
    cp.holdReason = null;
    cp.settledByDispute = false;
  }

  private static String deadlineAction(SplittableRandom r, String status) {
    return switch (status) {
      case "open" -> r.nextInt(10) < 4 ? "auto_escalate" : null;
      case "awaiting_parties" ->
          r.nextInt(10) < 6
              ? (r.nextBoolean() ? "auto_resolve_payee" : "auto_resolve_payer")
              : null;
      case "under_review", "escalated" -> r.nextInt(10) == 0 ? "auto_escalate" : null;
      default -> null;
    };
  }

  private static String metadata(SplittableRandom r) {
    Json json =
        Json.object()
            .put("channel", DemoNames.pick(r, new String[] {"web", "ios", "android", "email"}))
            .put("client_version", "4." + r.nextInt(12) + "." + r.nextInt(5));
    if (r.nextInt(3) == 0) {
      json.putHundredths("_internal_fraud_score", r.nextInt(100));
    }
    if (r.nextInt(10) == 0) {
      json.put("private_contact_log", "Called the client twice, no answer");
    }
    return json.toString();
  }
}
