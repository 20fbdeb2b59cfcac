package dev.arbiter.persistence.audit;

import java.util.Optional;

/**
 * The outcome of verifying the audit chain.
 *
 * @param rowsChecked entries read and found sound before the verification ended
 * @param lastVerified the last sound entry (genesis if none); on an intact chain it is the head,
 *     and safe to export as an anchor
 * @param firstBreak the first bad entry, or {@code null} when the chain is intact
 */
public record ChainVerification(long rowsChecked, ChainAnchor lastVerified, ChainBreak firstBreak) {

  public boolean intact() {
    return firstBreak == null;
  }

  public Optional<ChainBreak> breakFound() {
    return Optional.ofNullable(firstBreak);
  }
}
