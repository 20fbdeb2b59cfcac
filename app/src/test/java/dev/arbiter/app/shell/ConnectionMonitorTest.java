package dev.arbiter.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ConnectionMonitorTest {

  @Test
  void reportsEveryPingUntilClosedThenFallsSilent() throws Exception {
    AtomicBoolean serverAnswers = new AtomicBoolean(true);
    BlockingQueue<Boolean> reports = new LinkedBlockingQueue<>();
    ConnectionMonitor monitor =
        new ConnectionMonitor(
            serverAnswers::get, reports::add, Runnable::run, Duration.ofMillis(20));

    monitor.start();
    assertThat(reports.poll(5, TimeUnit.SECONDS)).isTrue();
    serverAnswers.set(false);
    Boolean report;
    do {
      report = reports.poll(5, TimeUnit.SECONDS);
    } while (Boolean.TRUE.equals(report));
    assertThat(report).isFalse();

    monitor.close();
    Thread.sleep(100);
    reports.clear();
    Thread.sleep(200);
    assertThat(reports).isEmpty();
  }

  @Test
  void firstCheckRunsAtOnceNotAfterAPeriod() throws Exception {
    BlockingQueue<Boolean> reports = new LinkedBlockingQueue<>();
    try (ConnectionMonitor monitor =
        new ConnectionMonitor(() -> true, reports::add, Runnable::run, Duration.ofHours(1))) {
      monitor.start();

      assertThat(reports.poll(5, TimeUnit.SECONDS)).isTrue();
    }
  }
}
