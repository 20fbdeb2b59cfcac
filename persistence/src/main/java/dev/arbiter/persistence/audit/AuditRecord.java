package dev.arbiter.persistence.audit;

import dev.arbiter.model.audit.AuditActor;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One audit entry as staff may see it.
 *
 * @param id the entry's place in the chain
 * @param occurredAt when it was written (microseconds, as stored)
 * @param actor who caused it: the login, or the end user the backend named
 * @param dbUser the database login that made the change
 * @param action insert, update, delete, truncate or note
 * @param command the operator command it belongs to, if the client named one
 * @param entityType the table
 * @param entityId the row's id; null for a truncate
 * @param requestId the request id the writer set, if any
 * @param clientInfo the client's application name
 * @param oldValues the row before, as JSON text with hidden keys removed unless shown to an admin
 * @param newValues the row after, likewise
 * @param hiddenKeys how many keys were removed from the two values for this reader
 * @param changes the field-by-field comparison of the (masked) values
 * @param prevHash hex of the hash this entry links to
 * @param hash hex of the entry's own hash
 */
public record AuditRecord(
    long id,
    Instant occurredAt,
    String actor,
    String dbUser,
    String action,
    String command,
    String entityType,
    String entityId,
    String requestId,
    String clientInfo,
    String oldValues,
    String newValues,
    int hiddenKeys,
    List<FieldChange> changes,
    String prevHash,
    String hash) {

  public AuditRecord {
    changes = List.copyOf(changes);
  }

  /** Who the entry is for together with the login that wrote it, to show as one. */
  public AuditActor by() {
    return new AuditActor(actor, dbUser);
  }

  /** The fields whose value differs, in order. */
  public List<FieldChange> changedFields() {
    return changes.stream().filter(FieldChange::changed).toList();
  }

  /** One line for a table cell: what changed, e.g. {@code status: open → under_review; version}. */
  public String summary() {
    if (action.equals("truncate")) {
      return "every row removed";
    }
    if (!action.equals("update")) {
      return changes.size() + (changes.size() == 1 ? " field" : " fields");
    }
    List<FieldChange> changed = changedFields();
    if (changed.isEmpty()) {
      return "no visible change";
    }
    return changed.stream()
        .map(
            c ->
                c.before().length() + c.after().length() <= 40
                    ? c.path() + ": " + c.before() + " → " + c.after()
                    : c.path())
        .collect(Collectors.joining("; "));
  }
}
