package dev.arbiter.persistence.escrow;

import dev.arbiter.persistence.ledger.MoneyFunctions;
import dev.arbiter.persistence.ledger.MoneyResult;
import dev.arbiter.persistence.session.StaffDatabase;
import javax.sql.DataSource;

/**
 * Carries out a reviewer's checkpoint actions through the database's money functions, each in its
 * own transaction under the reviewer's own login. The database decides; this only asks.
 */
public final class ReleaseService {

  private final MoneyFunctions money;

  public ReleaseService(StaffDatabase database) {
    this(database.dataSource());
  }

  public ReleaseService(DataSource dataSource) {
    this.money = new MoneyFunctions(dataSource);
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

  /** What a release would do now, judged by the database and rolled back. */
  public MoneyResult preview(CheckpointAction.Release release) {
    return money.previewRelease(
        release.checkpointId(), release.amountMinor(), release.idempotencyKey());
  }
}
