package dev.arbiter.app.shell;

import dev.arbiter.app.common.ExecutorTaskRunner;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Pings the database every few seconds on its own thread and reports the answer on the FX thread.
 * Fixed delay rather than fixed rate: a ping that hangs on a dead server delays the next one
 * instead of piling up.
 */
public final class ConnectionMonitor implements AutoCloseable {

  private final BooleanSupplier ping;
  private final Consumer<Boolean> report;
  private final Executor fxThread;
  private final Duration period;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          ExecutorTaskRunner.daemonThreads("arbiter-connection-check"));

  public ConnectionMonitor(
      BooleanSupplier ping, Consumer<Boolean> report, Executor fxThread, Duration period) {
    this.ping = ping;
    this.report = report;
    this.fxThread = fxThread;
    this.period = period;
  }

  /** Checks at once, then every period until closed. */
  public void start() {
    scheduler.scheduleWithFixedDelay(this::check, 0, period.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void check() {
    boolean answered = ping.getAsBoolean();
    if (!scheduler.isShutdown()) {
      fxThread.execute(() -> report.accept(answered));
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
