package dev.arbiter.app.live;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;

/**
 * A {@link RefreshGate} that also keeps re-queries apart: at most one starts per interval, and a
 * request inside the interval is served once, when the interval ends. For views whose re-query is
 * an aggregate (the dashboard's counts) or whose changes cannot be told apart (the audit log, which
 * does not notify): a simulator writing a hundred rows a second then costs one query a second, and
 * the last change is still shown. FX thread only.
 */
public final class ThrottledRefresh {

  /** Runs {@code action} on the FX thread after {@code delay}. */
  @FunctionalInterface
  public interface Timer {
    void schedule(Duration delay, Runnable action);
  }

  private final Supplier<Duration> interval;
  private final LongSupplier nanoClock;
  private final Timer timer;
  private final RefreshGate gate;
  private boolean started;
  private long lastStart;
  private boolean scheduled;

  /**
   * @param refresh starts a re-query and calls the given {@code done} exactly once when it ends
   */
  public ThrottledRefresh(
      Duration interval, LongSupplier nanoClock, Timer timer, Consumer<Runnable> refresh) {
    this(() -> interval, nanoClock, timer, refresh);
  }

  /**
   * For a re-query whose cost varies: {@code interval} is asked afresh at each request, so it can
   * follow how long the last re-query took.
   */
  public ThrottledRefresh(
      Supplier<Duration> interval,
      LongSupplier nanoClock,
      Timer timer,
      Consumer<Runnable> refresh) {
    this.interval = interval;
    this.nanoClock = nanoClock;
    this.timer = timer;
    this.gate = new RefreshGate(refresh);
  }

  /** A timer on the FX thread's animation clock; needs the toolkit only when it is used. */
  public static Timer fxTimer() {
    return (delay, action) -> {
      PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
      pause.setOnFinished(e -> action.run());
      pause.play();
    };
  }

  /** Asks for a re-query: now if the last one started an interval ago, else when it has. */
  public void request() {
    if (scheduled) {
      return;
    }
    long wait = started ? lastStart + interval.get().toNanos() - nanoClock.getAsLong() : 0;
    if (wait <= 0) {
      start();
      return;
    }
    scheduled = true;
    timer.schedule(
        Duration.ofNanos(wait),
        () -> {
          scheduled = false;
          start();
        });
  }

  private void start() {
    started = true;
    lastStart = nanoClock.getAsLong();
    gate.request();
  }
}
