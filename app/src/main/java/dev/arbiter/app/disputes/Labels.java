package dev.arbiter.app.disputes;

import java.util.Locale;

/** Enum constants as people read them: {@code UNDER_REVIEW} is "Under review". */
final class Labels {

  private Labels() {}

  static String of(Enum<?> value) {
    if (value == null) {
      return "—";
    }
    String words = value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
