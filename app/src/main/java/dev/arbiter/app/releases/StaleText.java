package dev.arbiter.app.releases;

import dev.arbiter.app.releases.CheckpointDiff.FieldChange;
import dev.arbiter.persistence.escrow.CheckpointAction;
import dev.arbiter.persistence.escrow.CheckpointDetail;
import dev.arbiter.persistence.ledger.IdempotencyKeys;
import java.util.ArrayList;
import java.util.List;

/**
 * The words of a stale refusal: what changed between the checkpoint the reviewer decided on and the
 * checkpoint now, whether their action still makes sense, and the action to re-apply.
 */
final class StaleText {

  private StaleText() {}

  /** "Changed by Felix Finance:" then one field a line, "Status: Submitted → On hold". */
  static List<String> diff(CheckpointDiff diff, CheckpointDetail seen, CheckpointDetail now) {
    List<String> who = diff.changedBy(seen, now);
    List<FieldChange> changes = diff.between(seen, now);
    List<String> lines = new ArrayList<>();
    lines.add((who.isEmpty() ? "Changed meanwhile" : "Changed by " + String.join(", ", who)) + ":");
    if (changes.isEmpty()) {
      lines.add("(nothing you can see here; it was updated behind the scenes)");
    }
    changes.forEach(c -> lines.add(c.toString()));
    return lines;
  }

  /** Why {@code action} is no longer possible on the checkpoint as shown; empty when it is. */
  static String illegal(CheckpointAction action, CheckpointText.Shown now, String status) {
    boolean legal;
    if (action instanceof CheckpointAction.Approve) {
      legal = now.canApprove();
    } else if (action instanceof CheckpointAction.Reject) {
      legal = now.canReject();
    } else if (action instanceof CheckpointAction.Hold) {
      legal = now.canHold();
    } else if (action instanceof CheckpointAction.Unhold) {
      legal = now.canUnhold();
    } else if (action instanceof CheckpointAction.Release) {
      legal = now.canRelease();
    } else {
      legal = now.canRefund();
    }
    return legal
        ? ""
        : "Your " + verb(action) + " is no longer possible: the checkpoint is now " + status + ".";
  }

  /** The same action under a fresh key: it is a new request, made on the new state. */
  static CheckpointAction rekeyed(CheckpointAction action) {
    long id = action.checkpointId();
    if (action instanceof CheckpointAction.Approve a) {
      return new CheckpointAction.Approve(id, a.note(), a.overrideReason(), fresh("approve"));
    } else if (action instanceof CheckpointAction.Reject r) {
      return new CheckpointAction.Reject(id, r.reason(), fresh("reject"));
    } else if (action instanceof CheckpointAction.Hold h) {
      return new CheckpointAction.Hold(id, h.reason(), fresh("hold"));
    } else if (action instanceof CheckpointAction.Unhold u) {
      return new CheckpointAction.Unhold(id, u.note(), fresh("unhold"));
    } else if (action instanceof CheckpointAction.Release r) {
      return new CheckpointAction.Release(id, r.amountMinor(), fresh("release"));
    } else if (action instanceof CheckpointAction.Refund r) {
      return new CheckpointAction.Refund(id, r.reason(), fresh("refund"));
    }
    throw new IllegalArgumentException("unknown action " + action);
  }

  /** "approval", "hold", … */
  static String verb(CheckpointAction action) {
    if (action instanceof CheckpointAction.Approve) {
      return "approval";
    } else if (action instanceof CheckpointAction.Reject) {
      return "rejection";
    } else if (action instanceof CheckpointAction.Hold) {
      return "hold";
    } else if (action instanceof CheckpointAction.Unhold) {
      return "lifting of the hold";
    } else if (action instanceof CheckpointAction.Release) {
      return "release";
    }
    return "refund";
  }

  private static String fresh(String action) {
    return IdempotencyKeys.next(action);
  }
}
