package dev.arbiter.app.moderation;

import dev.arbiter.app.common.DisplayNames;
import dev.arbiter.model.common.DatabaseValue;
import dev.arbiter.persistence.moderation.ItemKey;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How moderation names what it shows: items as "Message #1102", stored constants as words, the
 * priority score to one decimal. {@link ItemKey#label()} stays the database's spelling, as it goes
 * into request descriptions and logs.
 */
final class ModerationWords {

  private ModerationWords() {}

  /** The flagged item, e.g. "Message #1102" or "User #180". */
  static String item(ItemKey key) {
    String kind =
        switch (key.type()) {
          case USER -> "User";
          case DISPUTE_MESSAGE -> "Message";
          case DISPUTE_EVIDENCE -> "Evidence";
          case CONTRACT -> "Contract";
          case WORKSPACE -> "Workspace";
        };
    return kind + " #" + key.id();
  }

  /** A severity, status or decision as a word: "Critical", "Open", "Hide content". */
  static String word(DatabaseValue value) {
    return value == null ? "" : DisplayNames.words(value.dbValue());
  }

  /** The same inside a sentence: "closed: dismissed". */
  static String lowerWord(DatabaseValue value) {
    return value == null ? "" : DisplayNames.lowerWords(value.dbValue());
  }

  // Enough to tell two items apart; the third decimal of a weighted sum is noise to a reader.
  static String score(BigDecimal score) {
    if (score == null) {
      return "";
    }
    BigDecimal rounded = score.setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
    return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
  }
}
