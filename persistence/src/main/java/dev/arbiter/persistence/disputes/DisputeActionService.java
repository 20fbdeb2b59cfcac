package dev.arbiter.persistence.disputes;

import dev.arbiter.model.common.IllegalStatusChangeException;
import dev.arbiter.model.disputes.Dispute;
import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.access.DataAccess.Audited;
import dev.arbiter.persistence.access.Sql;
import dev.arbiter.persistence.disputes.DisputeActionRefused.Reason;
import dev.arbiter.persistence.session.StaffDatabaseException;
import dev.arbiter.persistence.staff.SignedInStaff;
import dev.arbiter.persistence.staff.StaffRole;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import org.hibernate.Session;
import org.hibernate.StaleStateException;

/**
 * Runs support agents' dispute commands, each in one audited write: it records the idempotency key,
 * checks the version the agent saw, applies the change to the {@link Dispute} entity and lets its
 * {@code @Version} guard the update against anyone who wrote in between (the database stamps the
 * version too and has the last word). Every audit row the command causes names it and its key.
 * Refusals are {@link DisputeActionRefused} and leave nothing written.
 */
public final class DisputeActionService {

  private static final String CLAIM_KEY =
      "INSERT INTO dispute_commands (idempotency_key, command, dispute_id, fingerprint,"
          + " description) VALUES (?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING";

  private static final String CLAIMED =
      "SELECT fingerprint, description FROM dispute_commands WHERE idempotency_key = ?";

  /** What the first use of a key recorded. */
  private record Claim(String fingerprint, String description) {}

  private final DataAccess access;
  private final SignedInStaff staff;
  private final Clock clock;

  /**
   * @param access the login's data access; Hibernate starts inside the first action if nothing
   *     started it before, off the FX thread
   */
  public DisputeActionService(DataAccess access, SignedInStaff staff, Clock clock) {
    this.access = access;
    this.staff = staff;
    this.clock = clock;
  }

  /**
   * Runs {@code command}.
   *
   * @throws DisputeActionRefused when a rule, the agent's role, a stale view or the database
   *     refuses it
   * @throws StaffDatabaseException when the database cannot be reached
   */
  public ActionResult execute(DisputeCommand command) {
    if (!staff.has(StaffRole.SUPPORT)) {
      throw new DisputeActionRefused(
          Reason.NOT_PERMITTED,
          "Only support agents work disputes; you are signed in as " + staff.rolesText() + ".");
    }
    // Settlement amounts are checked inside the transaction, against what is held right then.
    if (!(command instanceof DisputeCommand.ProposeSettlement)) {
      DisputeCommandRules.check(command, clock.instant(), null)
          .ifPresent(
              refusal -> {
                throw refusal;
              });
    }
    try {
      return access.write(
          new Audited(command.name(), command.idempotencyKey()), session -> run(session, command));
    } catch (DisputeActionRefused refused) {
      throw refused;
    } catch (IllegalStatusChangeException illegal) {
      throw new DisputeActionRefused(Reason.ILLEGAL_TRANSITION, illegal.getMessage());
    } catch (SQLException | RuntimeException e) {
      throw translate(e, command);
    }
  }

  private ActionResult run(Session session, DisputeCommand command) {
    int claimed =
        Sql.update(
            session,
            CLAIM_KEY,
            command.idempotencyKey(),
            command.name(),
            command.seen().id(),
            command.fingerprint(),
            command.description());
    if (claimed == 0) {
      return replay(session, command);
    }
    Dispute dispute = session.find(Dispute.class, command.seen().id());
    if (dispute == null) {
      throw new DisputeActionRefused(
          Reason.NOT_FOUND, "Dispute " + command.seen().reference() + " no longer exists.");
    }
    if (dispute.getVersion() != command.seen().version()) {
      throw StaleView.refusal(session, dispute, command.seen());
    }
    String message = new CommandApplier(session, staff.login(), clock).apply(dispute, command);
    session.flush();
    return new ActionResult(message, dispute.getVersion(), false);
  }

  private static ActionResult replay(Session session, DisputeCommand command) {
    Claim first =
        Sql.one(
            session,
            CLAIMED,
            r -> new Claim(r.text("fingerprint"), r.text("description")),
            command.idempotencyKey());
    if (!Objects.equals(first.fingerprint(), command.fingerprint())) {
      throw new DisputeActionRefused(
          Reason.KEY_REUSED,
          "This request key was already used for another action (\""
              + first.description()
              + "\").");
    }
    Dispute dispute = session.find(Dispute.class, command.seen().id());
    return new ActionResult(
        "Already done: " + command.description() + ".", dispute.getVersion(), true);
  }

  private RuntimeException translate(Exception e, DisputeCommand command) {
    if (causedBy(e, StaleStateException.class)
        || causedBy(e, jakarta.persistence.OptimisticLockException.class)) {
      return staleAfterRace(command);
    }
    SQLException sql = DisputeAccess.sqlCause(e);
    if (sql == null) {
      return e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
    }
    String state = sql.getSQLState() == null ? "" : sql.getSQLState();
    String detail = firstLine(sql.getMessage());
    return switch (state) {
      case "40001" -> staleAfterRace(command);
      case "42501" ->
          new DisputeActionRefused(Reason.NOT_PERMITTED, "The database refused: " + detail);
      case "23514" ->
          new DisputeActionRefused(
              detail.contains("status") ? Reason.ILLEGAL_TRANSITION : Reason.INVALID,
              "The database refused: " + detail);
      case "23505" ->
          new DisputeActionRefused(Reason.INVALID, "The database refused a duplicate: " + detail);
      default -> new StaffDatabaseException("Could not " + lowerFirst(command.description()), sql);
    };
  }

  /** Someone committed between our read and our write: show what they changed. */
  private RuntimeException staleAfterRace(DisputeCommand command) {
    try {
      return access.read(
          session -> {
            Dispute now = session.find(Dispute.class, command.seen().id());
            return StaleView.refusal(session, now, command.seen());
          });
    } catch (SQLException e) {
      return new StaffDatabaseException("Could not " + lowerFirst(command.description()), e);
    }
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String lowerFirst(String text) {
    return Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no details";
    }
    int newline = message.indexOf('\n');
    String line = (newline < 0 ? message : message.substring(0, newline)).strip();
    return line.startsWith("ERROR: ") ? line.substring("ERROR: ".length()) : line;
  }
}
