package dev.arbiter.tools.demo;

import java.util.SplittableRandom;

/**
 * Finance decisions on checkpoints: one approval for {@code single}, two distinct reviewers for
 * {@code dual}, none for {@code auto}; a dual checkpoint may wait for its second approver, and a
 * rejection puts a checkpoint on hold. An approval past a failed CSAT gate states why.
 */
final class Approvals {

  private Approvals() {}

  static void write(DemoWorld world, Batch batch, SplittableRandom r, Checkpoint cp, int csat) {
    if ("auto".equals(cp.requirement) || cp.settledByDispute || cp.submittedAt == 0) {
      return;
    }
    long until = cp.releasedAt > 0 ? cp.releasedAt : world.base - 60;
    String[] approvers = cp.approvers();
    switch (cp.status) {
      case "approved", "released" -> {
        long at = cp.submittedAt;
        for (String reviewer : approvers) {
          at = DemoWorld.between(r, at + 60, until);
          approval(world, batch, cp, reviewer, "approve", at, csat);
        }
      }
      case "submitted" -> {
        if (approvers.length == 2 && r.nextInt(100) < 35) {
          long at = DemoWorld.between(r, cp.submittedAt + 60, until);
          approval(world, batch, cp, approvers[0], "approve", at, csat);
        }
      }
      case "on_hold" -> {
        if (cp.holdReason != null && !cp.holdReason.startsWith("Dispute") && r.nextBoolean()) {
          long at = Math.max(cp.submittedAt + 60, cp.changedAt - 60);
          approval(world, batch, cp, approvers[0], "reject", at, csat);
        }
      }
      default -> {}
    }
  }

  private static void approval(
      DemoWorld world,
      Batch batch,
      Checkpoint cp,
      String reviewer,
      String decision,
      long at,
      int csat) {
    boolean reject = decision.equals("reject");
    String override = null;
    if (!reject && cp.csatGateFails(csat)) {
      override =
          csat < 0
              ? "Client confirmed delivery by e-mail; the CSAT survey was never answered."
              : "Low score explained by the client's late feedback; the work meets the brief.";
    }
    batch
        .rows(DemoTable.RELEASE_APPROVALS, reviewer)
        .add(world.nextId(DemoTable.RELEASE_APPROVALS))
        .add(cp.id)
        .add(reviewer)
        .add(decision)
        .add(reject ? "Deliverable does not match the milestone scope: " + cp.holdReason : null)
        .add(override)
        .time(at)
        .end();
  }
}
