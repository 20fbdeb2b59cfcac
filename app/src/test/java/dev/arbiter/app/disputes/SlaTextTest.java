package dev.arbiter.app.disputes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.model.disputes.DeadlineAction;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlaTextTest {

  private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

  @Test
  void aComingDeadlineSaysWhatHappensAndWhen() {
    SlaText.Clock clock =
        SlaText.of(NOW.plus(Duration.ofMinutes(130)), DeadlineAction.AUTO_ESCALATE, NOW);
    assertThat(clock.text()).isEqualTo("auto-escalates in 2 h");
    assertThat(clock.breached()).isFalse();
    assertThat(clock.dueSoon()).isTrue();
  }

  @Test
  void aPassedDeadlineIsBreachedAndSaysByHowMuch() {
    SlaText.Clock clock = SlaText.of(NOW.minus(Duration.ofHours(3)), null, NOW);
    assertThat(clock.text()).isEqualTo("overdue 3 h");
    assertThat(clock.breached()).isTrue();
    assertThat(
            SlaText.of(NOW.minus(Duration.ofDays(3)), DeadlineAction.AUTO_RESOLVE_PAYER, NOW)
                .text())
        .isEqualTo("overdue 3 d · resolution for the client due");
  }

  @Test
  void noDeadlineIsNeitherBreachedNorDueSoon() {
    assertThat(SlaText.of(null, null, NOW))
        .isEqualTo(new SlaText.Clock("no deadline", false, false));
    assertThat(SlaText.of(NOW.plus(Duration.ofDays(2)), null, NOW).text()).isEqualTo("due in 2 d");
  }

  @Test
  void afterTheAutomationActedTheClockSaysWhatItDidAndWhen() {
    SlaText.Clock clock =
        SlaText.of(
            NOW.minus(Duration.ofHours(1)),
            DeadlineAction.AUTO_ESCALATE,
            NOW.minus(Duration.ofMinutes(50)),
            NOW);
    assertThat(clock.text()).isEqualTo("auto-escalated 50 min ago");
    assertThat(clock.breached()).isFalse();
  }

  @Test
  void theCaseSaysBeforehandWhatTheDeadlineWillDoAndAfterwardsWhatWasDone() {
    java.time.ZoneId utc = java.time.ZoneOffset.UTC;
    Instant due = Instant.parse("2026-12-07T14:30:00Z");
    assertThat(SlaText.explain(due, DeadlineAction.AUTO_RESOLVE_PAYEE, null, utc))
        .isEqualTo(
            "At 7 Dec 14:30 the automation will propose a settlement paying the whole disputed"
                + " amount to the freelancer; finance then executes it.");
    assertThat(SlaText.explain(due, DeadlineAction.AUTO_ESCALATE, due.plusSeconds(20), utc))
        .isEqualTo("At 7 Dec 14:30 the automation escalated the case when its deadline passed.");
    assertThat(SlaText.explain(due, null, null, utc))
        .isEqualTo("Nothing happens by itself at the deadline.");
    assertThat(SlaText.explain(null, null, null, utc)).isEmpty();
  }
}
