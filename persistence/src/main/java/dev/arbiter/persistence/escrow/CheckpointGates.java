package dev.arbiter.persistence.escrow;

import dev.arbiter.persistence.access.Row;
import java.math.BigDecimal;

/**
 * A checkpoint's gates as the database judges them ({@code checkpoint_gates}): the release queue
 * shows them as pass/fail badges, and the release function refuses on the same figures.
 *
 * @param csatScore the contract's CSAT, null when not rated
 * @param csatThreshold the checkpoint's threshold, null when it has none
 * @param csatOk true when there is no threshold or the CSAT meets it
 * @param openDisputes open disputes on the checkpoint, its escrow or its contract
 * @param escrowHeldMinor funded minus released minus refunded on the escrow
 * @param remainingMinor what is left to release on the checkpoint
 * @param approvals distinct approvals of the current submission, the requester's excluded
 * @param approvalsNeeded 2 for dual approval or a failed CSAT gate, else 1
 * @param overrideGiven true when an approver wrote a CSAT override reason
 * @param payeeStatus the payee's account status
 */
public record CheckpointGates(
    BigDecimal csatScore,
    BigDecimal csatThreshold,
    boolean csatOk,
    int openDisputes,
    long escrowHeldMinor,
    long remainingMinor,
    int approvals,
    int approvalsNeeded,
    boolean overrideGiven,
    String payeeStatus) {

  /**
   * The gate columns of {@code checkpoint_gates}, aliased {@code g}, named as {@link #of} reads
   * them ({@code gate_} first, so they never clash with a checkpoint's own columns).
   */
  static final String COLUMNS =
      "g.csat_score AS gate_csat_score, g.csat_threshold AS gate_csat_threshold,"
          + " g.csat_ok AS gate_csat_ok, g.open_disputes AS gate_open_disputes,"
          + " least(g.escrow_held_minor, g.holding_balance_minor) AS gate_held_minor,"
          + " g.remaining_minor AS gate_remaining_minor, g.approvals AS gate_approvals,"
          + " g.approvals_needed AS gate_approvals_needed, g.override_given AS gate_override_given,"
          + " g.payee_status AS gate_payee_status";

  static CheckpointGates of(Row row) {
    return new CheckpointGates(
        row.decimal("gate_csat_score"),
        row.decimal("gate_csat_threshold"),
        row.getBoolean("gate_csat_ok"),
        row.getInt("gate_open_disputes"),
        row.getLong("gate_held_minor"),
        row.getLong("gate_remaining_minor"),
        row.getInt("gate_approvals"),
        row.getInt("gate_approvals_needed"),
        row.getBoolean("gate_override_given"),
        row.text("gate_payee_status"));
  }

  /** The CSAT gate passes, or is overridden in writing by two approvers. */
  public boolean csatPasses() {
    return csatOk || (overrideGiven && approvals >= 2);
  }

  public boolean fundsHeld() {
    return escrowHeldMinor >= remainingMinor;
  }

  public boolean noOpenDispute() {
    return openDisputes == 0;
  }

  public boolean enoughApprovals() {
    return approvals >= approvalsNeeded;
  }

  public boolean payeeInGoodStanding() {
    return !"suspended".equals(payeeStatus) && !"closed".equals(payeeStatus);
  }

  /** Every gate passes: a release by someone other than the requester would go through. */
  public boolean allPass() {
    return csatPasses()
        && fundsHeld()
        && noOpenDispute()
        && enoughApprovals()
        && payeeInGoodStanding();
  }
}
