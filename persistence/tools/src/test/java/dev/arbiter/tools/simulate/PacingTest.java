package dev.arbiter.tools.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PacingTest {

  @Test
  void durationsReadBareSecondsAndUnits() {
    assertThat(Pacing.parseDuration("90")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Pacing.parseDuration("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(Pacing.parseDuration("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Pacing.parseDuration("1.5h")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Pacing.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(Pacing.parseDuration(" 2S ")).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void durationsRefuseTextZeroAndNegatives() {
    assertThatThrownBy(() -> Pacing.parseDuration("soon"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a duration");
    assertThatThrownBy(() -> Pacing.parseDuration("-5s")).hasMessageContaining("not a duration");
    assertThatThrownBy(() -> Pacing.parseDuration("0")).hasMessageContaining("at least");
    assertThatThrownBy(() -> Pacing.parseDuration("5d")).hasMessageContaining("not a duration");
    assertThatThrownBy(() -> Pacing.parseDuration("200h")).hasMessageContaining("at most");
  }

  @Test
  void ticksAreSpreadEvenlyFromTheStart() {
    Pacing pacing = new Pacing(4, Duration.ofSeconds(2));

    assertThat(pacing.dueNanos(0)).isZero();
    assertThat(pacing.dueNanos(1)).isEqualTo(250_000_000L);
    assertThat(pacing.dueNanos(7)).isEqualTo(1_750_000_000L);
    assertThat(pacing.within(7)).isTrue();
    assertThat(pacing.within(8)).as("due exactly at the end").isFalse();
    assertThat(pacing.ticks()).isEqualTo(8);
  }

  @Test
  void aRunHasRateTimesDurationTicksRoundedUp() {
    assertThat(new Pacing(0.5, Duration.ofSeconds(5)).ticks()).isEqualTo(3); // 0, 2 and 4 s
    assertThat(new Pacing(0.5, Duration.ofSeconds(1)).ticks()).isEqualTo(1);
    assertThat(new Pacing(20, Duration.ofSeconds(2)).ticks()).isEqualTo(40);
    assertThat(new Pacing(300, Duration.ofMinutes(1)).ticks()).isEqualTo(18_000);
    assertThat(new Pacing(3, Duration.ofMillis(1_001)).ticks()).isEqualTo(4);
  }

  @Test
  void slowRatesHaveLongGapsAndFastRatesDoNotDrift() {
    assertThat(new Pacing(0.5, Duration.ofMinutes(1)).dueNanos(1)).isEqualTo(2_000_000_000L);
    // Due times come from the tick number, so 300/s lands exactly on the second after 300 ticks.
    assertThat(new Pacing(300, Duration.ofMinutes(1)).dueNanos(300)).isEqualTo(1_000_000_000L);
    assertThat(new Pacing(3, Duration.ofMinutes(1)).dueNanos(3_000)).isEqualTo(1_000_000_000_000L);
  }

  @Test
  void onlyTicksMoreThanASecondLateAreSkipped() {
    assertThat(Pacing.tooLate(999_000_000L)).isFalse();
    assertThat(Pacing.tooLate(1_000_000_001L)).isTrue();
  }

  @Test
  void ratesOutsideTheRangeAreRefused() {
    assertThatThrownBy(() -> new Pacing(0, Duration.ofSeconds(1)))
        .hasMessageContaining("rate must be between");
    assertThatThrownBy(() -> new Pacing(Double.NaN, Duration.ofSeconds(1)))
        .hasMessageContaining("rate must be between");
    assertThatThrownBy(() -> new Pacing(1, Duration.ZERO)).hasMessageContaining("positive");
  }

  @Test
  void connectionsGrowWithTheRateWithinOneAndEight() {
    assertThat(Pacing.connectionsFor(0.5)).isEqualTo(1);
    assertThat(Pacing.connectionsFor(25)).isEqualTo(1);
    assertThat(Pacing.connectionsFor(26)).isEqualTo(2);
    assertThat(Pacing.connectionsFor(5_000)).isEqualTo(8);
  }

  @Test
  void aPlanDescribesItselfInTheCommandLineTerms() {
    SimulationPlan plan =
        new SimulationPlan(0.5, Duration.ofSeconds(90), 42L, TrafficMix.parse("flag=1"), 1);
    assertThat(plan.describe())
        .isEqualTo("0.5 ops/s for 1m30s over 1 connection, mix flag=1, seed 42");
    assertThat(plan.withConnections(3).describe()).contains("over 3 connections");
  }
}
