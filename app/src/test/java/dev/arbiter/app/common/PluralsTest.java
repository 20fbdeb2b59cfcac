package dev.arbiter.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PluralsTest {

  @Test
  void oneIsSingularAndEveryOtherCountPlural() {
    assertThat(Plurals.of(1, "checkpoint")).isEqualTo("1 checkpoint");
    assertThat(Plurals.of(0, "checkpoint")).isEqualTo("0 checkpoints");
    assertThat(Plurals.of(3, "entry", "entries")).isEqualTo("3 entries");
  }
}
