package dev.arbiter.app.common;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/**
 * Formats amounts kept in minor units. The number of decimals comes from the currency (JPY has
 * none, BHD has three), never from a fixed "divide by 100".
 */
public final class MoneyFormat {

  private static final int UNKNOWN_CURRENCY_DIGITS = 2;

  private final Locale locale;

  public MoneyFormat(Locale locale) {
    this.locale = locale;
  }

  /** The amount in the locale's currency style, e.g. {@code $1,200.00} or {@code ¥150,000}. */
  public String format(long minorUnits, String currencyCode) {
    Currency currency = currencyOrNull(currencyCode);
    if (currency == null) {
      NumberFormat plain = NumberFormat.getNumberInstance(locale);
      plain.setMinimumFractionDigits(UNKNOWN_CURRENCY_DIGITS);
      plain.setMaximumFractionDigits(UNKNOWN_CURRENCY_DIGITS);
      return plain.format(BigDecimal.valueOf(minorUnits, UNKNOWN_CURRENCY_DIGITS))
          + " "
          + currencyCode;
    }
    int digits = fractionDigits(currency);
    NumberFormat format = NumberFormat.getCurrencyInstance(locale);
    format.setCurrency(currency);
    format.setMinimumFractionDigits(digits);
    format.setMaximumFractionDigits(digits);
    String text = format.format(BigDecimal.valueOf(minorUnits, digits));
    // Without a local symbol Java glues the ISO code to the number ("BHD12.345"); space it out.
    String code = currency.getCurrencyCode();
    if (text.startsWith(code) && text.length() > code.length()) {
      char next = text.charAt(code.length());
      if (Character.isDigit(next) || next == '-') {
        return code + "\u00a0" + text.substring(code.length());
      }
    }
    return text;
  }

  /** How many decimals the currency's minor unit has. */
  public static int fractionDigits(String currencyCode) {
    Currency currency = currencyOrNull(currencyCode);
    return currency == null ? UNKNOWN_CURRENCY_DIGITS : fractionDigits(currency);
  }

  private static int fractionDigits(Currency currency) {
    // Pseudo-currencies such as XXX report -1: they have no minor unit at all.
    return Math.max(0, currency.getDefaultFractionDigits());
  }

  private static Currency currencyOrNull(String code) {
    try {
      return Currency.getInstance(code);
    } catch (IllegalArgumentException | NullPointerException e) {
      return null;
    }
  }
}
