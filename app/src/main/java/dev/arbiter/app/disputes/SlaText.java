package dev.arbiter.app.disputes;

import dev.arbiter.model.disputes.DeadlineAction;
import java.time.Duration;
import java.time.Instant;

/**
 * The SLA clock as an agent reads it: how long until the response is due (or how long overdue), and
 * what the system does at the deadline, e.g. "2 h · auto-escalates" or "overdue 3 h".
 */
public final class SlaText {

  /** The clock's text and whether it is breached (shown red). */
  public record Clock(String text, boolean breached, boolean dueSoon) {}

  private static final Duration DUE_SOON = Duration.ofHours(4);

  private SlaText() {}

  public static Clock of(Instant due, DeadlineAction action, Instant now) {
    if (due == null) {
      return new Clock("no deadline", false, false);
    }
    Duration left = Duration.between(now, due);
    if (left.isNegative() || left.isZero()) {
      String overdue = "overdue " + span(left.negated());
      return new Clock(
          action == null ? overdue : overdue + " · " + pastAction(action), true, false);
    }
    String text =
        action == null ? "due in " + span(left) : futureAction(action) + " in " + span(left);
    return new Clock(text, false, left.compareTo(DUE_SOON) <= 0);
  }

  /** "45 min", "2 h", "3 d": the largest whole unit, so the column stays narrow. */
  static String span(Duration d) {
    long minutes = d.toMinutes();
    if (minutes < 1) {
      return "<1 min";
    }
    if (minutes < 60) {
      return minutes + " min";
    }
    long hours = d.toHours();
    if (hours < 48) {
      return hours + " h";
    }
    return d.toDays() + " d";
  }

  private static String futureAction(DeadlineAction action) {
    return switch (action) {
      case AUTO_ESCALATE -> "auto-escalates";
      case AUTO_RESOLVE_PAYEE -> "auto-resolves for the freelancer";
      case AUTO_RESOLVE_PAYER -> "auto-resolves for the client";
    };
  }

  private static String pastAction(DeadlineAction action) {
    return switch (action) {
      case AUTO_ESCALATE -> "escalation due";
      case AUTO_RESOLVE_PAYEE -> "resolution for the freelancer due";
      case AUTO_RESOLVE_PAYER -> "resolution for the client due";
    };
  }

  /** The age of a case: "3 d", "5 h". */
  public static String age(Instant openedAt, Instant now) {
    return span(Duration.between(openedAt, now));
  }
}
