package dev.arbiter.tools.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DemoScaleTest {

  @Test
  void baseScaleIsASmallAuditedDemo() {
    DemoScale base = DemoScale.of(1);
    assertThat(base.disputes()).isEqualTo(300);
    assertThat(base.users()).isEqualTo(360);
    assertThat(base.contracts()).isEqualTo(400);
    assertThat(base.bulk()).isFalse();
  }

  @Test
  void disputesGrowLinearlyAndEverythingElseGrows() {
    DemoScale one = DemoScale.of(1);
    DemoScale two = DemoScale.of(2);
    assertThat(two.disputes()).isEqualTo(2 * one.disputes());
    assertThat(two.users()).isGreaterThan(one.users());
    assertThat(two.contracts()).isGreaterThan(one.contracts());
    assertThat(two.messagesPerDispute()).isLessThanOrEqualTo(one.messagesPerDispute());
  }

  @Test
  void aMillionDisputesLoadInBulkMode() {
    DemoScale million = DemoScale.of(3334);
    assertThat(million.disputes()).isGreaterThanOrEqualTo(1_000_000);
    assertThat(million.bulk()).isTrue();
    assertThat(DemoScale.of(333).bulk()).isFalse();
    assertThat(DemoScale.of(334).bulk()).isTrue();
  }

  @Test
  void withBulkKeepsTheVolumes() {
    DemoScale bulk = DemoScale.of(1).withBulk(true);
    assertThat(bulk.bulk()).isTrue();
    assertThat(bulk.withBulk(false)).isEqualTo(DemoScale.of(1));
  }

  @Test
  void refusesFactorsAndVolumesThatMakeNoSense() {
    assertThatThrownBy(() -> DemoScale.of(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DemoScale.of(1_000_000)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DemoScale(1, 10, 10, 10, 1, 1, 1, false))
        .hasMessageContaining("at least 40 users");
    assertThatThrownBy(() -> new DemoScale(1, 40, 10, 10, 1, 1, 2, false))
        .hasMessageContaining("historyDetail");
  }
}
