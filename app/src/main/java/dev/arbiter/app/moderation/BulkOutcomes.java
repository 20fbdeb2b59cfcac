package dev.arbiter.app.moderation;

import dev.arbiter.app.common.command.BulkRun;
import dev.arbiter.app.common.command.BulkRun.Item;
import dev.arbiter.app.common.command.BulkRun.State;
import dev.arbiter.persistence.moderation.BulkResult;
import java.util.List;

/** The words of a moderation bulk run: one line per item, and the summary. */
final class BulkOutcomes {

  private BulkOutcomes() {}

  static List<String> lines(BulkRun<BulkResult> run, List<String> labels) {
    List<Item<BulkResult>> items = run.items();
    return java.util.stream.IntStream.range(0, items.size())
        .mapToObj(i -> line(labels.get(i), items.get(i)))
        .toList();
  }

  private static String line(String label, Item<BulkResult> item) {
    return switch (item.state()) {
      case ANSWERED ->
          item.answer().succeeded()
              ? "✓ " + label + " — decision " + item.answer().decisionId()
              : "✗ " + label + " — " + item.answer().refusal();
      case SAVED -> "✓ " + label + " — decided, saved before the connection dropped";
      case CHECKING ->
          "? " + label + " — outcome unknown: the connection dropped while it was sent; checking…";
      case NOT_SAVED -> "↻ " + label + " — not decided: the connection dropped before it was saved";
      case UNKNOWN ->
          "? "
              + label
              + " — outcome unknown ("
              + Refusals.describe(item.problem())
              + "); a retry sends it under the same key, so it is decided once";
      case NOT_SENT -> "– " + label + " — not sent: the connection dropped first";
      case FAILED -> "– " + label + " — not sent: " + Refusals.describe(item.problem());
    };
  }

  /**
   * The summary: the counts, and after a lost connection what is still open and what Retry the rest
   * would do.
   */
  static String summary(BulkRun<BulkResult> run) {
    if (run.failure() != null) {
      return Refusals.describe(run.failure());
    }
    long decided = count(run, true) + run.count(State.SAVED);
    String counts = decided + " decided, " + count(run, false) + " refused";
    int rest = run.rest().size();
    if (!run.interrupted() || (rest == 0 && !run.checking())) {
      return counts;
    }
    StringBuilder text = new StringBuilder("Connection lost: ").append(counts);
    append(text, run.count(State.CHECKING), "being checked…");
    append(text, run.count(State.NOT_SAVED), "not saved");
    append(text, run.count(State.UNKNOWN), "of unknown outcome");
    append(text, run.count(State.NOT_SENT) + run.count(State.FAILED), "not sent");
    text.append('.');
    if (run.checking()) {
      text.append(" Retry the rest is offered once the item in flight is checked.");
    } else {
      text.append(" Retry the rest sends ")
          .append(rest == 1 ? "that item" : "those " + rest)
          .append(" again under the same keys, so each is decided once.");
    }
    return text.toString();
  }

  private static long count(BulkRun<BulkResult> run, boolean decided) {
    return run.items().stream()
        .filter(i -> i.state() == State.ANSWERED && i.answer().succeeded() == decided)
        .count();
  }

  private static void append(StringBuilder text, long n, String what) {
    if (n > 0) {
      text.append(", ").append(n).append(' ').append(what);
    }
  }
}
