package dev.arbiter.tools.simulate;

import dev.arbiter.tools.simulate.Candidates.Submittable;
import java.sql.SQLException;
import java.util.Optional;

/** Freelancers submitting delivered work for release. */
final class CheckpointTraffic {

  private final Candidates candidates;

  CheckpointTraffic(Candidates candidates) {
    this.candidates = candidates;
  }

  /**
   * Submits the next pending checkpoint of a funded, active contract (pending to submitted is the
   * one move the backend may make). The database stamps the submission: its time, its round and its
   * requester (the freelancer the backend acts for); an auto-release checkpoint gets its release
   * date five days out, or for one in three a few minutes out, so a demo shows the worker paying.
   */
  Outcome submit(Tx tx) throws SQLException {
    Optional<Submittable> target = candidates.submittable.take(tx.c, tx.r);
    if (target.isEmpty()) {
      return Outcome.refused("checkpoint submitted", Refusals.NO_CANDIDATE);
    }
    Submittable s = target.get();
    tx.actAs(MarketplaceText.user(s.freelancerId(), MarketplaceText.channel(tx.r)));
    int changed =
        tx.update(
            "UPDATE escrow_checkpoints SET status = 'submitted',"
                + " auto_release_at = CASE WHEN approval_requirement = 'auto'"
                + " THEN now() + make_interval(mins => ?) ELSE auto_release_at END"
                + " WHERE id = ? AND status = 'pending'",
            // One in three falls due within minutes, so a demo shows the worker paying it.
            tx.r.nextInt(3) == 0 ? 1 + tx.r.nextInt(3) : 5 * 24 * 60,
            s.checkpointId());
    return changed == 1
        ? Outcome.done("checkpoint submitted")
        : Outcome.refused("checkpoint submitted", "checkpoint no longer pending");
  }
}
