package dev.arbiter.persistence.escrow;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;

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

  /** The gate columns of {@code checkpoint_gates}, aliased {@code g}, in this record's order. */
  static final String COLUMNS =
      "g.csat_score, g.csat_threshold, g.csat_ok, g.open_disputes,"
          + " least(g.escrow_held_minor, g.holding_balance_minor), g.remaining_minor, g.approvals,"
          + " g.approvals_needed, g.override_given, g.payee_status";

  static CheckpointGates read(ResultSet rs, int first) throws SQLException {
    return new CheckpointGates(
        rs.getBigDecimal(first),
        rs.getBigDecimal(first + 1),
        rs.getBoolean(first + 2),
        rs.getInt(first + 3),
        rs.getLong(first + 4),
        rs.getLong(first + 5),
        rs.getInt(first + 6),
        rs.getInt(first + 7),
        rs.getBoolean(first + 8),
        rs.getString(first + 9));
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
