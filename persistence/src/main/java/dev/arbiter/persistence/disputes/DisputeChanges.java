package dev.arbiter.persistence.disputes;

import dev.arbiter.model.audit.AuditActor;
import dev.arbiter.persistence.disputes.DisputeActionRefused.FieldChange;
import dev.arbiter.persistence.timeline.TimelineEntry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * What differs between two views of one dispute, field by field, in the words the agent reads. The
 * stale-write refusal and the "changed while you had it open" banner both use it, so they never
 * disagree about what changed.
 */
public final class DisputeChanges {

  /**
   * The changes between two loads of one case, and who made them.
   *
   * @param actors who made the changes (each with the login that wrote it), oldest first; empty
   *     when the timeline does not say
   */
  public record CaseChange(List<FieldChange> changes, List<AuditActor> actors) {

    public CaseChange {
      changes = List.copyOf(changes);
      actors = List.copyOf(actors);
    }

    public boolean isEmpty() {
      return changes.isEmpty();
    }

    /**
     * "Changed by user:42 (via demo_backend) while you had it open: status under review → awaiting
     * parties; 1 new message."
     */
    public String describe() {
      String who =
          actors.isEmpty()
              ? "someone else"
              : String.join(", ", actors.stream().map(AuditActor::text).toList());
      return "Changed by "
          + who
          + " while you had it open: "
          + String.join("; ", changes.stream().map(DisputeChanges::phrase).toList())
          + ".";
    }
  }

  private static final Set<String> COUNTED = Set.of("messages", "evidence", "settlements");

  private DisputeChanges() {}

  /** The fields an agent acts on that differ between what they saw and what is there now. */
  public static List<FieldChange> fields(DisputeSnapshot seen, DisputeSnapshot now) {
    List<FieldChange> changes = new ArrayList<>();
    add(changes, "status", seen.status(), now.status());
    add(changes, "priority", seen.priority(), now.priority());
    add(changes, "assignee", seen.assignedTo(), now.assignedTo());
    add(changes, "deadline", seen.responseDueAt(), now.responseDueAt());
    add(changes, "deadline action", seen.deadlineAction(), now.deadlineAction());
    return changes;
  }

  /**
   * What changed in the case between {@code before} and {@code after} (both loads of the same
   * dispute): its fields, then how many messages, evidence files and settlement proposals it has;
   * the actors are those of the audit entries {@code after} has and {@code before} had not.
   */
  public static CaseChange between(DisputeCase before, DisputeCase after) {
    List<FieldChange> changes = new ArrayList<>(fields(before.snapshot(), after.snapshot()));
    count(changes, "messages", before.messages(), after.messages(), m -> m.id());
    count(changes, "evidence", before.evidence(), after.evidence(), e -> e.id());
    count(changes, "settlements", before.settlements(), after.settlements(), s -> s.id());
    for (DisputeCase.SettlementInfo now : after.settlements()) {
      before.settlements().stream()
          .filter(was -> was.id() == now.id() && !was.status().equals(now.status()))
          .forEach(
              was ->
                  changes.add(
                      new FieldChange(
                          "settlement",
                          was.status().replace('_', ' '),
                          now.status().replace('_', ' '))));
    }
    long seenUpTo =
        before.timeline().stream().mapToLong(TimelineEntry::auditId).max().orElse(Long.MIN_VALUE);
    Set<AuditActor> actors = new LinkedHashSet<>();
    after.timeline().stream()
        .filter(t -> t.auditId() > seenUpTo)
        .sorted((a, b) -> Long.compare(a.auditId(), b.auditId()))
        .forEach(t -> actors.add(t.by()));
    return new CaseChange(changes, List.copyOf(actors));
  }

  /** "status under review → awaiting parties", or "2 new messages" for the counted parts. */
  static String phrase(FieldChange c) {
    if (COUNTED.contains(c.field())) {
      long added = Long.parseLong(c.now()) - Long.parseLong(c.seen());
      String noun =
          switch (c.field()) {
            case "messages" -> added == 1 ? "new message" : "new messages";
            case "evidence" -> added == 1 ? "new evidence file" : "new evidence files";
            default -> added == 1 ? "new settlement proposal" : "new settlement proposals";
          };
      return added >= 0 ? added + " " + noun : c.field() + " " + c.seen() + " → " + c.now();
    }
    return c.field() + " " + c.seen() + " → " + c.now();
  }

  private static <T> void count(
      List<FieldChange> changes,
      String field,
      List<T> before,
      List<T> after,
      Function<T, Long> id) {
    Set<Long> was = new LinkedHashSet<>(before.stream().map(id).toList());
    Set<Long> now = new LinkedHashSet<>(after.stream().map(id).toList());
    if (!was.equals(now)) {
      changes.add(
          new FieldChange(field, Integer.toString(was.size()), Integer.toString(now.size())));
    }
  }

  private static void add(List<FieldChange> changes, String field, Object seen, Object now) {
    if (!Objects.equals(seen, now)) {
      changes.add(new FieldChange(field, text(seen), text(now)));
    }
  }

  private static String text(Object value) {
    if (value == null) {
      return "—";
    }
    return value instanceof Enum<?> e ? CommandApplier.label(e) : value.toString();
  }
}
