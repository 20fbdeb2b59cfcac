package dev.arbiter.app.workspaces;

import dev.arbiter.model.audit.AuditActor;
import dev.arbiter.persistence.timeline.TimelineEntry;
import dev.arbiter.persistence.workspaces.WorkspaceDetails;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Invite;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Member;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Settings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What differs between two reads of one workspace, field by field, in words: for the banner when
 * the open workspace changes, and for an admin action refused because its record changed.
 */
final class WorkspaceChanges {

  private WorkspaceChanges() {}

  /** Every difference from {@code seen} to {@code now}. */
  static List<String> between(WorkspaceDetails seen, WorkspaceDetails now) {
    List<String> changes = new ArrayList<>(settings(seen.settings(), now.settings()));
    Map<Long, Member> before = byId(seen.members(), Member::id);
    Set<Long> stillThere = new LinkedHashSet<>();
    for (Member m : now.members()) {
      Member was = before.get(m.id());
      stillThere.add(m.id());
      if (was == null) {
        changes.add("member " + m.name() + " added as " + m.role());
      } else {
        changes.addAll(member(was, m));
      }
    }
    before.values().stream()
        .filter(m -> !stillThere.contains(m.id()))
        .forEach(m -> changes.add("member " + m.name() + " gone"));
    Map<Long, Invite> invites = byId(seen.invites(), Invite::id);
    for (Invite i : now.invites()) {
      Invite was = invites.get(i.id());
      if (was == null) {
        changes.add("invite for " + i.email() + " added");
      } else {
        changes.addAll(invite(was, i));
      }
    }
    if (seen.notes().size() != now.notes().size()) {
      changes.add("notes " + seen.notes().size() + " → " + now.notes().size());
    }
    return changes;
  }

  static List<String> settings(Settings seen, Settings now) {
    List<String> changes = new ArrayList<>();
    field(changes, "name", seen.name(), now.name());
    field(changes, "slug", seen.slug(), now.slug());
    field(changes, "status", seen.status(), now.status());
    field(changes, "owner", seen.ownerName(), now.ownerName());
    field(changes, "timezone", seen.timezone(), now.timezone());
    field(changes, "default currency", seen.defaultCurrency(), now.defaultCurrency());
    field(changes, "intake e-mail", seen.intakeEmail(), now.intakeEmail());
    return changes;
  }

  static List<String> member(Member seen, Member now) {
    List<String> changes = new ArrayList<>();
    field(changes, seen.name() + ": role", seen.role(), now.role());
    field(changes, seen.name() + ": status", seen.status(), now.status());
    return changes;
  }

  static List<String> invite(Invite seen, Invite now) {
    List<String> changes = new ArrayList<>();
    field(changes, "invite for " + seen.email() + ": status", seen.status(), now.status());
    field(changes, "invite for " + seen.email() + ": role", seen.role(), now.role());
    return changes;
  }

  static Optional<Member> member(WorkspaceDetails details, long id) {
    return details.members().stream().filter(m -> m.id() == id).findFirst();
  }

  static Optional<Invite> invite(WorkspaceDetails details, long id) {
    return details.invites().stream().filter(i -> i.id() == id).findFirst();
  }

  /** Who wrote the history entries {@code now} has and {@code seen} did not. */
  static Set<AuditActor> actorsSince(WorkspaceDetails seen, WorkspaceDetails now) {
    long last = seen.timeline().stream().mapToLong(TimelineEntry::auditId).max().orElse(0);
    return now.timeline().stream()
        .filter(t -> t.auditId() > last)
        .map(TimelineEntry::by)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static <T> Map<Long, T> byId(List<T> rows, Function<T, Long> id) {
    return rows.stream()
        .collect(
            Collectors.toMap(id, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
  }

  private static void field(List<String> changes, String name, String seen, String now) {
    if (!Objects.equals(seen, now)) {
      changes.add(name + " " + (seen == null ? "—" : seen) + " → " + (now == null ? "—" : now));
    }
  }
}
