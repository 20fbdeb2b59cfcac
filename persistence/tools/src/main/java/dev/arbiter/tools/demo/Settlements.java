package dev.arbiter.tools.demo;

import java.util.SplittableRandom;

/**
 * Settlements: proposed by support, executed by finance. A case being settled has one open
 * proposal; a resolved case has its executed settlement (sometimes after one sent back) and, when
 * money moved, the journal that moved it; an escalated case may have a withdrawn proposal.
 *
 * <p>An executed settlement and its journal point at each other; the settlement is inserted
 * executed, naming a journal written just after it (the loader defers that one foreign key).
 */
final class Settlements {

  private final DemoWorld world;
  private final Ledger ledger;

  Settlements(DemoWorld world, Ledger ledger) {
    this.world = world;
    this.ledger = ledger;
  }

  void write(Batch batch, SplittableRandom r, Deal deal, long escrowId, Disputes.Draft d) {
    switch (d.status) {
      case "settling" -> {
        long at = DemoWorld.between(r, d.openedAt + DemoWorld.HOUR, world.base - 60);
        row(batch, d, deal, d.outcome, d.payee, d.payer, "proposed", at, null, 0, null, 0);
      }
      case "escalated" -> {
        // Keyed on the id, so that every load, whatever its seed, has withdrawn proposals.
        if (d.id % 3 == 0) {
          long at =
              DemoWorld.between(r, d.openedAt + DemoWorld.HOUR, world.base - 2 * DemoWorld.HOUR);
          long withdrawn = DemoWorld.between(r, at + 60, world.base - 60);
          row(
              batch,
              d,
              deal,
              "split",
              d.cp.amount / 2,
              d.cp.amount - d.cp.amount / 2,
              "withdrawn",
              at,
              DemoWorld.SUPPORT,
              withdrawn,
              "Parties rejected the split; escalating instead.",
              0);
        }
      }
      case "resolved", "closed" -> {
        if (!d.decisive && !d.detailed) {
          return;
        }
        long proposed =
            DemoWorld.between(r, d.openedAt + DemoWorld.HOUR, d.resolvedAt - DemoWorld.HOUR);
        if (d.decisive && d.id % 4 == 1) {
          long earlier = DemoWorld.between(r, d.openedAt, proposed);
          row(
              batch,
              d,
              deal,
              "refund_to_payer",
              0,
              d.cp.amount,
              "sent_back",
              earlier,
              DemoWorld.FINANCE,
              Math.min(earlier + DemoWorld.HOUR, proposed),
              "A full refund does not match the evidence; please revise.",
              0);
        }
        executed(batch, r, deal, escrowId, d, proposed);
      }
      default -> {}
    }
  }

  private void executed(
      Batch batch, SplittableRandom r, Deal deal, long escrowId, Disputes.Draft d, long proposed) {
    long settlement = world.idsUsed(DemoTable.SETTLEMENTS) + 1;
    long journal = 0;
    if (d.payee + d.payer > 0) {
      journal = world.nextId(DemoTable.JOURNALS);
      ledger.open(
          batch,
          r,
          journal,
          "settlement",
          "Settlement of " + d.reference() + " (" + d.outcome + ")",
          "settle|" + settlement + "|" + d.payee + "|" + d.payer,
          escrowId,
          d.cp.id,
          settlement,
          d.resolvedBy,
          d.resolvedAt);
      long fee = deal.fee(d.payee);
      ledger.debit(Ledger.HOLDING, 0, deal.currency(), d.payee + d.payer);
      ledger.credit(Ledger.USER, deal.seller(), deal.currency(), d.payee - fee);
      ledger.credit(Ledger.FEE, 0, deal.currency(), fee);
      ledger.credit(Ledger.USER, deal.client(), deal.currency(), d.payer);
    }
    row(
        batch,
        d,
        deal,
        d.outcome,
        d.payee,
        d.payer,
        "executed",
        proposed,
        d.resolvedBy,
        d.resolvedAt,
        "Executed as proposed.",
        journal);
  }

  private long row(
      Batch batch,
      Disputes.Draft d,
      Deal deal,
      String outcome,
      long payee,
      long payer,
      String status,
      long proposedAt,
      String decidedBy,
      long decidedAt,
      String note,
      long journal) {
    long id = world.nextId(DemoTable.SETTLEMENTS);
    String actor = decidedBy != null ? decidedBy : DemoWorld.SUPPORT;
    batch
        .rows(DemoTable.SETTLEMENTS, actor)
        .add(id)
        .add(d.id)
        .add(outcome)
        .add(payee)
        .add(payer)
        .add(deal.currency())
        .add(reason(outcome, d))
        .add(status)
        .add(DemoWorld.SUPPORT)
        .time(proposedAt)
        .add(decidedBy)
        .time(decidedAt)
        .add(note)
        .ref(journal)
        .time(decidedAt > 0 ? decidedAt : proposedAt)
        .end();
    return id;
  }

  private static String reason(String outcome, Disputes.Draft d) {
    return switch (outcome) {
      case "release_to_payee" -> "Delivery confirmed by the upload log; release in full.";
      case "refund_to_payer" ->
          "Nothing usable was delivered for " + d.cp.label + "; refund in full.";
      case "split" -> "Part of " + d.cp.label + " was delivered; split by the share of work done.";
      default -> "No breach of the contract found; dismiss the dispute.";
    };
  }
}
