package dev.arbiter.tools.demo;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/** One escrow checkpoint while its contract is being generated, and how it is written. */
final class Checkpoint {

  private static final DateTimeFormatter PAYOUT_DAY = DateTimeFormatter.BASIC_ISO_DATE;

  final long id;
  final int seq;
  final String label;
  final long amount;
  final String requirement;
  final int csatThreshold;
  String status = "pending";
  long releasedMinor;
  long submittedAt;
  long autoReleaseAt;
  long releasedAt;
  long changedAt;
  String requestedBy;
  String holdReason;
  String releasedBy;
  String payoutReference;

  /** Money moved by a dispute settlement rather than by a release or refund of its own. */
  boolean settledByDispute;

  Checkpoint(long id, int seq, String label, long amount, String requirement, int csatThreshold) {
    this.id = id;
    this.seq = seq;
    this.label = label;
    this.amount = amount;
    this.requirement = requirement;
    this.csatThreshold = csatThreshold;
  }

  /** Whether the CSAT gate fails for a contract scored {@code csat} (-1: not yet scored). */
  boolean csatGateFails(int csat) {
    return csatThreshold >= 0 && (csat < 0 || csat < csatThreshold);
  }

  /** Refunded to the client: the part not released to the freelancer. */
  long refundedMinor() {
    return "refunded".equals(status) ? amount - releasedMinor : 0;
  }

  boolean funded() {
    return !"cancelled".equals(status);
  }

  void submit(SplittableRandom r, long at) {
    submittedAt = at;
    changedAt = at;
    if (requestedBy == null) {
      int who = DemoWorld.weighted(r, 80, 8, "single".equals(requirement) ? 12 : 0);
      requestedBy = new String[] {DemoWorld.BACKEND, DemoWorld.SUPPORT, DemoWorld.FINANCE}[who];
    }
    if ("auto".equals(requirement)) {
      autoReleaseAt = at + 5 * DemoWorld.DAY;
    }
  }

  void release(String by, long at) {
    status = "released";
    releasedMinor = amount;
    releasedBy = by;
    releasedAt = at;
    changedAt = at;
    String day = LocalDate.ofEpochDay(Math.floorDiv(at, DemoWorld.DAY)).format(PAYOUT_DAY);
    payoutReference = "PO-" + day + "-" + DemoWorld.padded(id, 7);
  }

  /** The reviewers who approve this checkpoint: never its requester, two when dual. */
  String[] approvers() {
    if ("dual".equals(requirement)) {
      return new String[] {DemoWorld.FINANCE, DemoWorld.FINANCE2};
    }
    return new String[] {
      DemoWorld.FINANCE.equals(requestedBy) ? DemoWorld.FINANCE2 : DemoWorld.FINANCE
    };
  }

  /** Who made the last change, to be named as the actor of the row. */
  String lastActor() {
    return switch (status) {
      case "released" -> DemoWorld.AUTO_RELEASE.equals(releasedBy) ? DemoWorld.BACKEND : releasedBy;
      case "approved" -> approvers()[approvers().length - 1];
      case "on_hold", "refunded" -> DemoWorld.FINANCE;
      default -> DemoWorld.BACKEND;
    };
  }

  void write(Batch batch, long escrowId, String currency, long createdAt) {
    batch
        .rows(DemoTable.ESCROW_CHECKPOINTS, lastActor())
        .add(id)
        .add(escrowId)
        .add(seq)
        .add(label)
        .add(amount)
        .add(releasedMinor)
        .add(refundedMinor())
        .add(currency)
        .add(status)
        .add(requirement)
        .hundredths(csatThreshold)
        .time(autoReleaseAt)
        .time(submittedAt)
        .add(submittedAt > 0 ? requestedBy : null)
        .add(holdReason)
        .time(releasedAt)
        .add(releasedBy)
        .add(payoutReference)
        .time(createdAt)
        .time(Math.max(createdAt, changedAt))
        .end();
  }
}
