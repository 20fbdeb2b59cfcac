package dev.arbiter.app.common.command;

import java.time.Duration;

/**
 * Runs something on the callback (FX) thread after a delay, without holding a worker thread while
 * it waits: a check that is to be tried again is scheduled, never slept on.
 */
@FunctionalInterface
public interface Later {

  void after(Duration delay, Runnable onCallbackThread);
}
