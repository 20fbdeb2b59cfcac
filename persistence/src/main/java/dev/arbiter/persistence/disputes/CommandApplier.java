package dev.arbiter.persistence.disputes;

import dev.arbiter.model.disputes.Dispute;
import dev.arbiter.model.disputes.DisputeMessage;
import dev.arbiter.model.disputes.DisputeStatus;
import dev.arbiter.model.disputes.MessageVisibility;
import dev.arbiter.model.disputes.Settlement;
import dev.arbiter.model.disputes.SettlementStatus;
import dev.arbiter.model.money.Money;
import dev.arbiter.persistence.access.Sql;
import dev.arbiter.persistence.disputes.DisputeActionRefused.Reason;
import dev.arbiter.persistence.disputes.DisputeCommand.Assign;
import dev.arbiter.persistence.disputes.DisputeCommand.ChangePriority;
import dev.arbiter.persistence.disputes.DisputeCommand.ChangeStatus;
import dev.arbiter.persistence.disputes.DisputeCommand.PostMessage;
import dev.arbiter.persistence.disputes.DisputeCommand.ProposeSettlement;
import dev.arbiter.persistence.disputes.DisputeCommand.SetDeadline;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.hibernate.Session;

/**
 * Applies one command to a dispute already loaded (and version-checked) in the caller's
 * transaction. Java checks come first so that refusals read well; the database checks the same
 * rules again when the session flushes.
 */
final class CommandApplier {

  private final Session session;
  private final String login;
  private final Clock clock;

  CommandApplier(Session session, String login, Clock clock) {
    this.session = session;
    this.login = login;
    this.clock = clock;
  }

  /** Applies the command and returns the sentence for the status line. */
  String apply(Dispute d, DisputeCommand command) {
    if (command instanceof Assign a) {
      return assign(d, a);
    }
    if (command instanceof ChangeStatus s) {
      return changeStatus(d, s);
    }
    if (command instanceof ChangePriority p) {
      requireWorkable(d, "its priority cannot change");
      d.setPriority(p.priority());
      return "Priority of " + d.getReference() + " is now " + label(p.priority()) + ".";
    }
    if (command instanceof SetDeadline s) {
      requireWorkable(d, "it has no deadline any more");
      d.setResponseDueAt(s.due());
      d.setDeadlineAction(s.action());
      return s.due() == null
          ? "Deadline of " + d.getReference() + " cleared."
          : "Deadline of " + d.getReference() + " set.";
    }
    if (command instanceof PostMessage m) {
      return post(d, m);
    }
    return propose(d, (ProposeSettlement) command);
  }

  private String post(Dispute d, PostMessage m) {
    if (d.getStatus() == DisputeStatus.CLOSED) {
      throw new DisputeActionRefused(
          Reason.INVALID, d.getReference() + " is closed; nothing more is posted to it.");
    }
    session.persist(DisputeMessage.fromStaff(d.getId(), m.visibility(), m.body().strip()));
    return m.visibility() == MessageVisibility.INTERNAL
        ? "Internal note added to " + d.getReference() + "."
        : "Reply sent to the parties of " + d.getReference() + ".";
  }

  private String assign(Dispute d, Assign a) {
    requireWorkable(d, "it can no longer be reassigned");
    if (a.assignee() != null && !isSupportAgent(a.assignee())) {
      throw DisputeActionRefused.invalid(
          "assignee", a.assignee() + " is not an active support agent.");
    }
    if (Objects.equals(d.getAssignedTo(), a.assignee())) {
      return d.getReference()
          + " was already "
          + (a.assignee() == null ? "unassigned." : "theirs.");
    }
    d.assignTo(a.assignee());
    return a.assignee() == null
        ? d.getReference() + " is unassigned."
        : d.getReference()
            + " assigned to "
            + (a.assignee().equals(login) ? "you" : a.assignee())
            + ".";
  }

  private String changeStatus(Dispute d, ChangeStatus s) {
    if (s.target() == DisputeStatus.SETTLING) {
      throw new DisputeActionRefused(
          Reason.ILLEGAL_TRANSITION, "A case moves to settling by proposing a settlement.");
    }
    if (d.getStatus() == DisputeStatus.SETTLING && s.target() == DisputeStatus.ESCALATED) {
      // Taking a case back from finance withdraws the proposal that is waiting there.
      withdrawOpenProposal(d);
    }
    d.moveTo(s.target());
    return d.getReference() + " is now " + label(s.target()) + ".";
  }

  private String propose(Dispute d, ProposeSettlement p) {
    DisputeStatus status = d.getStatus();
    if (status == DisputeStatus.SETTLING) {
      throw new DisputeActionRefused(
          Reason.ILLEGAL_TRANSITION,
          "A settlement for " + d.getReference() + " is already with finance.");
    }
    boolean canEscalate =
        status == DisputeStatus.UNDER_REVIEW || status == DisputeStatus.AWAITING_PARTIES;
    if (status != DisputeStatus.ESCALATED && !(canEscalate && p.escalateFirst())) {
      throw new DisputeActionRefused(
          Reason.ILLEGAL_TRANSITION,
          canEscalate
              ? "Only an escalated case settles: escalate "
                  + d.getReference()
                  + " first, or use \"Escalate and propose\"."
              : "A case that is " + label(status) + " cannot settle.");
    }
    DisputeCommandRules.check(p, clock.instant(), held(d.getId()))
        .ifPresent(
            refusal -> {
              throw refusal;
            });
    if (status != DisputeStatus.ESCALATED) {
      d.moveTo(DisputeStatus.ESCALATED);
      // One UPDATE per move: the database checks each status change on its own.
      session.flush();
    }
    String currency = d.getCurrency();
    session.persist(
        Settlement.propose(
            d.getId(),
            d.getAmountDisputed(),
            p.outcome(),
            Money.of(p.payeeMinor(), currency),
            Money.of(p.payerMinor(), currency),
            p.reason().strip()));
    d.moveTo(DisputeStatus.SETTLING);
    return "Settlement proposed for " + d.getReference() + "; it is with finance now.";
  }

  private void withdrawOpenProposal(Dispute d) {
    List<Long> open =
        session
            .createSelectionQuery(
                "select id from Settlement where disputeId = :id and status = :status", Long.class)
            .setParameter("id", d.getId())
            .setParameter("status", SettlementStatus.PROPOSED)
            .getResultList();
    // Support has no UPDATE on settlements: a decision on one is always a database function.
    for (Long id : open) {
      Sql.list(
          session,
          "SELECT 1 AS withdrawn FROM withdraw_settlement(?, ?)",
          r -> r.getInt("withdrawn"),
          id,
          "Taken back to escalated by " + login);
    }
  }

  private Long held(long disputeId) {
    return Sql.one(
        session,
        "SELECT" + CaseReader.HELD + " AS held_minor FROM disputes d WHERE d.id = ?",
        r -> r.nullableLong("held_minor"),
        disputeId);
  }

  private boolean isSupportAgent(String candidate) {
    return Sql.one(
        session,
        "SELECT EXISTS (SELECT 1 FROM staff_accounts s WHERE s.login_role = ? AND"
            + DisputeCaseService.IS_SUPPORT
            + ") AS agent",
        r -> r.getBoolean("agent"),
        candidate);
  }

  private static void requireWorkable(Dispute d, String consequence) {
    if (!d.getStatus().isOpen()) {
      throw new DisputeActionRefused(
          Reason.INVALID,
          d.getReference() + " is " + label(d.getStatus()) + ", so " + consequence + ".");
    }
  }

  static String label(Enum<?> value) {
    return value.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
