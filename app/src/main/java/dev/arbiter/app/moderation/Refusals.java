package dev.arbiter.app.moderation;

import dev.arbiter.app.common.ErrorText;
import dev.arbiter.persistence.moderation.ModerationRefusal;

/** One line for a failed moderation call: the database's own words for a refusal. */
final class Refusals {

  private Refusals() {}

  static String describe(Throwable failure) {
    if (failure instanceof ModerationRefusal refusal) {
      return "Refused: " + refusal.getMessage();
    }
    if (failure instanceof IllegalArgumentException) {
      return failure.getMessage();
    }
    return ErrorText.describe(failure);
  }
}
