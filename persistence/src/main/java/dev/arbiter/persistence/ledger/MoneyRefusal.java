package dev.arbiter.persistence.ledger;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why the database refused to move money, as the money functions spell it in {@code outcome}. Each
 * carries the sentence the console shows; the function's own message adds the figures.
 */
public enum MoneyRefusal {
  NOT_FINANCE("not_finance", "Only members of Finance can move money."),
  INVALID_KEY("invalid_key", "The request carried no usable idempotency key."),
  IDEMPOTENCY_CONFLICT(
      "idempotency_conflict",
      "This request key was already used for a different request; nothing was done."),
  NOT_FOUND("not_found", "The record no longer exists."),
  STALE("stale", "It changed since you opened it; nothing was done."),
  ILLEGAL_STATUS("illegal_status", "The record is not in a status that allows this action."),
  ALREADY_RELEASED("already_released", "Already released: the money was paid out once."),
  ALREADY_REFUNDED("already_refunded", "Already refunded to the payer."),
  ALREADY_EXECUTED("already_executed", "The settlement was already executed."),
  ALREADY_DECIDED("already_decided", "You already decided on this submission."),
  SELF_APPROVAL(
      "self_approval",
      "Four-eyes rule: the person who requested or proposed this cannot approve or execute it."),
  SAME_PERSON(
      "same_person",
      "Four-eyes rule: a login created by the same person already decided on this submission."),
  DEACTIVATED("deactivated", "Your login was deactivated; ask an admin."),
  NOTHING_TO_REFUND("nothing_to_refund", "Nothing is left on the checkpoint to refund."),
  NEEDS_APPROVAL("needs_approval", "Not approved yet."),
  NEEDS_SECOND_APPROVER(
      "needs_second_approver", "A second, different reviewer has to approve this first."),
  CSAT_BELOW_THRESHOLD(
      "csat_below_threshold",
      "Customer satisfaction is below this checkpoint's threshold: release needs two approvers"
          + " and a written override reason."),
  OPEN_DISPUTE("open_dispute", "A dispute is open: settle it first."),
  INSUFFICIENT_FUNDS("insufficient_funds", "The escrow does not hold enough money for this."),
  INVALID_AMOUNT("invalid_amount", "The amount is not valid for this action."),
  AMOUNT_EXCEEDS_REMAINING(
      "amount_exceeds_remaining", "The amount is more than is left to release on the checkpoint."),
  REASON_REQUIRED("reason_required", "A written reason is required."),
  PAYEE_BLOCKED("payee_blocked", "The payee's account is suspended or closed."),
  CURRENCY_MISMATCH("currency_mismatch", "The currencies of the settlement and escrow differ."),
  NO_ESCROW("no_escrow", "The dispute names no single escrow to pay from.");

  private final String code;
  private final String text;

  MoneyRefusal(String code, String text) {
    this.code = code;
    this.text = text;
  }

  /** The database's spelling, e.g. {@code already_released}. */
  public String code() {
    return code;
  }

  /** One sentence for the reviewer. */
  public String text() {
    return text;
  }

  /** The refusal spelled {@code code}, or empty for {@code ok} and unknown codes. */
  public static Optional<MoneyRefusal> fromCode(String code) {
    return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
  }
}
