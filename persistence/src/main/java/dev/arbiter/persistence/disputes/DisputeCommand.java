package dev.arbiter.persistence.disputes;

import dev.arbiter.model.disputes.DeadlineAction;
import dev.arbiter.model.disputes.DisputeOutcome;
import dev.arbiter.model.disputes.DisputePriority;
import dev.arbiter.model.disputes.DisputeStatus;
import dev.arbiter.model.disputes.MessageVisibility;
import dev.arbiter.model.money.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * An action a support agent takes on a dispute. Each carries what the agent saw (for optimistic
 * locking), a client-generated idempotency key (a retry has one effect), a description for the
 * confirmation and the log, and the name the audit rows record ({@code dispute.assign}, ...).
 */
public sealed interface DisputeCommand {

  /** The dispute as the agent saw it when they chose the action. */
  DisputeSnapshot seen();

  /** Unique per intended action; reused only when retrying the same action. */
  String idempotencyKey();

  /** The audit log's command name. */
  String name();

  /** One sentence saying what will happen, e.g. "Assign DSP-000123 to Sam Support". */
  String description();

  /** Whether the console asks before running it (it moves money, or is hard to undo). */
  default boolean needsConfirmation() {
    return false;
  }

  /** The arguments that make two uses of one key the same action. */
  String fingerprint();

  /**
   * The same intent, based on {@code fresh} (what the case holds now) and sent under {@code key}:
   * how an agent re-applies a change that was refused because someone else saved first.
   */
  default DisputeCommand on(DisputeSnapshot fresh, String key) {
    if (fresh.id() != seen().id()) {
      throw new IllegalArgumentException("another dispute: " + fresh.reference());
    }
    if (this instanceof Assign a) {
      return new Assign(fresh, a.assignee(), a.assigneeName(), key);
    }
    if (this instanceof ChangeStatus s) {
      return new ChangeStatus(fresh, s.target(), key);
    }
    if (this instanceof ChangePriority p) {
      return new ChangePriority(fresh, p.priority(), key);
    }
    if (this instanceof SetDeadline d) {
      return new SetDeadline(fresh, d.due(), d.action(), key);
    }
    if (this instanceof PostMessage m) {
      return new PostMessage(fresh, m.visibility(), m.body(), key);
    }
    ProposeSettlement p = (ProposeSettlement) this;
    return new ProposeSettlement(
        fresh, p.outcome(), p.payeeMinor(), p.payerMinor(), p.reason(), p.escalateFirst(), key);
  }

  /** A fresh idempotency key. */
  static String newKey() {
    return "dsp-" + UUID.randomUUID();
  }

  /** Gives the case to a support agent, or to nobody when {@code assignee} is null. */
  record Assign(DisputeSnapshot seen, String assignee, String assigneeName, String idempotencyKey)
      implements DisputeCommand {
    public String name() {
      return "dispute.assign";
    }

    public String description() {
      return assignee == null
          ? "Unassign " + seen.reference()
          : "Assign "
              + seen.reference()
              + " to "
              + (assigneeName == null ? assignee : assigneeName);
    }

    public String fingerprint() {
      return fingerprintOf(this, assignee);
    }
  }

  /** Moves the case along a legal status change (escalating is one). */
  record ChangeStatus(DisputeSnapshot seen, DisputeStatus target, String idempotencyKey)
      implements DisputeCommand {
    public ChangeStatus {
      Objects.requireNonNull(target, "target");
    }

    public String name() {
      return target == DisputeStatus.ESCALATED ? "dispute.escalate" : "dispute.change_status";
    }

    public String description() {
      return target == DisputeStatus.ESCALATED
          ? "Escalate " + seen.reference()
          : "Move " + seen.reference() + " to " + label(target);
    }

    @Override
    public boolean needsConfirmation() {
      return target == DisputeStatus.ESCALATED || target == DisputeStatus.CLOSED;
    }

    public String fingerprint() {
      return fingerprintOf(this, target);
    }
  }

  record ChangePriority(DisputeSnapshot seen, DisputePriority priority, String idempotencyKey)
      implements DisputeCommand {
    public ChangePriority {
      Objects.requireNonNull(priority, "priority");
    }

    public String name() {
      return "dispute.change_priority";
    }

    public String description() {
      return "Set the priority of " + seen.reference() + " to " + label(priority);
    }

    public String fingerprint() {
      return fingerprintOf(this, priority);
    }
  }

  /**
   * Sets (or, with a null {@code due}, clears) the response deadline and what happens when it
   * passes.
   */
  record SetDeadline(
      DisputeSnapshot seen, Instant due, DeadlineAction action, String idempotencyKey)
      implements DisputeCommand {
    public String name() {
      return "dispute.set_deadline";
    }

    public String description() {
      if (due == null) {
        return "Clear the response deadline of " + seen.reference();
      }
      return "Set the response deadline of "
          + seen.reference()
          + " to "
          + due
          + (action == null ? "" : ", then " + label(action));
    }

    @Override
    public boolean needsConfirmation() {
      return action == DeadlineAction.AUTO_RESOLVE_PAYEE
          || action == DeadlineAction.AUTO_RESOLVE_PAYER;
    }

    public String fingerprint() {
      return fingerprintOf(this, due, action);
    }
  }

  /** A reply the parties read, or an internal note only staff read. */
  record PostMessage(
      DisputeSnapshot seen, MessageVisibility visibility, String body, String idempotencyKey)
      implements DisputeCommand {
    public PostMessage {
      Objects.requireNonNull(visibility, "visibility");
    }

    public String name() {
      return visibility == MessageVisibility.INTERNAL ? "dispute.note" : "dispute.reply";
    }

    public String description() {
      return visibility == MessageVisibility.INTERNAL
          ? "Add an internal note to " + seen.reference()
          : "Reply to the parties of " + seen.reference();
    }

    public String fingerprint() {
      return fingerprintOf(this, body);
    }
  }

  /**
   * Proposes how the dispute ends; finance executes it. {@code escalateFirst} escalates a case
   * under review (or awaiting the parties) in the same transaction, since only escalated cases
   * settle.
   */
  record ProposeSettlement(
      DisputeSnapshot seen,
      DisputeOutcome outcome,
      long payeeMinor,
      long payerMinor,
      String reason,
      boolean escalateFirst,
      String idempotencyKey)
      implements DisputeCommand {
    public ProposeSettlement {
      Objects.requireNonNull(outcome, "outcome");
    }

    public String name() {
      return "dispute.propose_settlement";
    }

    public String description() {
      String what =
          switch (outcome) {
            case RELEASE_TO_PAYEE -> "release " + amount(payeeMinor) + " to the freelancer";
            case REFUND_TO_PAYER -> "refund " + amount(payerMinor) + " to the client";
            case SPLIT ->
                "split: "
                    + amount(payeeMinor)
                    + " to the freelancer, "
                    + amount(payerMinor)
                    + " back to the client";
            case DISMISSED -> "dismiss the dispute";
          };
      return (escalateFirst ? "Escalate " + seen.reference() + " and propose to " : "Propose to ")
          + what
          + " on "
          + seen.reference()
          + "; finance executes it";
    }

    private String amount(long minor) {
      return Money.of(minor, seen.currency()).toPlainString() + " " + seen.currency();
    }

    @Override
    public boolean needsConfirmation() {
      return true;
    }

    public String fingerprint() {
      return fingerprintOf(this, outcome, payeeMinor, payerMinor, reason, escalateFirst);
    }
  }

  /** The command's name, its dispute and {@code arguments}, each as text, joined by "|". */
  private static String fingerprintOf(DisputeCommand command, Object... arguments) {
    StringJoiner joined = new StringJoiner("|");
    joined.add(command.name()).add(String.valueOf(command.seen().id()));
    for (Object argument : arguments) {
      joined.add(String.valueOf(argument));
    }
    return joined.toString();
  }

  private static String label(Enum<?> value) {
    return value.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
