package dev.arbiter.model.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

class MoneyTest {

  @Provide
  Arbitrary<String> currencies() {
    // Zero, two and three decimals, and a code Java does not know (taken to have two).
    return Arbitraries.of("USD", "EUR", "GBP", "CHF", "JPY", "CLP", "BHD", "KWD", "QQQ");
  }

  @Provide
  Arbitrary<Locale> locales() {
    return Arbitraries.of(
        Locale.US,
        Locale.UK,
        Locale.GERMANY,
        Locale.FRANCE,
        Locale.JAPAN,
        new Locale("de", "CH"),
        new Locale("en", "IN"),
        new Locale("pt", "BR"),
        new Locale("ar", "EG"),
        new Locale("hi", "IN"));
  }

  @Property(seed = "20261207")
  void plainTextReadsBackExactly(
      @ForAll @LongRange(min = 0) long minor, @ForAll("currencies") String currency) {
    Money money = Money.of(minor, currency);

    assertThat(Money.parse(money.toPlainString(), currency)).isEqualTo(money);
  }

  @Property(seed = "20261207")
  void localisedTextReadsBackExactly(
      @ForAll @LongRange(min = 0) long minor,
      @ForAll("currencies") String currency,
      @ForAll("locales") Locale locale) {
    Money money = Money.of(minor, currency);

    assertThat(Money.parse(money.formatAmount(locale), currency, locale)).isEqualTo(money);
  }

  @Property(seed = "20261207")
  void plusIsExactOrRefusesToOverflow(@ForAll long a, @ForAll long b) {
    BigInteger exact = BigInteger.valueOf(a).add(BigInteger.valueOf(b));
    if (exact.bitLength() < 64) {
      assertThat(Money.of(a, "EUR").plus(Money.of(b, "EUR")).minor())
          .isEqualTo(exact.longValueExact());
    } else {
      assertThatThrownBy(() -> Money.of(a, "EUR").plus(Money.of(b, "EUR")))
          .isInstanceOf(ArithmeticException.class);
    }
  }

  @Property(seed = "20261207")
  void minusIsExactOrRefusesToOverflow(@ForAll long a, @ForAll long b) {
    BigInteger exact = BigInteger.valueOf(a).subtract(BigInteger.valueOf(b));
    if (exact.bitLength() < 64) {
      assertThat(Money.of(a, "EUR").minus(Money.of(b, "EUR")).minor())
          .isEqualTo(exact.longValueExact());
    } else {
      assertThatThrownBy(() -> Money.of(a, "EUR").minus(Money.of(b, "EUR")))
          .isInstanceOf(ArithmeticException.class);
    }
  }

  @Property(seed = "20261207")
  void minusUndoesPlus(@ForAll long a, @ForAll long b, @ForAll("currencies") String currency) {
    Money x = Money.of(a, currency);
    Money y = Money.of(b, currency);
    Assume.that(BigInteger.valueOf(a).add(BigInteger.valueOf(b)).bitLength() < 64);

    assertThat(x.plus(y).minus(y)).isEqualTo(x);
  }

  @Property(seed = "20261207")
  void moreDecimalsThanTheCurrencyHasAreRefusedNotRounded(
      @ForAll @NumericChars @StringLength(min = 1, max = 9) String whole,
      @ForAll("currencies") String currency,
      @ForAll @IntRange(min = 1, max = 3) int extra) {
    String fraction = "5".repeat(Money.fractionDigits(currency) + extra);

    assertThatThrownBy(() -> Money.parse(whole + "." + fraction, currency))
        .isInstanceOf(MoneyFormatException.class)
        .hasMessageContaining(currency);
  }

  @Property(seed = "20261207")
  void amountsInDifferentCurrenciesNeverCombine(@ForAll long a, @ForAll long b) {
    assertThatThrownBy(() -> Money.of(a, "USD").plus(Money.of(b, "EUR")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("USD")
        .hasMessageContaining("EUR");
    assertThatThrownBy(() -> Money.of(a, "USD").minus(Money.of(b, "EUR")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Example
  void parseReadsMinorUnitsOfTheCurrency() {
    assertThat(Money.parse("12.34", "USD")).isEqualTo(Money.of(1234, "USD"));
    assertThat(Money.parse("12", "USD")).isEqualTo(Money.of(1200, "USD"));
    assertThat(Money.parse("12.5", "USD")).isEqualTo(Money.of(1250, "USD"));
    assertThat(Money.parse(" 1500 ", "JPY")).isEqualTo(Money.of(1500, "JPY"));
    assertThat(Money.parse("1.234", "BHD")).isEqualTo(Money.of(1234, "BHD"));
    assertThat(Money.parse("92233720368547758.07", "USD"))
        .isEqualTo(Money.of(Long.MAX_VALUE, "USD"));
  }

  @Example
  void parseRefusesWhatIsNotAPlainAmountWithAClearMessage() {
    assertThatThrownBy(() -> Money.parse("12.345", "USD"))
        .isInstanceOf(MoneyFormatException.class)
        .hasMessage("USD amounts have at most 2 decimals; '12.345' has 3.");
    assertThatThrownBy(() -> Money.parse("12.5", "JPY"))
        .hasMessage("JPY amounts have no decimals; '12.5' has 1.");
    assertThatThrownBy(() -> Money.parse("-5", "USD")).hasMessage("An amount cannot be negative.");
    assertThatThrownBy(() -> Money.parse("  ", "USD")).hasMessage("Enter an amount.");
    assertThatThrownBy(() -> Money.parse(null, "USD")).hasMessage("Enter an amount.");
    assertThatThrownBy(() -> Money.parse("92233720368547758.08", "USD"))
        .hasMessageContaining("too large");
    for (String garbage :
        new String[] {"abc", "12,34", "1e5", "0x10", "12.", ".5", "+1", "1 000", "NaN", "١٢"}) {
      assertThatThrownBy(() -> Money.parse(garbage, "USD"))
          .as(garbage)
          .isInstanceOf(MoneyFormatException.class)
          .hasMessageContaining("is not an amount");
    }
  }

  @Example
  void localisedParseFollowsTheLocaleAndRefusesMisplacedGrouping() {
    assertThat(Money.parse("1.234,56", "EUR", Locale.GERMANY)).isEqualTo(Money.of(123456, "EUR"));
    assertThat(Money.parse("1,234.56", "USD", Locale.US)).isEqualTo(Money.of(123456, "USD"));
    assertThat(Money.parse("1 234,56", "EUR", Locale.FRANCE)).isEqualTo(Money.of(123456, "EUR"));
    assertThat(Money.parse("1234,5", "EUR", Locale.GERMANY)).isEqualTo(Money.of(123450, "EUR"));
    // A decimal comma typed in an English locale is not silently read as a thousands separator.
    assertThatThrownBy(() -> Money.parse("12,34", "USD", Locale.US))
        .isInstanceOf(MoneyFormatException.class)
        .hasMessage("'12,34' is not an amount such as 1,234.50.");
    assertThatThrownBy(() -> Money.parse("12.34", "EUR", Locale.GERMANY))
        .isInstanceOf(MoneyFormatException.class);
    assertThatThrownBy(() -> Money.parse("1,234.567", "USD", Locale.US))
        .hasMessageContaining("at most 2 decimals");
  }

  @Example
  void formatUsesTheCurrencysDecimalsAndTheLocale() {
    assertThat(Money.of(123456, "USD").format(Locale.US)).isEqualTo("$1,234.56");
    assertThat(Money.of(123456, "EUR").format(Locale.GERMANY)).contains("1.234,56").contains("€");
    assertThat(Money.of(1234, "JPY").format(Locale.US)).isEqualTo("¥1,234");
    assertThat(Money.of(1234, "BHD").formatAmount(Locale.US)).isEqualTo("1.234");
    assertThat(Money.of(-5, "USD").toPlainString()).isEqualTo("-0.05");
    assertThat(Money.of(5, "QQQ").format(Locale.US)).isEqualTo("0.05 QQQ");
    assertThat(Money.of(1250, "USD")).hasToString("12.50 USD");
  }

  @Example
  void currencyMustBeThreeUpperCaseLetters() {
    for (String bad : new String[] {"usd", "US", "USDX", "U$D", ""}) {
      assertThatThrownBy(() -> Money.of(1, bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> Money.parse("1", bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
