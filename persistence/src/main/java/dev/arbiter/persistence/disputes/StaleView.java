package dev.arbiter.persistence.disputes;

import dev.arbiter.model.disputes.Dispute;
import dev.arbiter.persistence.disputes.DisputeActionRefused.FieldChange;
import dev.arbiter.persistence.disputes.DisputeActionRefused.Reason;
import java.util.List;
import org.hibernate.Session;

/** Builds the refusal for an action based on a stale view: what changed, and who changed it. */
final class StaleView {

  private StaleView() {}

  static DisputeActionRefused refusal(Session session, Dispute now, DisputeSnapshot seen) {
    List<FieldChange> changes = changes(seen, now);
    Object[] last = lastUpdate(session, seen.id());
    String by = last == null ? "someone" : (String) last[0];
    String via = last == null || last[1] == null ? "" : " (" + last[1] + ")";
    String what =
        changes.isEmpty()
            ? "Nothing you can see differs, but the case was saved again."
            : "Changed: "
                + String.join(
                    "; ",
                    changes.stream()
                        .map(c -> c.field() + " " + c.seen() + " → " + c.now())
                        .toList())
                + ".";
    return new DisputeActionRefused(
        Reason.STALE,
        seen.reference()
            + " was changed by "
            + by
            + via
            + " after you opened it, so nothing was saved. "
            + what
            + " Review the case and try again.",
        null,
        changes);
  }

  static List<FieldChange> changes(DisputeSnapshot seen, Dispute now) {
    return DisputeChanges.fields(
        seen,
        new DisputeSnapshot(
            now.getId(),
            now.getReference(),
            now.getVersion(),
            now.getStatus(),
            now.getPriority(),
            now.getAssignedTo(),
            now.getResponseDueAt(),
            now.getDeadlineAction(),
            seen.amountMinor(),
            seen.currency()));
  }

  private static Object[] lastUpdate(Session session, long disputeId) {
    List<?> rows =
        session
            .createNativeQuery(
                "SELECT actor, command FROM audit_log WHERE entity_type = 'disputes'"
                    + " AND entity_id = :id AND action = 'update' ORDER BY id DESC LIMIT 1")
            .setParameter("id", Long.toString(disputeId))
            .getResultList();
    return rows.isEmpty() ? null : (Object[]) rows.get(0);
  }
}
