package dev.arbiter.persistence.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.persistence.audit.FieldChange.Kind;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The field-by-field comparison of an entry's old and new values. Objects present on both sides are
 * compared field by field at any depth; arrays and scalars compare as whole values. An insert shows
 * every field added, a delete every field removed.
 */
public final class ValueDiff {

  private ValueDiff() {}

  // Kept up to date by triggers on every write: true but rarely what a reader looks for.
  private static final Set<String> BOOKKEEPING = Set.of("version", "updated_at");

  /**
   * Every field of either side, in the old value's order then the new-only fields, with the
   * bookkeeping fields every update touches ({@code version}, {@code updated_at}) last.
   */
  public static List<FieldChange> between(JsonNode before, JsonNode after) {
    List<FieldChange> changes = new ArrayList<>();
    compare("", before, after, changes);
    List<FieldChange> ordered = new ArrayList<>(changes.size());
    changes.stream().filter(c -> !BOOKKEEPING.contains(c.path())).forEach(ordered::add);
    changes.stream().filter(c -> BOOKKEEPING.contains(c.path())).forEach(ordered::add);
    return List.copyOf(ordered);
  }

  private static void compare(String path, JsonNode before, JsonNode after, List<FieldChange> out) {
    boolean hasBefore = before != null && !before.isMissingNode();
    boolean hasAfter = after != null && !after.isMissingNode();
    if (hasBefore && hasAfter && before.isObject() && after.isObject()) {
      Set<String> keys = new LinkedHashSet<>();
      before.fieldNames().forEachRemaining(keys::add);
      after.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        compare(path.isEmpty() ? key : path + "." + key, before.get(key), after.get(key), out);
      }
      return;
    }
    if (path.isEmpty() && (hasBefore ? before.isObject() : hasAfter && after.isObject())) {
      // An insert or a delete: list the one side's fields, each added or removed.
      JsonNode side = hasBefore ? before : after;
      Iterator<String> names = side.fieldNames();
      while (names.hasNext()) {
        String key = names.next();
        compare(key, hasBefore ? side.get(key) : null, hasAfter ? side.get(key) : null, out);
      }
      return;
    }
    if (!hasBefore && !hasAfter) {
      return;
    }
    Kind kind;
    if (!hasBefore) {
      kind = Kind.ADDED;
    } else if (!hasAfter) {
      kind = Kind.REMOVED;
    } else {
      // By text, as stored: 2.50 and 2.5 are equal numbers but a change of what was written.
      kind =
          JsonValues.jsonbText(before).equals(JsonValues.jsonbText(after))
              ? Kind.UNCHANGED
              : Kind.CHANGED;
    }
    out.add(
        new FieldChange(
            path.isEmpty() ? "(value)" : path,
            kind,
            hasBefore ? JsonValues.display(before) : "",
            hasAfter ? JsonValues.display(after) : ""));
  }
}
