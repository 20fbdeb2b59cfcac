package dev.arbiter.persistence.audit;

import java.text.NumberFormat;
import java.util.Optional;

/**
 * The outcome of verifying the audit chain.
 *
 * @param rowsChecked entries found sound before the verification ended
 * @param lastVerified the last sound entry (genesis if none); on an intact chain it is the head,
 *     and safe to export as an anchor
 * @param firstBreak the first bad entry, or {@code null} when the chain is intact
 * @param linksOnly how many of the {@code rowsChecked} entries the verifying login may not read, so
 *     that they were checked by their links only (each links to the entry before it, its own hash
 *     taken as given), not by their content; 0 for an admin or the superuser, who read every entry
 */
public record ChainVerification(
    long rowsChecked, ChainAnchor lastVerified, ChainBreak firstBreak, long linksOnly) {

  public boolean intact() {
    return firstBreak == null;
  }

  public Optional<ChainBreak> breakFound() {
    return Optional.ofNullable(firstBreak);
  }

  /**
   * A sentence for the operator when some entries were checked by their links only: what the
   * verdict rests on, and who can check the rest. Empty when every entry's content was checked.
   */
  public Optional<String> linksOnlyNote(NumberFormat counts) {
    if (linksOnly == 0) {
      return Optional.empty();
    }
    return Optional.of(
        counts.format(linksOnly)
            + (linksOnly == 1
                ? " entry you may not read was checked by its link only"
                : " entries you may not read were checked by their links only")
            + "; verify as an admin to check their content.");
  }
}
