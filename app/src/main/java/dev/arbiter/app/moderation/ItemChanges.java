package dev.arbiter.app.moderation;

import dev.arbiter.app.common.ChangeNews;
import dev.arbiter.app.common.DisplayNames;
import dev.arbiter.model.audit.AuditActor;
import dev.arbiter.model.moderation.FlagDecision;
import dev.arbiter.persistence.moderation.ItemDetail;
import dev.arbiter.persistence.moderation.ItemDetail.FlagLine;
import dev.arbiter.persistence.timeline.TimelineEntry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What differs between two reads of one item, field by field, in the moderator's words: for the
 * banner when the open item changes, and for the refusal of a decision based on a stale view.
 */
final class ItemChanges {

  private static final String NONE = "—";

  private ItemChanges() {}

  /** The item's open flags, by id: what a decision on it closes. */
  static List<Long> openFlagIds(ItemDetail detail) {
    return detail.flags().stream()
        .filter(f -> "open".equals(f.status()))
        .map(FlagLine::id)
        .sorted()
        .toList();
  }

  /** "open" while any flag is open, otherwise the status the latest decision left. */
  static String status(ItemDetail detail) {
    if (!openFlagIds(detail).isEmpty()) {
      return "open";
    }
    return detail.decisions().stream()
        .filter(d -> d.undoneAt() == null)
        .findFirst()
        .map(d -> d.decision() == FlagDecision.DISMISS ? "dismissed" : "actioned")
        .orElse(detail.flags().isEmpty() ? NONE : detail.flags().get(0).status());
  }

  /** Who holds the claim on the open flags, as the flags record it (null: nobody). */
  static String claimant(ItemDetail detail) {
    return detail.flags().stream()
        .filter(f -> "open".equals(f.status()) && f.claimedBy() != null)
        .map(FlagLine::claimedBy)
        .findFirst()
        .orElse(null);
  }

  /**
   * The field-by-field differences from {@code seen} to {@code now}, e.g. "status open → actioned".
   */
  static List<String> between(ItemDetail seen, ItemDetail now) {
    List<String> changes = new ArrayList<>();
    field(changes, "status", status(seen), status(now));
    field(changes, "claimed by", claimant(seen), claimant(now));
    List<Long> seenOpen = openFlagIds(seen);
    List<Long> nowOpen = openFlagIds(now);
    if (!seenOpen.equals(nowOpen)) {
      changes.add("open flags " + seenOpen.size() + " → " + nowOpen.size());
    }
    Map<Long, FlagLine> before = byId(seen.flags());
    for (FlagLine flag : now.flags()) {
      FlagLine was = before.get(flag.id());
      if (was == null) {
        changes.add(
            "new flag "
                + flag.id()
                + ": "
                + DisplayNames.lowerWords(flag.reason())
                + ", "
                + DisplayNames.lowerWords(flag.severity())
                + " by "
                + flag.reporterName());
      } else if (!Objects.equals(was.status(), flag.status())) {
        changes.add(
            "flag "
                + flag.id()
                + " "
                + DisplayNames.lowerWords(was.status())
                + " → "
                + DisplayNames.lowerWords(flag.status())
                + (flag.decidedBy() == null ? "" : " by " + flag.decidedBy())
                + (flag.decision() == null
                    ? ""
                    : " (" + DisplayNames.lowerWords(flag.decision()) + ")"));
      }
    }
    field(changes, "hidden", yesNo(seen.hidden()), yesNo(now.hidden()));
    field(changes, "content", shorten(seen.preview()), shorten(now.preview()));
    return changes;
  }

  /**
   * Who wrote the audit entries {@code now} has and {@code seen} did not, newest first; empty when
   * the change left no entry in the item's timeline (e.g. its text was edited).
   */
  static Set<AuditActor> actorsSince(ItemDetail seen, ItemDetail now) {
    long last = seen.timeline().stream().mapToLong(TimelineEntry::auditId).max().orElse(0);
    return now.timeline().stream()
        .filter(t -> t.auditId() > last)
        .map(TimelineEntry::by)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /**
   * The banner line for a change others made while {@code me} had the item open, with who made it;
   * empty when nothing differs or only {@code me} acted (their own commands report elsewhere).
   */
  static String news(ItemDetail seen, ItemDetail now, String me) {
    return ChangeNews.line(between(seen, now), actorsSince(seen, now), me);
  }

  private static Map<Long, FlagLine> byId(List<FlagLine> flags) {
    return flags.stream().collect(Collectors.toMap(FlagLine::id, Function.identity(), (a, b) -> a));
  }

  private static void field(List<String> changes, String name, String seen, String now) {
    String a = seen == null ? NONE : seen;
    String b = now == null ? NONE : now;
    if (!a.equals(b)) {
      changes.add(name + " " + a + " → " + b);
    }
  }

  private static String shorten(String text) {
    return text == null || text.length() <= 60 ? text : text.substring(0, 59) + "…";
  }

  private static String yesNo(boolean value) {
    return value ? "yes" : "no";
  }
}
