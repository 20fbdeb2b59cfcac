package dev.arbiter.app.live;

import dev.arbiter.app.common.ExecutorTaskRunner;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The real clocks of the live components, which take their scheduler as a constructor parameter so
 * that tests can hand them one whose time they move themselves.
 */
public final class Schedulers {

  private Schedulers() {}

  /** One daemon thread named {@code name}, which never keeps the JVM from exiting. */
  public static ScheduledExecutorService daemon(String name) {
    return Executors.newSingleThreadScheduledExecutor(ExecutorTaskRunner.daemonThreads(name));
  }
}
