package dev.arbiter.app.releases;

import dev.arbiter.app.common.DateTimes;
import dev.arbiter.app.common.MoneyFormat;
import dev.arbiter.app.releases.SettlementsViewModel.SettlementItem;
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
        s.version());
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
