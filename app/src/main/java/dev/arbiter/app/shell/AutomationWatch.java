package dev.arbiter.app.shell;

import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.persistence.automation.AutomationHealth;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.util.Duration;

/**
 * Reads the automation's health every so often, off the FX thread, into the status bar. A worker
 * that died announces nothing, so this asks rather than listens.
 */
final class AutomationWatch implements AutoCloseable {

  private static final Duration EVERY = Duration.seconds(20);

  private final Timeline timeline;

  AutomationWatch(AutomationHealth health, TaskRunner tasks, StatusBarViewModel status) {
    Runnable check =
        () -> tasks.run(health::read).onSuccess(status::reportAutomation).onFailure(e -> {});
    timeline = new Timeline(new KeyFrame(EVERY, e -> check.run()));
    timeline.setCycleCount(Timeline.INDEFINITE);
    check.run();
    timeline.play();
  }

  /** Stops the checks; safe from any thread (the console closes from a shutdown path). */
  @Override
  public void close() {
    if (Platform.isFxApplicationThread()) {
      timeline.stop();
    } else {
      Platform.runLater(timeline::stop);
    }
  }
}
