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
    assertThat(DisplayNames.words("fixed_price")).isEqualTo("Fixed price");
    assertThat(DisplayNames.words("off_platform_payment")).isEqualTo("Off-platform payment");
    assertThat(DisplayNames.lowerWords("on_hold")).isEqualTo("on hold");
    assertThat(DisplayNames.<Sort>forEnum().toString(Sort.OPEN_CONTRACTS))
        .isEqualTo("Open contracts");
  }

  @Test
  void theEmptyFilterValueReadsAsAny() {
    assertThat(DisplayNames.forValues("Any status").toString("")).isEqualTo("Any status");
    assertThat(DisplayNames.forValues("Any status").toString("suspended")).isEqualTo("Suspended");
  }
}
