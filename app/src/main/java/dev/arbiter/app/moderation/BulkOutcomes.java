package dev.arbiter.app.moderation;

import dev.arbiter.persistence.moderation.BulkItem;
import dev.arbiter.persistence.moderation.BulkResult;
import dev.arbiter.persistence.moderation.ItemKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each item of one bulk run stands, across its retries, and the lines that say so. An item
 * whose answer was lost with the connection is checked by its request key before anything is sent
 * again; the items not known decided or refused are the rest that a retry sends, under their keys.
 */
final class BulkOutcomes {

  /** One item's state. */
  enum State {
    DECIDED,
    REFUSED,
    /** In flight when the connection dropped; its key is being looked up. */
    CHECKING,
    /** In flight when the connection dropped, and its key says it was not saved. */
    NOT_SAVED,
    /** In flight when the connection dropped, and its key could not be looked up either. */
    UNKNOWN,
    NOT_SENT
  }

  private record Entry(BulkItem item, State state, String detail) {}

  private final Map<ItemKey, Entry> entries = new LinkedHashMap<>();
  private boolean interrupted;

  BulkOutcomes(List<BulkItem> plan) {
    plan.forEach(item -> entries.put(item.key(), new Entry(item, State.NOT_SENT, null)));
  }

  /** Takes the answers of a run or a retry; returns the items whose outcome is to be checked. */
  List<BulkItem> record(List<BulkResult> results) {
    List<BulkItem> toCheck = new ArrayList<>();
    for (BulkResult result : results) {
      BulkItem item = result.item();
      switch (result.outcome()) {
        case DECIDED -> put(item, State.DECIDED, "decision " + result.decisionId());
        case REFUSED -> put(item, State.REFUSED, result.refusal());
        case UNKNOWN -> {
          put(item, State.CHECKING, null);
          toCheck.add(item);
        }
        case NOT_SENT -> put(item, State.NOT_SENT, null);
      }
      interrupted |= !result.answered();
    }
    return toCheck;
  }

  /** What the item's key said: it was saved before the connection dropped, or it was not. */
  void settled(BulkItem item, boolean committed) {
    if (committed) {
      put(item, State.DECIDED, "decided, saved before the connection dropped");
    } else {
      put(item, State.NOT_SAVED, null);
    }
  }

  /** The item's key could not be looked up; {@code why} says what went wrong. */
  void undetermined(BulkItem item, String why) {
    put(item, State.UNKNOWN, why);
  }

  private void put(BulkItem item, State state, String detail) {
    entries.put(item.key(), new Entry(item, state, detail));
  }

  boolean checking() {
    return count(State.CHECKING) > 0;
  }

  /** The items a retry sends again: not saved, of unknown outcome, or not sent; in plan order. */
  List<BulkItem> rest() {
    return entries.values().stream()
        .filter(
            e ->
                e.state() == State.NOT_SAVED
                    || e.state() == State.UNKNOWN
                    || e.state() == State.NOT_SENT)
        .map(Entry::item)
        .toList();
  }

  List<String> lines() {
    return entries.values().stream().map(BulkOutcomes::line).toList();
  }

  private static String line(Entry e) {
    String label = e.item().key().label();
    return switch (e.state()) {
      case DECIDED -> "✓ " + label + " — " + e.detail();
      case REFUSED -> "✗ " + label + " — " + e.detail();
      case CHECKING ->
          "? " + label + " — outcome unknown: the connection dropped while it was sent; checking…";
      case NOT_SAVED -> "↻ " + label + " — not decided: the connection dropped before it was saved";
      case UNKNOWN ->
          "? "
              + label
              + " — outcome unknown ("
              + e.detail()
              + "); a retry sends it under the same key, so it is decided once";
      case NOT_SENT -> "– " + label + " — not sent: the connection dropped first";
    };
  }

  /**
   * The summary: the counts, and after a lost connection what is still open and what Retry the rest
   * would do.
   */
  String summary() {
    String counts = count(State.DECIDED) + " decided, " + count(State.REFUSED) + " refused";
    int rest = rest().size();
    if (!interrupted || (rest == 0 && !checking())) {
      return counts;
    }
    StringBuilder text = new StringBuilder("Connection lost: ").append(counts);
    append(text, count(State.CHECKING), "being checked…");
    append(text, count(State.NOT_SAVED), "not saved");
    append(text, count(State.UNKNOWN), "of unknown outcome");
    append(text, count(State.NOT_SENT), "not sent");
    text.append('.');
    if (checking()) {
      text.append(" Retry the rest is offered once the item in flight is checked.");
    } else {
      text.append(" Retry the rest sends ")
          .append(rest == 1 ? "that item" : "those " + rest)
          .append(" again under the same keys, so each is decided once.");
    }
    return text.toString();
  }

  private static void append(StringBuilder text, long n, String what) {
    if (n > 0) {
      text.append(", ").append(n).append(' ').append(what);
    }
  }

  private long count(State state) {
    return entries.values().stream().filter(e -> e.state() == state).count();
  }
}
