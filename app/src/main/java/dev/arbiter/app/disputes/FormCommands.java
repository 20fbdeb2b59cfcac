package dev.arbiter.app.disputes;

import dev.arbiter.model.disputes.DisputeOutcome;
import dev.arbiter.model.disputes.MessageVisibility;
import dev.arbiter.model.money.Money;
import dev.arbiter.model.money.MoneyFormatException;
import dev.arbiter.persistence.disputes.DisputeCommand;
import dev.arbiter.persistence.disputes.DisputeSnapshot;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import javafx.beans.property.StringProperty;

/**
 * Turns what the agent typed in the case's forms into commands. A typing mistake shows next to its
 * field and gives no command; what the form does once the command is saved (empty the text that was
 * sent) travels with it.
 */
final class FormCommands {

  /** The format of deadlines typed by hand. */
  static final DateTimeFormatter DUE_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private FormCommands() {}

  static Pending message(CaseForms forms, MessageVisibility visibility, DisputeSnapshot seen) {
    StringProperty field = visibility == MessageVisibility.INTERNAL ? forms.note : forms.reply;
    String body = field.get();
    return new Pending(
        new DisputeCommand.PostMessage(seen, visibility, body, DisputeCommand.newKey()),
        () -> clearIfUnchanged(field, body));
  }

  /**
   * The deadline typed ("yyyy-MM-dd HH:mm", local time; empty clears it), or null if unreadable.
   */
  static Pending deadline(CaseForms forms, ZoneId zone, DisputeSnapshot seen) {
    String text = forms.due.get() == null ? "" : forms.due.get().strip();
    Instant due = null;
    if (!text.isEmpty()) {
      try {
        due = LocalDateTime.parse(text, DUE_FORMAT).atZone(zone).toInstant();
      } catch (DateTimeParseException e) {
        forms.dueError.set("Write the deadline as 2025-03-01 14:30.");
        return null;
      }
    }
    return new Pending(
        new DisputeCommand.SetDeadline(
            seen, due, forms.deadlineAction.get().value(), DisputeCommand.newKey()),
        () -> {});
  }

  /** The settlement proposed in the form, or null if a share is not an amount. */
  static Pending settlement(CaseForms forms, DisputeSnapshot seen) {
    String currency = seen.currency();
    DisputeOutcome outcome = forms.outcome.get();
    long payee;
    long payer;
    try {
      payee = share(forms.payee.get(), currency, outcome != DisputeOutcome.REFUND_TO_PAYER);
      payer = share(forms.payer.get(), currency, outcome != DisputeOutcome.RELEASE_TO_PAYEE);
    } catch (MoneyFormatException e) {
      forms.sharesError.set(e.getMessage());
      return null;
    }
    if (outcome == DisputeOutcome.DISMISSED) {
      payee = 0;
      payer = 0;
    }
    String reason = forms.reason.get();
    return new Pending(
        new DisputeCommand.ProposeSettlement(
            seen,
            outcome,
            payee,
            payer,
            reason,
            forms.escalateFirst.get(),
            DisputeCommand.newKey()),
        () -> {
          forms.payee.set("");
          forms.payer.set("");
          clearIfUnchanged(forms.reason, reason);
        });
  }

  private static long share(String text, String currency, boolean used) {
    if (!used || text == null || text.isBlank()) {
      return 0;
    }
    return Money.parse(text, currency).minor();
  }

  /** Empties a field after its text was sent, unless the agent typed on meanwhile. */
  private static void clearIfUnchanged(StringProperty field, String sent) {
    if (Objects.equals(field.get(), sent)) {
      field.set("");
    }
  }
}
