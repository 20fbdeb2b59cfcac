package dev.arbiter.persistence.automation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.automation.AutomationHealth.LastRun;
import dev.arbiter.persistence.automation.AutomationHealth.State;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AutomationHealthTest {

  private static final Instant NOW = Instant.parse("2026-12-07T10:50:00Z");

  @Test
  void aWorkerThatNeverRanIsSaidToHaveNeverRun() {
    assertThat(AutomationHealth.judge(List.of(), NOW).state()).isEqualTo(State.NEVER_RAN);
  }

  @Test
  void aRuleRunWithinTwiceItsIntervalMeansTheWorkerRuns() {
    var status =
        AutomationHealth.judge(
            List.of(run("deadline", "10:49:30", 15), run("invite-expiry", "10:42:00", 60)), NOW);
    assertThat(status.state()).isEqualTo(State.RUNNING);
    assertThat(status.since()).isEqualTo(Instant.parse("2026-12-07T10:49:30Z"));
  }

  @Test
  void whenEveryRuleIsLateTheAutomationStoppedAtItsLastRun() {
    var status =
        AutomationHealth.judge(
            List.of(run("deadline", "10:42:00", 15), run("invite-expiry", "10:41:00", 60)), NOW);
    assertThat(status.state()).isEqualTo(State.STOPPED);
    assertThat(status.since()).isEqualTo(Instant.parse("2026-12-07T10:42:00Z"));
  }

  private static LastRun run(String rule, String at, int seconds) {
    return new LastRun(rule, Instant.parse("2026-12-07T" + at + "Z"), Duration.ofSeconds(seconds));
  }
}
