package dev.arbiter.tools.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One contract at a time: the contract, its escrow and checkpoints in every state, the approvals
 * behind each release, the disputes raised on it, and the journals that moved its money. The
 * escrow's totals are the sums of those journals, so the ledger and the escrows always agree.
 */
final class Contracts {

  private static final long STREAM = 3;

  private final DemoWorld world;
  private final People people;
  private final Ledger ledger;
  private final Disputes disputes;

  Contracts(DemoWorld world, People people, Ledger ledger) {
    this.world = world;
    this.people = people;
    this.ledger = ledger;
    this.disputes = new Disputes(world, ledger);
  }

  /** Writes contract number {@code index} with {@code disputeCount} disputes. */
  void generate(Batch batch, long index, int disputeCount) {
    SplittableRandom r = world.random(STREAM, index);
    long id = world.nextId(DemoTable.CONTRACTS);
    Deal deal = Deal.negotiate(world, people, r, id);
    boolean draft = disputeCount == 0 && r.nextInt(25) == 0;
    boolean unfunded = !draft && disputeCount == 0 && r.nextInt(20) == 0;
    boolean cancelled = !draft && !unfunded && r.nextInt(20) == 0;
    int count = deal.checkpointCount(r, disputeCount);
    long end = Math.min(deal.created() + deal.duration(r, count), world.base - DemoWorld.DAY);
    long step = Math.max(DemoWorld.HOUR, (end - deal.created()) / (count + 1));
    List<Checkpoint> checkpoints = new ArrayList<>(count);
    int progress = r.nextInt(count + 1);
    if (world.scale.openWork() < 1 && r.nextDouble() >= world.scale.openWork()) {
      progress = count; // finished: nothing left to review
    }
    for (int j = 0; j < count; j++) {
      Checkpoint cp = deal.checkpoint(world, r, j, count);
      long anchor = deal.created() + (j + 1) * step;
      if (!draft && !unfunded) {
        Lifecycle.advance(world, r, cp, j - progress, cancelled, anchor, deal.created());
      }
      checkpoints.add(cp);
    }
    List<Disputes.Draft> drafts =
        disputes.plan(r, deal, checkpoints, disputeCount, deal.created() + step);
    long escrowId = draft ? 0 : world.nextId(DemoTable.ESCROWS);
    long funded = 0;
    long released = 0;
    long refunded = 0;
    long lastMoney = deal.created() + DemoWorld.HOUR;
    boolean completed = !draft && !unfunded;
    for (Checkpoint cp : checkpoints) {
      funded += unfunded || draft || !cp.funded() ? 0 : cp.amount;
      released += cp.releasedMinor;
      refunded += cp.refundedMinor();
      lastMoney = Math.max(lastMoney, cp.releasedMinor + cp.refundedMinor() > 0 ? cp.changedAt : 0);
      completed &= cp.status.equals("released") || cp.status.equals("refunded");
    }
    String contractStatus =
        draft
            ? "draft"
            : cancelled
                ? "cancelled"
                : completed ? "completed" : paused(r, drafts) ? "paused" : "active";
    writeContract(batch, r, deal, contractStatus, checkpoints, lastMoney);
    if (draft) {
      return;
    }
    batch
        .rows(DemoTable.ESCROWS, DemoWorld.BACKEND)
        .add(escrowId)
        .add(id)
        .add(deal.currency())
        .add(funded)
        .add(released)
        .add(refunded)
        .add(escrowStatus(funded, released, refunded))
        .time(deal.created() + DemoWorld.HOUR)
        .time(lastMoney)
        .end();
    for (Checkpoint cp : checkpoints) {
      cp.write(batch, escrowId, deal.currency(), deal.created());
      Approvals.write(world, batch, r, cp, deal.csat());
    }
    money(batch, r, deal, escrowId, funded, checkpoints);
    disputes.write(batch, r, deal, escrowId, drafts);
    if (r.nextInt(100) == 0) {
      FlagGroups.write(
          world,
          batch,
          r,
          "contract",
          id,
          deal.seller(),
          FlagGroups.Outcome.values()[DemoWorld.weighted(r, 40, 20, 30, 10)],
          deal.created(),
          0,
          "fraud",
          "off_platform_payment");
    }
  }

  private static boolean paused(SplittableRandom r, List<Disputes.Draft> drafts) {
    for (Disputes.Draft d : drafts) {
      if (d.active()) {
        return r.nextInt(10) < 3;
      }
    }
    return false;
  }

  private static String escrowStatus(long funded, long released, long refunded) {
    if (funded == 0) {
      return "funding";
    }
    if (released + refunded < funded) {
      return released + refunded > 0 ? "partially_released" : "held";
    }
    return refunded == 0 ? "released" : released == 0 ? "refunded" : "closed";
  }

  private void writeContract(
      Batch batch,
      SplittableRandom r,
      Deal deal,
      String status,
      List<Checkpoint> checkpoints,
      long lastChange) {
    long value = 0;
    for (Checkpoint cp : checkpoints) {
      value += cp.amount;
    }
    Json metadata =
        Json.object()
            .put("source", DemoNames.pick(r, new String[] {"proposal", "invite", "catalog"}))
            .put(
                "category",
                DemoNames.pick(
                    r,
                    new String[] {
                      "design", "development", "writing", "marketing", "admin", "video"
                    }));
    if (r.nextInt(4) == 0) {
      metadata.put("_internal_margin_bps", deal.feeBasisPoints());
    }
    boolean ended = status.equals("completed") || status.equals("cancelled");
    batch
        .rows(DemoTable.CONTRACTS, DemoWorld.BACKEND)
        .add(deal.id())
        .add(deal.reference())
        .add(deal.kindName())
        .add(DemoText.title(r, deal.kindName()))
        .add(deal.client())
        .add(deal.seller())
        .ref(deal.workspace())
        .add(deal.currency())
        .add(value)
        .add(status)
        .hundredths(status.equals("draft") ? -1 : deal.csat())
        .add(metadata.toString())
        .time(status.equals("draft") ? 0 : deal.created() + DemoWorld.DAY / 2)
        .time(ended ? lastChange : 0)
        .time(deal.created())
        .time(lastChange)
        .end();
  }

  /** Funding, then one journal per release or refund that is not a dispute settlement. */
  private void money(
      Batch batch,
      SplittableRandom r,
      Deal deal,
      long escrowId,
      long funded,
      List<Checkpoint> checkpoints) {
    if (funded > 0) {
      long at = deal.created() + 2 * DemoWorld.HOUR;
      ledger.open(
          batch,
          r,
          world.nextId(DemoTable.JOURNALS),
          "funding",
          "Escrow funding for " + deal.reference(),
          "fund|" + escrowId + "|" + funded,
          escrowId,
          0,
          0,
          DemoWorld.BACKEND,
          at);
      ledger.debit(Ledger.CLEARING, 0, deal.currency(), funded);
      ledger.credit(Ledger.HOLDING, 0, deal.currency(), funded);
    }
    for (Checkpoint cp : checkpoints) {
      if (cp.settledByDispute || cp.releasedMinor + cp.refundedMinor() == 0) {
        continue;
      }
      long journal = world.nextId(DemoTable.JOURNALS);
      if (cp.status.equals("released")) {
        String by =
            DemoWorld.AUTO_RELEASE.equals(cp.releasedBy) ? DemoWorld.BACKEND : cp.releasedBy;
        ledger.open(
            batch,
            r,
            journal,
            "release",
            "Release of " + cp.label + " on " + deal.reference() + " (" + cp.payoutReference + ")",
            "release|" + cp.id + "|" + cp.amount,
            escrowId,
            cp.id,
            0,
            by,
            cp.releasedAt);
        ledger.debit(Ledger.HOLDING, 0, deal.currency(), cp.amount);
        ledger.credit(Ledger.USER, deal.seller(), deal.currency(), cp.amount - deal.fee(cp.amount));
        ledger.credit(Ledger.FEE, 0, deal.currency(), deal.fee(cp.amount));
      } else {
        ledger.open(
            batch,
            r,
            journal,
            "refund",
            "Refund of " + cp.label + " on " + deal.reference(),
            "refund|" + cp.id + "|" + cp.amount,
            escrowId,
            cp.id,
            0,
            DemoWorld.FINANCE,
            cp.changedAt);
        ledger.debit(Ledger.HOLDING, 0, deal.currency(), cp.amount);
        ledger.credit(Ledger.USER, deal.client(), deal.currency(), cp.amount);
      }
    }
  }
}
