package dev.arbiter.app.live;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real clocks of the live components, which take their scheduler as a constructor parameter so
 * that tests can hand them one whose time they move themselves, and the daemon threads of every
 * background executor in the console (the task runner's too: it lives in {@code common}, which
 * already knows {@code live}).
 */
public final class Schedulers {

  private Schedulers() {}

  /** One daemon thread named {@code name}, which never keeps the JVM from exiting. */
  public static ScheduledExecutorService daemon(String name) {
    return Executors.newSingleThreadScheduledExecutor(daemonThreads(name));
  }

  /** Daemon threads named {@code prefix-1}, {@code prefix-2}, … */
  public static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
