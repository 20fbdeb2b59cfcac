package dev.arbiter.persistence.disputes;

import dev.arbiter.model.audit.AuditActor;
import dev.arbiter.model.disputes.Dispute;
import dev.arbiter.persistence.access.Sql;
import dev.arbiter.persistence.disputes.DisputeActionRefused.FieldChange;
import dev.arbiter.persistence.disputes.DisputeActionRefused.Reason;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/** Builds the refusal for an action based on a stale view: what changed, and who changed it. */
final class StaleView {

  private static final String LAST_UPDATE =
      "SELECT actor, db_user, command FROM audit_log WHERE entity_type = 'disputes'"
          + " AND entity_id = ? AND action = 'update' ORDER BY id DESC LIMIT 1";

  /** The last audited update of the dispute: for whom, by which login, with which command. */
  private record LastUpdate(AuditActor by, String command) {}

  private StaleView() {}

  static DisputeActionRefused refusal(Session session, Dispute now, DisputeSnapshot seen) {
    List<FieldChange> changes = changes(seen, now);
    Optional<LastUpdate> last = lastUpdate(session, seen.id());
    String by = last.map(l -> l.by().text()).orElse("someone");
    String with = last.map(LastUpdate::command).map(c -> " with " + c).orElse("");
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

  private static Optional<LastUpdate> lastUpdate(Session session, long disputeId) {
    return Sql.list(
            session,
            LAST_UPDATE,
            r ->
                new LastUpdate(
                    new AuditActor(r.text("actor"), r.text("db_user")), r.text("command")),
            Long.toString(disputeId))
        .stream()
        .findFirst();
  }
}
