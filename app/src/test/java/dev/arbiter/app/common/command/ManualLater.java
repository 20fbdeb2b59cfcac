package dev.arbiter.app.common.command;

import dev.arbiter.app.common.TaskRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;

/**
 * A {@link Later} whose time passes only when the test says so: what is scheduled waits in a list
 * until {@link #elapse()} runs it on the test's thread.
 */
public final class ManualLater implements Later {

  private final List<Runnable> waiting = new ArrayList<>();
  private final List<Duration> delays = new ArrayList<>();

  @Override
  public void after(Duration delay, Runnable onCallbackThread) {
    delays.add(delay);
    waiting.add(onCallbackThread);
  }

  /** How many scheduled pieces of work wait for their time. */
  public int waiting() {
    return waiting.size();
  }

  /** Every delay asked for so far, in order. */
  public List<Duration> delays() {
    return List.copyOf(delays);
  }

  /** Lets the time of everything scheduled so far pass: runs it, in order. */
  public void elapse() {
    List<Runnable> due = new ArrayList<>(waiting);
    waiting.clear();
    due.forEach(Runnable::run);
  }

  /** A runner over {@code tasks} whose rechecks wait on a fresh manual clock, always online. */
  public static CommandRunner runner(TaskRunner tasks, CommandRunner.KeyCheck check) {
    return runner(tasks, new SimpleBooleanProperty(true), check);
  }

  /** A runner over {@code tasks} whose rechecks wait on a fresh manual clock. */
  public static CommandRunner runner(
      TaskRunner tasks, ObservableBooleanValue online, CommandRunner.KeyCheck check) {
    return new CommandRunner(tasks, new ManualLater(), online, check);
  }
}
