package dev.arbiter.persistence.escrow;

import java.time.Instant;
import java.util.Collection;

/**
 * The state of a checkpoint a reviewer's decision was based on: the row's version and a mark of the
 * decisions recorded on it (another reviewer's approval does not touch the row). The database
 * refuses the decision as stale when either moved since.
 *
 * @param version {@code escrow_checkpoints.version} as read
 * @param decisions {@link #decisionsMark} of the {@code release_approvals} rows as read
 */
public record CheckpointBasis(int version, int decisions) {

  /**
   * The mark of the decisions recorded on a checkpoint, as {@code checkpoint_decisions()} (V78)
   * computes it: it moves when a decision is added and when a reviewer decides again, since that
   * sets the decision's time afresh.
   */
  public static int decisionsMark(Collection<Instant> decidedAt) {
    long sum = 0;
    for (Instant at : decidedAt) {
      long micros =
          Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
      sum += Math.floorMod(micros, 1_000_003L);
    }
    return (int) ((decidedAt.size() * 1_000_003L + sum) % 2_147_483_647L);
  }
}
