package dev.arbiter.model.money;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of money in minor units (cents for USD, yen for JPY, fils for BHD) of an ISO 4217
 * currency, exactly as the database stores it: a {@code bigint} and a three-letter code. There is
 * no floating point anywhere, and no operation rounds: arithmetic overflows loudly, and text with
 * more decimals than the currency has is refused.
 *
 * <p>The number of decimals comes from {@link Currency#getDefaultFractionDigits()}; a code that
 * Java does not know (or one without decimals defined, such as XAU) is taken to have two.
 *
 * @param minor the amount in the currency's minor unit; negative only for balances and differences,
 *     never for something a user enters
 * @param currency the ISO 4217 code, three upper-case letters
 */
public record Money(long minor, String currency) {

  private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");
  private static final Pattern PLAIN = Pattern.compile("^([0-9]+)(?:\\.([0-9]+))?$");

  public Money {
    requireCurrencyCode(currency);
  }

  /**
   * Checks that {@code currency} is a three-letter upper-case code, as the database's CHECKs do.
   *
   * @throws IllegalArgumentException if it is not
   */
  public static String requireCurrencyCode(String currency) {
    Objects.requireNonNull(currency, "currency");
    if (!CURRENCY.matcher(currency).matches()) {
      throw new IllegalArgumentException(
          "currency must be three upper-case letters, not '" + currency + "'");
    }
    return currency;
  }

  /** Same as the constructor; reads better in expressions. */
  public static Money of(long minor, String currency) {
    return new Money(minor, currency);
  }

  /** Nothing, in {@code currency}. */
  public static Money zero(String currency) {
    return new Money(0, currency);
  }

  /** The number of decimals amounts in {@code currency} have. */
  public static int fractionDigits(String currency) {
    try {
      int digits = Currency.getInstance(currency).getDefaultFractionDigits();
      return digits < 0 ? 2 : digits;
    } catch (IllegalArgumentException unknown) {
      return 2;
    }
  }

  /**
   * The sum of two amounts in the same currency.
   *
   * @throws IllegalArgumentException if the currencies differ
   * @throws ArithmeticException if the sum does not fit in a {@code long}
   */
  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.addExact(minor, other.minor), currency);
  }

  /**
   * The difference of two amounts in the same currency; it may be negative.
   *
   * @throws IllegalArgumentException if the currencies differ
   * @throws ArithmeticException if the difference does not fit in a {@code long}
   */
  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.subtractExact(minor, other.minor), currency);
  }

  public boolean isPositive() {
    return minor > 0;
  }

  public boolean isZero() {
    return minor == 0;
  }

  public boolean isNegative() {
    return minor < 0;
  }

  /** The amount in major units, e.g. {@code 12.34} for 1234 USD cents; exact. */
  public BigDecimal toMajor() {
    return BigDecimal.valueOf(minor, fractionDigits(currency));
  }

  /** The amount with a dot and all of the currency's decimals, e.g. {@code 1234.50}. */
  public String toPlainString() {
    return toMajor().toPlainString();
  }

  /** The amount with its currency sign, as {@code locale} writes money, e.g. {@code $1,234.50}. */
  public String format(Locale locale) {
    NumberFormat format = NumberFormat.getCurrencyInstance(locale);
    try {
      format.setCurrency(Currency.getInstance(currency));
    } catch (IllegalArgumentException unknown) {
      return formatAmount(locale) + " " + currency;
    }
    fixDigits(format);
    return format.format(toMajor());
  }

  /**
   * The amount without a currency sign, as {@code locale} writes numbers, e.g. {@code 1.234,50} in
   * German. {@link #parse(String, String, Locale)} reads it back.
   */
  public String formatAmount(Locale locale) {
    NumberFormat format = NumberFormat.getNumberInstance(locale);
    format.setGroupingUsed(true);
    fixDigits(format);
    return format.format(toMajor());
  }

  private void fixDigits(NumberFormat format) {
    int digits = fractionDigits(currency);
    format.setMinimumFractionDigits(digits);
    format.setMaximumFractionDigits(digits);
  }

  /**
   * Reads an amount typed with a dot for decimals and no grouping, such as {@code 12.34}.
   *
   * @throws MoneyFormatException if the text is blank, negative, not a number, has more decimals
   *     than {@code currency} has, or is too large
   */
  public static Money parse(String text, String currency) {
    requireCurrencyCode(currency);
    if (text == null || text.isBlank()) {
      throw new MoneyFormatException("Enter an amount.");
    }
    String trimmed = text.strip();
    if (trimmed.startsWith("-") || trimmed.startsWith("\u2212")) {
      throw new MoneyFormatException("An amount cannot be negative.");
    }
    var m = PLAIN.matcher(trimmed);
    if (!m.matches()) {
      throw new MoneyFormatException("'" + trimmed + "' is not an amount such as 1234.50.");
    }
    return fromDigits(trimmed, m.group(1), m.group(2) == null ? "" : m.group(2), currency);
  }

  /**
   * Reads an amount as {@code locale} writes numbers: its decimal separator, and its grouping
   * separator every few digits of the whole part only (so {@code 12,34} is refused in English
   * rather than read as 1234).
   *
   * @throws MoneyFormatException as {@link #parse(String, String)} does
   */
  public static Money parse(String text, String currency, Locale locale) {
    requireCurrencyCode(currency);
    if (text == null || text.isBlank()) {
      throw new MoneyFormatException("Enter an amount.");
    }
    String trimmed = text.strip();
    DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
    char minus = symbols.getMinusSign();
    if (trimmed.charAt(0) == minus || trimmed.charAt(0) == '-' || trimmed.charAt(0) == '\u2212') {
      throw new MoneyFormatException("An amount cannot be negative.");
    }
    String decimal = String.valueOf(symbols.getDecimalSeparator());
    int point = trimmed.indexOf(decimal);
    String whole = point < 0 ? trimmed : trimmed.substring(0, point);
    String fraction = point < 0 ? "" : trimmed.substring(point + 1);
    char zero = symbols.getZeroDigit();
    String digits = ungroup(whole, zero, symbols.getGroupingSeparator(), groupingSize(locale));
    String fractionDigits = asciiDigits(fraction, zero);
    if (digits == null || fractionDigits == null || (point >= 0 && fraction.isEmpty())) {
      String example = new Money(123450, "USD").formatAmount(locale);
      throw new MoneyFormatException("'" + trimmed + "' is not an amount such as " + example + ".");
    }
    return fromDigits(trimmed, digits, fractionDigits, currency);
  }

  /** The ASCII digits of {@code whole} with its grouping removed, or null if it is malformed. */
  private static String ungroup(String whole, char zero, char separator, int size) {
    boolean spaceLike = Character.isSpaceChar(separator);
    StringBuilder digits = new StringBuilder(whole.length());
    int run = 0;
    boolean grouped = false;
    for (int i = 0; i < whole.length(); i++) {
      char c = whole.charAt(i);
      int digit = digit(c, zero);
      if (digit >= 0) {
        digits.append((char) ('0' + digit));
        run++;
      } else if (c == separator || (spaceLike && Character.isSpaceChar(c))) {
        // The first group may be short; every later one is exactly the grouping size.
        if (run == 0 || (grouped && run != size) || (!grouped && run > size)) {
          return null;
        }
        grouped = true;
        run = 0;
      } else {
        return null;
      }
    }
    if (run == 0 || (grouped && run != size)) {
      return null;
    }
    return digits.toString();
  }

  /** {@code text} as ASCII digits, or null if it holds anything but digits. */
  private static String asciiDigits(String text, char zero) {
    StringBuilder digits = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      int digit = digit(text.charAt(i), zero);
      if (digit < 0) {
        return null;
      }
      digits.append((char) ('0' + digit));
    }
    return digits.toString();
  }

  /** The value of a digit written in ASCII or in the locale's own digits, else -1. */
  private static int digit(char c, char zero) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    return c >= zero && c <= zero + 9 ? c - zero : -1;
  }

  private static int groupingSize(Locale locale) {
    NumberFormat format = NumberFormat.getNumberInstance(locale);
    return format instanceof DecimalFormat d && d.getGroupingSize() > 0 ? d.getGroupingSize() : 3;
  }

  private static Money fromDigits(String text, String whole, String fraction, String currency) {
    int digits = fractionDigits(currency);
    if (fraction.length() > digits) {
      throw new MoneyFormatException(
          digits == 0
              ? currency
                  + " amounts have no decimals; '"
                  + text
                  + "' has "
                  + fraction.length()
                  + "."
              : String.format(
                  "%s amounts have at most %d decimals; '%s' has %d.",
                  currency, digits, text, fraction.length()));
    }
    BigDecimal major = new BigDecimal(whole + (fraction.isEmpty() ? "" : "." + fraction));
    try {
      return new Money(major.movePointRight(digits).longValueExact(), currency);
    } catch (ArithmeticException tooLarge) {
      throw new MoneyFormatException("'" + text + "' is too large an amount.");
    }
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(
          "cannot combine " + currency + " with " + other.currency + " without an exchange");
    }
  }

  @Override
  public String toString() {
    return toPlainString() + " " + currency;
  }
}
