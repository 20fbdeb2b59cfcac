package dev.arbiter.persistence.ledger;

/**
 * One thing {@code ledger verify} found wrong.
 *
 * @param check which invariant failed
 * @param id the offending row: a journal, wallet, ledger entry, escrow, checkpoint or dispute id (0
 *     for a currency-wide total, or where the detail names the rows, as for currency mismatches)
 * @param detail the figures, in one line
 */
public record LedgerFinding(Check check, long id, String detail) {

  /** The ledger's invariants, in the order they are checked. */
  public enum Check {
    UNBALANCED_JOURNAL("journal"),
    WALLET_BALANCE("wallet"),
    BALANCE_AFTER_CHAIN("ledger entry"),
    ESCROW_TOTALS("escrow"),
    HOLDING_TOTAL("escrow holding"),
    CHECKPOINT_OVERPAID("checkpoint"),
    SETTLEMENT_PAID_TWICE("dispute"),
    CURRENCY_MISMATCH("currency");

    private final String subject;

    Check(String subject) {
      this.subject = subject;
    }

    /** What kind of row {@link LedgerFinding#id()} names. */
    public String subject() {
      return subject;
    }
  }

  /** E.g. {@code journal 42: does not balance in USD (net 100, 2 entries)}. */
  public String describe() {
    return check.subject() + (id == 0 ? "" : " " + id) + ": " + detail;
  }
}
