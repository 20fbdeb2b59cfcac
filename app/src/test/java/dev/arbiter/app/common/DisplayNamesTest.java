package dev.arbiter.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayNamesTest {

  private enum Sort {
    OPEN_CONTRACTS
  }

  @Test
  void constantsAndDatabaseValuesReadAsWords() {
    assertThat(DisplayNames.words("OPEN_CONTRACTS")).isEqualTo("Open contracts");
    assertThat(DisplayNames.words("under_review")).isEqualTo("Under review");
    assertThat(DisplayNames.<Sort>forEnum().toString(Sort.OPEN_CONTRACTS))
        .isEqualTo("Open contracts");
  }

  @Test
  void theEmptyFilterValueReadsAsAny() {
    assertThat(DisplayNames.forValues("Any status").toString("")).isEqualTo("Any status");
    assertThat(DisplayNames.forValues("Any status").toString("suspended")).isEqualTo("Suspended");
  }
}
