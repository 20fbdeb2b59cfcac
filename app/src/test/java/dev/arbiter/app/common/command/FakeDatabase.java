package dev.arbiter.app.common.command;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A database for command tests: it records each key it saved with its answer and replays that
 * answer when the key comes again; the next sends can be told to lose their answer before or after
 * saving, and the lookups to fail.
 */
final class FakeDatabase {

  /** What happens to the next send. */
  enum Next {
    SAVE,
    LOSE_BEFORE_SAVING,
    LOSE_AFTER_SAVING,
    REFUSE
  }

  final Map<String, String> saved = new HashMap<>();
  final List<String> sent = new ArrayList<>();
  final Deque<Next> next = new ArrayDeque<>();
  final Deque<RuntimeException> lookupFailures = new ArrayDeque<>();
  final AtomicInteger lookups = new AtomicInteger();

  /** Runs when a send loses its answer (e.g. the console goes offline). */
  Runnable whenLost = () -> {};

  private int answers;

  /** A command that asks this database for {@code what} under {@code key}. */
  StaffCommand<String> command(String key, String what) {
    return StaffCommand.of(key, what, () -> send(key, what));
  }

  /** The same, found saved after a lost answer: sent again to read that answer. */
  StaffCommand<String> replaying(String key, String what) {
    return StaffCommand.replaying(key, what, () -> send(key, what));
  }

  synchronized String send(String key, String what) {
    sent.add(key);
    Next now = next.isEmpty() ? Next.SAVE : next.pop();
    if (now == Next.LOSE_BEFORE_SAVING) {
      whenLost.run();
      throw lost();
    }
    if (now == Next.REFUSE) {
      throw new IllegalStateException("refused: " + what);
    }
    String answer = saved.computeIfAbsent(key, k -> what + " #" + ++answers);
    if (now == Next.LOSE_AFTER_SAVING) {
      whenLost.run();
      throw lost();
    }
    return answer;
  }

  synchronized boolean committed(String key) {
    lookups.incrementAndGet();
    if (!lookupFailures.isEmpty()) {
      throw lookupFailures.pop();
    }
    return saved.containsKey(key);
  }

  static RuntimeException lost() {
    return new AnswerLost("the connection dropped");
  }
}
