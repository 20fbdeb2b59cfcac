package dev.arbiter.app.disputes;

import dev.arbiter.model.disputes.DeadlineAction;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The SLA clock as an agent reads it: how long until the response is due (or how long overdue), and
 * what the system does at the deadline, e.g. "2 h · auto-escalates" or "overdue 3 h".
 */
public final class SlaText {

  /** The clock's text and whether it is breached (shown red). */
  public record Clock(String text, boolean breached, boolean dueSoon) {}

  private static final Duration DUE_SOON = Duration.ofHours(4);

  private SlaText() {}

  /**
   * The clock once the automation may have acted: after it did ({@code actedAt}), what it did and
   * when, e.g. "auto-escalated 5 min ago".
   */
  public static Clock of(Instant due, DeadlineAction action, Instant actedAt, Instant now) {
    if (actedAt != null && action != null) {
      return new Clock(
          doneAction(action) + " " + span(Duration.between(actedAt, now)) + " ago", false, false);
    }
    return of(due, action, now);
  }

  /**
   * One sentence for the case view: what the deadline rule will do and when, or what the automation
   * did and when; empty when the case has no deadline.
   */
  public static String explain(Instant due, DeadlineAction action, Instant actedAt, ZoneId zone) {
    if (due == null) {
      return "";
    }
    if (action == null) {
      return "Nothing happens by itself at the deadline.";
    }
    if (actedAt != null) {
      return "At " + time(actedAt, zone) + " the automation " + pastSentence(action) + ".";
    }
    return "At " + time(due, zone) + " the automation will " + futureSentence(action) + ".";
  }

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

  private static String doneAction(DeadlineAction action) {
    return switch (action) {
      case AUTO_ESCALATE -> "auto-escalated";
      case AUTO_RESOLVE_PAYEE -> "settlement for the freelancer proposed";
      case AUTO_RESOLVE_PAYER -> "settlement for the client proposed";
    };
  }

  private static String futureSentence(DeadlineAction action) {
    return switch (action) {
      case AUTO_ESCALATE ->
          "escalate the case and hand it to the support agent with the fewest escalated cases";
      case AUTO_RESOLVE_PAYEE ->
          "propose a settlement paying the whole disputed amount to the freelancer; finance then"
              + " executes it";
      case AUTO_RESOLVE_PAYER ->
          "propose a settlement refunding the whole disputed amount to the client; finance then"
              + " executes it";
    };
  }

  private static String pastSentence(DeadlineAction action) {
    return switch (action) {
      case AUTO_ESCALATE -> "escalated the case when its deadline passed";
      case AUTO_RESOLVE_PAYEE ->
          "proposed a settlement for the freelancer when the deadline passed; finance executes it";
      case AUTO_RESOLVE_PAYER ->
          "proposed a settlement for the client when the deadline passed; finance executes it";
    };
  }

  private static String time(Instant at, ZoneId zone) {
    return DateTimeFormatter.ofPattern("d MMM HH:mm", java.util.Locale.ENGLISH)
        .withZone(zone)
        .format(at);
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
