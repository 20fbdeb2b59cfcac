package dev.arbiter.persistence.audit;

import java.util.List;

/**
 * One page of entries, newest first.
 *
 * @param entries at most the page size, newest first
 * @param hasOlder whether older entries match the filter; ask with {@link #oldestId()}
 */
public record AuditPage(List<AuditRecord> entries, boolean hasOlder) {

  public AuditPage {
    entries = List.copyOf(entries);
  }

  /** The keyset for the next (older) page: pass it as {@code beforeId}. */
  public long oldestId() {
    return entries.isEmpty() ? 0 : entries.get(entries.size() - 1).id();
  }
}
