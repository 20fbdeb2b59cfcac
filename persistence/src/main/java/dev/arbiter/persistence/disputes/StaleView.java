package dev.arbiter.persistence.disputes;

import dev.arbiter.model.audit.AuditActor;
import dev.arbiter.model.disputes.Dispute;
import dev.arbiter.persistence.disputes.DisputeActionRefused.FieldChange;
import dev.arbiter.persistence.disputes.DisputeActionRefused.Reason;
import jakarta.persistence.Tuple;
import java.util.List;
import org.hibernate.Session;

/** Builds the refusal for an action based on a stale view: what changed, and who changed it. */
final class StaleView {

  private StaleView() {}

  static DisputeActionRefused refusal(Session session, Dispute now, DisputeSnapshot seen) {
    List<FieldChange> changes = changes(seen, now);
    Tuple last = lastUpdate(session, seen.id());
    String by =
        last == null
            ? "someone"
            : new AuditActor(last.get("actor", String.class), last.get("db_user", String.class))
                .text();
    String command = last == null ? null : last.get("command", String.class);
    String with = command == null ? "" : " with " + command;
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
            + with
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

  private static Tuple lastUpdate(Session session, long disputeId) {
    List<Tuple> rows =
        session
            .createNativeQuery(
                "SELECT actor, db_user, command FROM audit_log WHERE entity_type = 'disputes'"
                    + " AND entity_id = :id AND action = 'update' ORDER BY id DESC LIMIT 1",
                Tuple.class)
            .setParameter("id", Long.toString(disputeId))
            .getResultList();
    return rows.isEmpty() ? null : rows.get(0);
  }
}
