package dev.arbiter.persistence.ledger;

import java.time.Instant;
import java.util.List;

/**
 * The result of checking the ledger's invariants on one snapshot.
 *
 * @param asOf the snapshot's time
 * @param journals journals checked
 * @param entries ledger entries checked
 * @param wallets wallets checked
 * @param escrows escrows checked
 * @param findings what is wrong; empty when the ledger is consistent
 * @param truncated true when there were more findings than the report keeps
 */
public record LedgerReport(
    Instant asOf,
    long journals,
    long entries,
    long wallets,
    long escrows,
    List<LedgerFinding> findings,
    boolean truncated) {

  public LedgerReport {
    findings = List.copyOf(findings);
  }

  public boolean clean() {
    return findings.isEmpty();
  }
}
