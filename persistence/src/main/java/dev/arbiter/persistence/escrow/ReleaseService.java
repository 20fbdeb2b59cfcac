package dev.arbiter.persistence.escrow;

import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.ledger.MoneyFunctions;
import dev.arbiter.persistence.ledger.MoneyResult;

/**
 * Carries out a reviewer's checkpoint actions through the database's money functions, each in its
 * own transaction under the reviewer's own login. The database decides; this only asks.
 */
public final class ReleaseService {

  private final MoneyFunctions money;

  public ReleaseService(DataAccess access) {
    this.money = new MoneyFunctions(access);
  }

  /** Performs the action; a refusal comes back as a result, not an exception. */
  public MoneyResult perform(CheckpointAction action) {
    if (action instanceof CheckpointAction.Approve a) {
      return money.approve(a.checkpointId(), a.note(), a.overrideReason(), a.idempotencyKey());
    } else if (action instanceof CheckpointAction.Reject r) {
      return money.reject(r.checkpointId(), r.reason(), r.idempotencyKey());
    } else if (action instanceof CheckpointAction.Hold h) {
      return money.hold(h.checkpointId(), h.reason(), h.idempotencyKey());
    } else if (action instanceof CheckpointAction.Unhold u) {
      return money.unhold(u.checkpointId(), u.note(), u.idempotencyKey());
    } else if (action instanceof CheckpointAction.Release r) {
      return money.release(r.checkpointId(), r.amountMinor(), r.idempotencyKey());
    } else if (action instanceof CheckpointAction.Refund r) {
      return money.refund(r.checkpointId(), r.reason(), r.idempotencyKey());
    }
    throw new IllegalArgumentException("unknown action " + action);
  }

  /**
   * Performs the action only if the checkpoint is still as {@code basis} describes it; otherwise
   * the answer is the refusal {@code stale} (see {@link
   * dev.arbiter.persistence.ledger.MoneyRefusal#STALE}) and nothing was done. A key already used
   * replays its first answer, whatever the checkpoint looks like now.
   */
  public MoneyResult perform(CheckpointAction action, CheckpointBasis basis) {
    long id = action.checkpointId();
    int v = basis.version();
    int n = basis.decisions();
    String key = action.idempotencyKey();
    if (action instanceof CheckpointAction.Approve a) {
      return money.checkpointAt("approve", id, v, n, a.note(), a.overrideReason(), null, key);
    } else if (action instanceof CheckpointAction.Reject r) {
      return money.checkpointAt("reject", id, v, n, r.reason(), null, null, key);
    } else if (action instanceof CheckpointAction.Hold h) {
      return money.checkpointAt("hold", id, v, n, h.reason(), null, null, key);
    } else if (action instanceof CheckpointAction.Unhold u) {
      return money.checkpointAt("unhold", id, v, n, u.note(), null, null, key);
    } else if (action instanceof CheckpointAction.Release r) {
      return money.checkpointAt("release", id, v, n, null, null, r.amountMinor(), key);
    } else if (action instanceof CheckpointAction.Refund r) {
      return money.checkpointAt("refund", id, v, n, r.reason(), null, null, key);
    }
    throw new IllegalArgumentException("unknown action " + action);
  }

  /** What a release would do now, judged by the database and rolled back. */
  public MoneyResult preview(CheckpointAction.Release release) {
    return money.previewRelease(
        release.checkpointId(), release.amountMinor(), release.idempotencyKey());
  }
}
