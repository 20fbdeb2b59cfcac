package dev.arbiter.persistence.audit;

import java.util.List;

/**
 * Every change to one record, oldest first.
 *
 * @param entityType the table
 * @param entityId the record's id
 * @param changes its audit entries, oldest first, including truncates of its table
 * @param earlierOmitted true when the record has more entries than {@link
 *     RecordHistoryService#MAX_ENTRIES} and the oldest were left out
 */
public record RecordHistory(
    String entityType, String entityId, List<AuditRecord> changes, boolean earlierOmitted) {

  public RecordHistory {
    changes = List.copyOf(changes);
  }
}
