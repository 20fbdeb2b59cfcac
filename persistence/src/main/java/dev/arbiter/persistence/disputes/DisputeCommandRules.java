package dev.arbiter.persistence.disputes;

import dev.arbiter.model.disputes.DisputeOutcome;
import dev.arbiter.model.disputes.DisputeStatus;
import dev.arbiter.model.money.Money;
import dev.arbiter.persistence.disputes.DisputeCommand.Assign;
import dev.arbiter.persistence.disputes.DisputeCommand.ChangePriority;
import dev.arbiter.persistence.disputes.DisputeCommand.ChangeStatus;
import dev.arbiter.persistence.disputes.DisputeCommand.PostMessage;
import dev.arbiter.persistence.disputes.DisputeCommand.ProposeSettlement;
import dev.arbiter.persistence.disputes.DisputeCommand.SetDeadline;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The input checks every dispute command passes before anything is written. The case view runs them
 * to show a message next to the field; the service runs them again, with freshly read amounts.
 */
public final class DisputeCommandRules {

  /** The longest message body accepted. */
  public static final int MAX_BODY = 10_000;

  private DisputeCommandRules() {}

  /**
   * The first problem with {@code command}, or empty.
   *
   * @param now the current time, for deadlines
   * @param heldMinor what the escrow or checkpoint holds for this dispute, or null if nothing does
   */
  public static Optional<DisputeActionRefused> check(
      DisputeCommand command, Instant now, Long heldMinor) {
    if (command instanceof PostMessage m) {
      if (m.body() == null || m.body().isBlank()) {
        return problem("body", "Write a message first; an empty message is not sent.");
      }
      if (m.body().length() > MAX_BODY) {
        return problem("body", "Keep a message under 10,000 characters.");
      }
    } else if (command instanceof SetDeadline d) {
      if (d.due() != null && !d.due().isAfter(now)) {
        return problem("due", "The deadline is in the past; choose a later time.");
      }
      if (d.due() == null && d.action() != null) {
        return problem("due", "Set a deadline for the automatic action to happen at.");
      }
    } else if (command instanceof Assign a) {
      if (a.assignee() != null && a.assignee().isBlank()) {
        return problem("assignee", "Choose an agent.");
      }
    } else if (command instanceof ProposeSettlement p) {
      return settlement(p, heldMinor);
    }
    return Optional.empty();
  }

  /**
   * Why {@code command} would no longer make sense on the case as it is now (its status moved on,
   * or what it asks for is already so), or empty when re-applying it is legal. The inputs are
   * checked again too, against what is held now.
   */
  public static Optional<String> stillApplies(
      DisputeCommand command, DisputeCase.Header now, Instant at) {
    DisputeStatus status = now.status();
    String ref = now.reference();
    String problem = null;
    if (command instanceof ChangeStatus s) {
      if (status == s.target()) {
        problem = ref + " is already " + label(status) + ".";
      } else if (!status.canMoveTo(s.target()) || status.requiresMoneyFunction(s.target())) {
        problem =
            ref + " is " + label(status) + " now; it cannot move to " + label(s.target()) + ".";
      }
    } else if (command instanceof PostMessage) {
      if (status == DisputeStatus.CLOSED) {
        problem = ref + " is closed now; nothing more is posted to it.";
      }
    } else if (command instanceof ProposeSettlement p) {
      boolean canEscalate =
          status == DisputeStatus.UNDER_REVIEW || status == DisputeStatus.AWAITING_PARTIES;
      if (status != DisputeStatus.ESCALATED && !(canEscalate && p.escalateFirst())) {
        problem = ref + " is " + label(status) + " now; it cannot settle from there.";
      }
    } else if (!status.isOpen()) {
      problem = ref + " is " + label(status) + " now; your change no longer applies.";
    } else if (command instanceof Assign a && Objects.equals(a.assignee(), now.assignedTo())) {
      problem =
          ref
              + " is already "
              + (a.assignee() == null ? "unassigned" : "with " + a.assignee())
              + ".";
    } else if (command instanceof ChangePriority p && p.priority() == now.priority()) {
      problem = ref + " already has priority " + label(p.priority()) + ".";
    }
    if (problem != null) {
      return Optional.of(problem);
    }
    return check(command, at, now.heldMinor()).map(DisputeActionRefused::getMessage);
  }

  private static String label(Enum<?> value) {
    return CommandApplier.label(value);
  }

  private static Optional<DisputeActionRefused> settlement(ProposeSettlement p, Long heldMinor) {
    DisputeSnapshot seen = p.seen();
    Optional<String> shares =
        p.outcome().sharesProblem(p.payeeMinor(), p.payerMinor(), seen.amountMinor());
    if (shares.isPresent()) {
      String detail =
          p.outcome() == DisputeOutcome.SPLIT
              ? " The disputed amount is " + money(seen.amountMinor(), seen.currency()) + "."
              : "";
      return problem("shares", shares.get() + detail);
    }
    long paid = p.payeeMinor() + p.payerMinor();
    if (paid > 0 && heldMinor == null) {
      return problem(
          "shares", "No escrow holds money for this dispute; only a dismissal can be proposed.");
    }
    if (heldMinor != null && paid > heldMinor) {
      return problem(
          "shares",
          "Only "
              + money(heldMinor, seen.currency())
              + " is held; the settlement would pay out "
              + money(paid, seen.currency())
              + ".");
    }
    if (p.reason() == null || p.reason().isBlank()) {
      return problem("reason", "Give the reason for this settlement; finance reads it.");
    }
    return Optional.empty();
  }

  private static String money(long minor, String currency) {
    return Money.of(minor, currency).toPlainString() + " " + currency;
  }

  private static Optional<DisputeActionRefused> problem(String field, String message) {
    return Optional.of(DisputeActionRefused.invalid(field, message));
  }
}
