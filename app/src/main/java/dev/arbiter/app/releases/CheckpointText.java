package dev.arbiter.app.releases;

import dev.arbiter.app.common.DateTimes;
import dev.arbiter.app.common.MoneyFormat;
import dev.arbiter.persistence.escrow.CheckpointDetail;
import dev.arbiter.persistence.escrow.CheckpointDetail.Checkpoint;
import dev.arbiter.persistence.ledger.MoneyResult;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Words and figures of a checkpoint snapshot, in the reviewer's locale and time zone. */
public final class CheckpointText {

  /** One ledger entry as a row: the debit or credit column is empty. */
  public record LedgerLine(
      String journal,
      String account,
      String debit,
      String credit,
      String balanceAfter,
      String what) {}

  /** What the view shows, ready to bind. */
  public record Shown(
      long checkpointId,
      String title,
      String subtitle,
      String status,
      String amounts,
      String escrow,
      String requested,
      List<Badge> badges,
      List<String> checkpoints,
      List<String> approvals,
      List<LedgerLine> ledger,
      List<String> timeline,
      boolean canApprove,
      boolean canReject,
      boolean canHold,
      boolean canUnhold,
      boolean canRelease,
      boolean canRefund,
      String fourEyes,
      String approveRefusal) {}

  private final MoneyFormat money;
  private final DateTimes time;
  private final Clock clock;

  CheckpointText(MoneyFormat money, Locale locale, ZoneId zone, Clock clock) {
    this.money = money;
    this.time = new DateTimes(locale, zone);
    this.clock = clock;
  }

  /** What the database answered, its amounts in the currency's units. */
  String result(MoneyResult result) {
    return result.describe(money::format);
  }

  Shown of(CheckpointDetail d, String login) {
    Checkpoint cp = d.checkpoint();
    String cur = cp.currency();
    String status = cp.status();
    boolean mine = login.equals(cp.requestedBy());
    List<String> checkpoints =
        d.escrowCheckpoints().stream()
            .map(
                c ->
                    (c.id() == cp.id() ? "▸ " : "  ")
                        + "#"
                        + c.seq()
                        + " "
                        + c.label()
                        + " — "
                        + money.format(c.amountMinor(), cur)
                        + (c.releasedMinor() > 0 && c.releasedMinor() < c.amountMinor()
                            ? " (" + money.format(c.releasedMinor(), cur) + " released)"
                            : "")
                        + " — "
                        + CheckpointViewModel.statusText(c.status()))
            .toList();
    List<String> approvals =
        d.approvals().stream()
            .map(
                a ->
                    a.reviewerName()
                        + " ("
                        + a.reviewer()
                        + ") "
                        + (a.decision().equals("approve") ? "approved" : "rejected")
                        + " · "
                        + when(a.at())
                        + (a.note() == null ? "" : " — “" + a.note() + "”")
                        + (a.overrideReason() == null
                            ? ""
                            : " — CSAT override: “" + a.overrideReason() + "”"))
            .toList();
    List<LedgerLine> ledger =
        d.ledger().stream()
            .map(
                e ->
                    new LedgerLine(
                        "J" + e.journalId() + " " + e.journalKind(),
                        e.account(),
                        e.direction().equals("debit")
                            ? money.format(e.amountMinor(), e.currency())
                            : "",
                        e.direction().equals("credit")
                            ? money.format(e.amountMinor(), e.currency())
                            : "",
                        money.format(e.balanceAfter(), e.currency()),
                        e.description() + " · " + e.postedBy() + " · " + when(e.postedAt())))
            .toList();
    List<String> timeline =
        d.timeline().stream()
            .map(t -> when(t.at()) + " · " + t.by().text() + " · " + t.summary())
            .toList();
    String requested =
        (cp.requestedBy() == null
                ? "Requested by the marketplace"
                : "Requested by " + cp.requestedBy())
            + (cp.submittedAt() == null ? "" : " · submitted " + when(cp.submittedAt()))
            + (cp.holdReason() == null ? "" : " · on hold: " + cp.holdReason())
            + (cp.payoutReference() == null
                ? ""
                : " · paid out as " + cp.payoutReference() + " by " + cp.releasedBy());
    return new Shown(
        cp.id(),
        d.contract().reference() + " · #" + cp.seq() + " " + cp.label(),
        d.contract().title()
            + " · payer "
            + d.payer().name()
            + " → payee "
            + d.payee().name()
            + (d.payee().status().equals("active") ? "" : " (" + d.payee().status() + ")"),
        CheckpointViewModel.statusText(status) + " · " + cp.approvalRequirement() + " approval",
        "Amount "
            + money.format(cp.amountMinor(), cur)
            + " · released "
            + money.format(cp.releasedMinor(), cur)
            + " · left "
            + money.format(cp.remainingMinor(), cur),
        "Escrow "
            + d.escrow().id()
            + " ("
            + d.escrow().status().replace('_', ' ')
            + "): funded "
            + money.format(d.escrow().fundedMinor(), cur)
            + " · released "
            + money.format(d.escrow().releasedMinor(), cur)
            + " · refunded "
            + money.format(d.escrow().refundedMinor(), cur)
            + " · held "
            + money.format(d.escrow().heldMinor(), cur),
        requested,
        GateBadges.of(
            d.gates(), cur, cp.autoReleaseAt(), cp.approvalRequirement(), clock.instant(), money),
        checkpoints,
        approvals,
        ledger,
        timeline,
        approveRefusal(d, login, mine).isEmpty(),
        status.equals("submitted"),
        status.equals("submitted") || status.equals("approved"),
        status.equals("on_hold"),
        !mine && status.equals("approved"),
        List.of("pending", "submitted", "approved", "on_hold").contains(status),
        mine ? "You requested this release: another reviewer must approve and release it." : "",
        approveRefusal(d, login, mine));
  }

  /**
   * Why the reviewer cannot approve the checkpoint as read, by the rules approve_checkpoint applies
   * first; empty when they can. An approval counts for this submission when it was made after the
   * checkpoint was (last) submitted, since each submission resets who has decided.
   */
  static String approveRefusal(CheckpointDetail d, String login, boolean mine) {
    Checkpoint cp = d.checkpoint();
    if (!cp.status().equals("submitted") && !cp.status().equals("approved")) {
      return "Only a submitted or approved checkpoint can be approved; this one is "
          + CheckpointViewModel.statusText(cp.status()).toLowerCase(Locale.ROOT)
          + ".";
    }
    if (mine) {
      return "You requested this release: another reviewer must approve it.";
    }
    return d.approvals().stream()
        .filter(a -> a.reviewer().equals(login))
        .filter(
            a -> cp.submittedAt() == null || a.at() == null || !a.at().isBefore(cp.submittedAt()))
        .findFirst()
        .map(
            a ->
                "You already "
                    + (a.decision().equals("approve") ? "approved" : "rejected")
                    + " this submission"
                    + (cp.status().equals("submitted")
                        ? "; another reviewer must approve it."
                        : "."))
        .orElse("");
  }

  /** The exact entries a release will post, from the database's dry run. */
  String confirmation(CheckpointDetail d, MoneyResult preview) {
    String cur = d.checkpoint().currency();
    long amount = preview.amountMinor().orElse(0);
    long fee = preview.feeMinor().orElse(0);
    boolean full = "released".equals(preview.status());
    List<String> lines = new ArrayList<>();
    lines.add(
        "Release "
            + money.format(amount, cur)
            + " of "
            + d.contract().reference()
            + " #"
            + d.checkpoint().seq()
            + " to "
            + d.payee().name()
            + (full ? " (all that is left)" : " (partial)")
            + ". This posts:");
    lines.add("  Debit   Escrow holding   " + money.format(amount, cur));
    lines.add("  Credit  " + d.payee().name() + "   " + money.format(amount - fee, cur));
    if (fee > 0) {
      lines.add("  Credit  Platform fees   " + money.format(fee, cur));
    }
    lines.add(
        full
            ? "The checkpoint will be released in full."
            : "The checkpoint stays approved with "
                + money.format(d.checkpoint().remainingMinor() - amount, cur)
                + " still held.");
    return String.join("\n", lines);
  }

  private String when(Instant at) {
    return at == null ? "—" : time.dateTime(at);
  }
}
