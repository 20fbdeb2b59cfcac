package dev.arbiter.app.common;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
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
    // A compound the underscores cannot spell: "off_platform_payment" is an off-platform payment.
    spaced = spaced.replace("off platform", "off-platform");
    return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }

  /**
   * Several constants as words, one list: {@code fraud, off_platform_payment} as "Fraud,
   * Off-platform payment".
   */
  public static String words(List<String> constants) {
    return constants.stream().map(DisplayNames::words).collect(Collectors.joining(", "));
  }

  /** The constant as words inside a sentence: {@code under_review} as "under review". */
  public static String lowerWords(String constant) {
    return constant == null ? "" : words(constant).toLowerCase(Locale.ROOT);
  }

  /** Shows enum constants as words; read-only choices need no reverse conversion. */
  public static <E extends Enum<E>> StringConverter<E> forEnum() {
    return of(value -> words(value.name()));
  }

  /** Database values as words, with the empty value ("no filter") shown as {@code anyLabel}. */
  public static StringConverter<String> forValues(String anyLabel) {
    return new Picked<>(value -> value == null || value.isEmpty() ? anyLabel : words(value));
  }

  /** Shows a picked value as {@code label} says, and no value as nothing. */
  public static <T> StringConverter<T> of(Function<T, String> label) {
    return new Picked<>(value -> value == null ? "" : label.apply(value));
  }

  // Choices are picked, never typed, so there is no way back from the text.
  private static final class Picked<T> extends StringConverter<T> {
    private final Function<T, String> text;

    Picked(Function<T, String> text) {
      this.text = text;
    }

    @Override
    public String toString(T value) {
      return text.apply(value);
    }

    @Override
    public T fromString(String typed) {
      throw new UnsupportedOperationException("choices are picked, not typed");
    }
  }
}
