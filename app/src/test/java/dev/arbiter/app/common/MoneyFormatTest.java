package dev.arbiter.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class MoneyFormatTest {

  private final MoneyFormat us = new MoneyFormat(Locale.US);

  @Test
  void dollarsHaveTwoDecimals() {
    assertThat(us.format(120_000, "USD")).isEqualTo("$1,200.00");
  }

  @Test
  void yenHasNoMinorUnitSoMinorUnitsAreWholeYen() {
    assertThat(us.format(150_000, "JPY")).isEqualTo("¥150,000");
  }

  @Test
  void bahrainiDinarHasThreeDecimals() {
    assertThat(us.format(12_345, "BHD")).isEqualTo("BHD\u00a012.345");
  }

  @Test
  void localeDecidesSeparatorsAndSymbolPosition() {
    assertThat(new MoneyFormat(Locale.GERMANY).format(123_456, "EUR")).isEqualTo("1.234,56\u00a0€");
  }

  @Test
  void negativeAmountsKeepTheirSign() {
    assertThat(us.format(-5, "USD")).contains("0.05").contains("-");
  }

  @Test
  void unknownCodeFallsBackToTwoDecimalsAndTheCode() {
    assertThat(us.format(1_050, "ZZQ")).isEqualTo("10.50 ZZQ");
    assertThat(MoneyFormat.fractionDigits("ZZQ")).isEqualTo(2);
  }
}
