package dev.arbiter.tools.demo;

import java.util.SplittableRandom;

/**
 * Moves a checkpoint along its normal life: finished ones released (or now and then refunded), the
 * current one somewhere in review, later ones still pending. Disputes override this later.
 */
final class Lifecycle {

  private Lifecycle() {}

  /**
   * @param position below zero for a finished checkpoint, zero for the current one, above zero for
   *     one still to come
   */
  static void advance(
      DemoWorld world,
      SplittableRandom r,
      Checkpoint cp,
      int position,
      boolean cancelledContract,
      long anchor,
      long created) {
    long earliest = created + 2 * DemoWorld.HOUR;
    long latest = world.base - 2 * DemoWorld.DAY;
    if (position > 0) {
      if (cancelledContract) {
        cancel(cp, Math.max(earliest, latest));
      }
      return;
    }
    if (position < 0) {
      long submitted = clamp(anchor - DemoWorld.between(r, 0, 2 * DemoWorld.DAY), earliest, latest);
      cp.submit(r, submitted);
      if (r.nextInt(100) < 8) {
        refund(r, cp, submitted, world.base);
      } else {
        release(world, r, cp, submitted);
      }
      return;
    }
    if (cancelledContract) {
      cancel(cp, Math.max(earliest, latest));
      return;
    }
    long recent =
        Math.max(earliest, world.base - DemoWorld.between(r, DemoWorld.HOUR, 14 * DemoWorld.DAY));
    switch (DemoWorld.weighted(r, 15, 40, 20, 12, 5, 3, 5)) {
      case 0 -> {}
      case 1 -> cp.submit(r, recent);
      case 2 -> {
        cp.submit(r, recent);
        if (!"auto".equals(cp.requirement)) {
          cp.status = "approved";
          cp.changedAt = DemoWorld.between(r, recent, world.base - 60);
        } else {
          cp.status = "submitted";
        }
      }
      case 3 -> {
        cp.submit(r, recent);
        cp.status = "on_hold";
        cp.holdReason = DemoText.holdReason(r);
        cp.changedAt = DemoWorld.between(r, recent, world.base - 60);
      }
      case 4 -> {
        cp.submit(r, recent);
        refund(r, cp, recent, world.base);
      }
      case 5 -> cancel(cp, recent);
      default -> {
        cp.submit(r, recent);
        release(world, r, cp, recent);
      }
    }
    if (cp.submittedAt > 0 && cp.status.equals("pending")) {
      cp.status = "submitted";
    }
  }

  static void release(DemoWorld world, SplittableRandom r, Checkpoint cp, long submitted) {
    long at = submitted + DemoWorld.between(r, 2 * DemoWorld.HOUR, 3 * DemoWorld.DAY);
    if ("auto".equals(cp.requirement)) {
      cp.release(DemoWorld.AUTO_RELEASE, Math.min(cp.autoReleaseAt, world.base - 60));
    } else {
      String[] approvers = cp.approvers();
      cp.release(approvers[approvers.length - 1], Math.min(at, world.base - 60));
    }
  }

  private static void refund(SplittableRandom r, Checkpoint cp, long from, long base) {
    cp.status = "refunded";
    cp.changedAt =
        Math.min(from + DemoWorld.between(r, DemoWorld.HOUR, 3 * DemoWorld.DAY), base - 60);
  }

  private static void cancel(Checkpoint cp, long at) {
    cp.status = "cancelled";
    cp.changedAt = at;
  }

  private static long clamp(long value, long min, long max) {
    return Math.max(min, Math.min(value, Math.max(min, max)));
  }
}
