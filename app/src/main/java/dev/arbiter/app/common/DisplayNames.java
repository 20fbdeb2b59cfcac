package dev.arbiter.app.common;

import java.util.Locale;
import javafx.util.StringConverter;

/** Words for screen choices, so no combo box ever shows a constant such as OPEN_CONTRACTS. */
public final class DisplayNames {

  private DisplayNames() {}

  /** {@code OPEN_CONTRACTS} or {@code open_contracts} as "Open contracts". */
  public static String words(String constant) {
    if (constant == null || constant.isEmpty()) {
      return "";
    }
    String spaced = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }

  /** Shows enum constants as words; read-only choices need no reverse conversion. */
  public static <E extends Enum<E>> StringConverter<E> forEnum() {
    return new StringConverter<>() {
      @Override
      public String toString(E value) {
        return value == null ? "" : words(value.name());
      }

      @Override
      public E fromString(String text) {
        throw new UnsupportedOperationException("choices are picked, not typed");
      }
    };
  }

  /** Database values as words, with the empty value ("no filter") shown as {@code anyLabel}. */
  public static StringConverter<String> forValues(String anyLabel) {
    return new StringConverter<>() {
      @Override
      public String toString(String value) {
        return value == null || value.isEmpty() ? anyLabel : words(value);
      }

      @Override
      public String fromString(String text) {
        throw new UnsupportedOperationException("choices are picked, not typed");
      }
    };
  }
}
