package dev.arbiter.app.releases;

import dev.arbiter.app.common.DateTimes;
import dev.arbiter.app.common.MoneyFormat;
import dev.arbiter.app.releases.SettlementsViewModel.SettlementItem;
import dev.arbiter.persistence.ledger.MoneyResult;
import dev.arbiter.persistence.settlements.ProposedSettlement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How a proposed settlement reads in the list, and what changed between two readings of it. */
final class SettlementItems {

  private final MoneyFormat money;
  private final DateTimes time;

  SettlementItems(MoneyFormat money, Locale locale, ZoneId zone) {
    this.money = money;
    this.time = new DateTimes(locale, zone);
  }

  SettlementItem item(ProposedSettlement s) {
    String outcome =
        switch (s.outcome()) {
          case "release_to_payee" -> "Release to payee";
          case "refund_to_payer" -> "Refund to payer";
          case "split" -> "Split";
          default -> "Dismiss (no money moves)";
        };
    return new SettlementItem(
        s.settlementId(),
        s.disputeReference()
            + " · "
            + s.contractReference()
            + " · "
            + s.reasonCode().replace('_', ' ')
            + " · disputed "
            + money.format(s.amountDisputedMinor(), s.currency()),
        (s.disputeSummary().isBlank() ? "" : s.disputeSummary() + " — ") + "“" + s.reason() + "”",
        outcome,
        s.payee() + ": " + money.format(s.payeeMinor(), s.currency()),
        s.payer() + ": " + money.format(s.payerMinor(), s.currency()),
        s.heldMinor() < 0 ? "no escrow" : money.format(s.heldMinor(), s.currency()) + " held",
        s.heldMinor() >= s.totalMinor(),
        s.proposedByName() + " · " + (s.proposedAt() == null ? "" : time.dateTime(s.proposedAt())),
        s.version(),
        s);
  }

  /**
   * What executing {@code s} will post, entry by entry as {@code execute_settlement} posts it: the
   * payee's share out of escrow holding to the payee less the platform fee, then the payer's share
   * back to the payer. The fee is the one the database's dry run took.
   */
  String confirmation(SettlementItem item, MoneyResult preview) {
    ProposedSettlement s = item.proposal();
    String cur = s.currency();
    List<String> lines = new ArrayList<>();
    if (s.totalMinor() == 0) {
      lines.add(
          "Execute the settlement of "
              + s.disputeReference()
              + " on "
              + s.contractReference()
              + ": no money moves and no journal is posted.");
    } else {
      long fee = preview.feeMinor().orElse(0);
      lines.add(
          "Execute the settlement of "
              + s.disputeReference()
              + " ("
              + item.outcome()
              + ") on "
              + s.contractReference()
              + ". Its journal posts:");
      if (s.payeeMinor() > 0) {
        lines.add("  Debit   Escrow holding   " + money.format(s.payeeMinor(), cur));
        if (s.payeeMinor() > fee) {
          lines.add(
              "  Credit  "
                  + s.payee()
                  + " (freelancer)   "
                  + money.format(s.payeeMinor() - fee, cur));
        }
        if (fee > 0) {
          lines.add("  Credit  Platform fees   " + money.format(fee, cur));
        }
      }
      if (s.payerMinor() > 0) {
        lines.add("  Debit   Escrow holding   " + money.format(s.payerMinor(), cur));
        lines.add("  Credit  " + s.payer() + " (client)   " + money.format(s.payerMinor(), cur));
      }
      lines.add("Total out of escrow: " + money.format(s.totalMinor(), cur) + ".");
    }
    lines.add("The dispute is then resolved.");
    return String.join("\n", lines);
  }

  /** "Settlement for D-0009 executed: $20.00 to the client Carl, $40.00 to the freelancer Dana". */
  String executed(ProposedSettlement s, MoneyResult result) {
    String cur = s.currency();
    List<String> paid = new ArrayList<>();
    if (s.payerMinor() > 0) {
      paid.add(money.format(s.payerMinor(), cur) + " to the client " + s.payer());
    }
    if (s.payeeMinor() > 0) {
      long fee = result.feeMinor().orElse(0);
      paid.add(
          money.format(s.payeeMinor(), cur)
              + " to the freelancer "
              + s.payee()
              + (fee > 0 ? " (less a " + money.format(fee, cur) + " platform fee)" : ""));
    }
    return "Settlement for "
        + s.disputeReference()
        + " executed: "
        + (paid.isEmpty() ? "no money moved" : String.join(", ", paid))
        + (result.payoutReference() == null ? "" : " · payout " + result.payoutReference())
        + (result.replayed() ? " (already done earlier with this request)" : "");
  }

  /** The fields of a proposal that differ, "To payee: Dana: $40.00 → Dana: $50.00". */
  static List<String> changes(SettlementItem was, SettlementItem now) {
    List<String> lines = new ArrayList<>();
    change(lines, "Outcome", was.outcome(), now.outcome());
    change(lines, "To payee", was.toPayee(), now.toPayee());
    change(lines, "To payer", was.toPayer(), now.toPayer());
    change(lines, "Escrow", was.held(), now.held());
    change(lines, "Summary and reason", was.summary(), now.summary());
    if (lines.isEmpty()) {
      lines.add("(nothing you can see here; it was updated behind the scenes)");
    }
    return lines;
  }

  private static void change(List<String> lines, String field, String was, String now) {
    if (!was.equals(now)) {
      lines.add(field + ": " + was + " → " + now);
    }
  }
}
