package dev.arbiter.app.common;

import dev.arbiter.persistence.session.StaffDatabaseException;
import dev.arbiter.persistence.staff.SignInException;

/** Turns a failure into one line a person can act on. */
public final class ErrorText {

  private ErrorText() {}

  public static String describe(Throwable failure) {
    if (failure instanceof SignInException || failure instanceof StaffDatabaseException) {
      return failure.getMessage();
    }
    String message = failure.getMessage();
    String kind = failure.getClass().getSimpleName();
    if (message == null || message.isBlank()) {
      return "Unexpected error (" + kind + ").";
    }
    int newline = message.indexOf('\n');
    return "Unexpected error: " + (newline < 0 ? message : message.substring(0, newline));
  }
}
