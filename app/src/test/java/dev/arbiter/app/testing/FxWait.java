package dev.arbiter.app.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting on and reading from the FX thread in TestFX flows, shared by every *FlowIT. */
public final class FxWait {

  private static final int WAIT_SECONDS = 20;
  private static final int READ_SECONDS = 10;

  private FxWait() {}

  /** Waits until {@code condition} holds; background work in the console may take a while. */
  public static void waitUntil(Callable<Boolean> condition) {
    try {
      WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, condition);
    } catch (TimeoutException e) {
      throw new AssertionError("condition not met within " + WAIT_SECONDS + " s", e);
    }
  }

  /** Reads a value on the FX thread, where controls may be touched. */
  public static <T> T fx(Callable<T> read) {
    try {
      return WaitForAsyncUtils.asyncFx(read).get(READ_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("could not read from the FX thread", e);
    }
  }
}
