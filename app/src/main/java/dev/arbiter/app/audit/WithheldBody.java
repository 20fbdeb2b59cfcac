package dev.arbiter.app.audit;

import dev.arbiter.persistence.audit.AuditRecord;
import dev.arbiter.persistence.audit.FieldChange;
import java.util.ArrayList;
import java.util.List;

/**
 * A private contact note's body is withheld from the audit log (V83): its entries hold {@code
 * "body": null} and the body's SHA-256 in {@code body_sha256}. Shown as stored, that reads as an
 * empty note beside an unexplained hash; this folds the two into one {@code body} field that says
 * the text was withheld and keeps the whole digest, so that the author can still check it.
 */
final class WithheldBody {

  private static final String TABLE = "contact_notes";
  private static final String BODY = "body";
  private static final String DIGEST = "body_sha256";

  private WithheldBody() {}

  /** The entry's field changes, with a withheld body and its digest as one field. */
  static List<FieldChange> changes(AuditRecord record) {
    List<FieldChange> changes = record.changes();
    if (!TABLE.equals(record.entityType())) {
      return changes;
    }
    FieldChange digest =
        changes.stream().filter(c -> c.path().equals(DIGEST)).findFirst().orElse(null);
    if (digest == null) {
      return changes;
    }
    List<FieldChange> folded = new ArrayList<>(changes.size() - 1);
    for (FieldChange change : changes) {
      if (change.path().equals(BODY)) {
        // The digest tells whether the text changed; the body is null on both sides.
        folded.add(
            new FieldChange(
                BODY,
                digest.kind(),
                text(change.before(), digest.before()),
                text(change.after(), digest.after())));
      } else if (change != digest) {
        folded.add(change);
      }
    }
    return List.copyOf(folded);
  }

  /** The changed fields of {@link #changes}, in order. */
  static List<FieldChange> changedFields(AuditRecord record) {
    return changes(record).stream().filter(FieldChange::changed).toList();
  }

  private static String text(String body, String digest) {
    return digest.isEmpty() ? body : "withheld: private note (sha256 " + digest + ")";
  }
}
