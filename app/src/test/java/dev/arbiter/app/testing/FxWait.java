package dev.arbiter.app.testing;

import dev.arbiter.persistence.testing.Latency;
import dev.arbiter.persistence.testing.Waits;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Window;
import org.awaitility.core.ConditionTimeoutException;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting on and reading from the FX thread in TestFX flows, shared by every *FlowIT. */
public final class FxWait {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final int READ_SECONDS = 10;

  private FxWait() {}

  /** Waits until {@code condition} holds; background work in the console may take a while. */
  public static void waitUntil(Callable<Boolean> condition) {
    try {
      Waits.atMost(Latency.target(WAIT)).until(condition);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          "condition not met within "
              + Latency.target(WAIT).toSeconds()
              + " s; "
              + windowsAndFocus(),
          e);
    }
  }

  // A wait that fails on CI only is hard to read without what the screen held; this says which
  // windows showed and what had the keyboard focus.
  private static String windowsAndFocus() {
    try {
      return WaitForAsyncUtils.asyncFx(
              () -> {
                StringBuilder text = new StringBuilder("windows:");
                for (Window window : Window.getWindows()) {
                  Scene scene = window.getScene();
                  text.append(" [")
                      .append(window.getClass().getSimpleName())
                      .append(window.isFocused() ? ", focused" : "")
                      .append(", focus owner ")
                      .append(scene == null ? null : describe(scene.getFocusOwner()))
                      .append(']');
                }
                return text.toString();
              })
          .get(READ_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      return "the FX thread did not answer (" + e + ")";
    }
  }

  private static String describe(Node node) {
    if (node == null) {
      return "none";
    }
    String id = node.getId();
    return node.getClass().getSimpleName() + (id == null ? "" : "#" + id);
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
