package dev.arbiter.persistence.ledger;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.access.DataAccess.Audited;
import dev.arbiter.persistence.access.Sql;
import dev.arbiter.persistence.session.StaffDatabaseException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.hibernate.Session;

/**
 * Calls the database's money functions, one audited write per call: the audit log records the
 * action as {@code money.<action>} with the call's idempotency key as its request. A call that
 * loses a deadlock or a serialisation race is retried with the same key, which is safe by
 * construction: the failed attempt left nothing behind, and a committed one would be replayed, not
 * repeated. Every money function takes its key last; the SQL gives each parameter that may be null
 * its type.
 */
public final class MoneyFunctions {

  private static final int ATTEMPTS = 4;
  private static final String SERIALIZATION_FAILURE = "40001";
  private static final String DEADLOCK = "40P01";
  private static final String INSUFFICIENT_PRIVILEGE = "42501";
  private static final String RELEASE = "release_checkpoint(?, CAST(? AS bigint), CAST(? AS text))";
  private static final String SETTLEMENT_AT =
      "settlement_action_at(?, ?, ?, CAST(? AS text), CAST(? AS text))";

  // The audit log takes a request key only in this shape (audit_require_context), while a money
  // function takes any key of 8 to 200 characters. A key the log would refuse still moves money,
  // as it always did; it just is not named in the log.
  private static final Pattern AUDITABLE_KEY =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{7,199}");

  private final DataAccess access;

  public MoneyFunctions(DataAccess access) {
    this.access = access;
  }

  public MoneyResult approve(long checkpoint, String note, String overrideReason, String key) {
    return call(
        "approve",
        "approve_checkpoint(?, CAST(? AS text), CAST(? AS text), CAST(? AS text))",
        key,
        checkpoint,
        note,
        overrideReason);
  }

  public MoneyResult reject(long checkpoint, String reason, String key) {
    return withText("reject", "reject_checkpoint", checkpoint, reason, key);
  }

  public MoneyResult hold(long checkpoint, String reason, String key) {
    return withText("hold", "hold_checkpoint", checkpoint, reason, key);
  }

  public MoneyResult unhold(long checkpoint, String note, String key) {
    return withText("unhold", "unhold_checkpoint", checkpoint, note, key);
  }

  /** Releases {@code amountMinor} of the checkpoint, or all that is left when it is null. */
  public MoneyResult release(long checkpoint, Long amountMinor, String key) {
    return call("release", RELEASE, key, checkpoint, amountMinor);
  }

  /**
   * What {@link #release} would answer now, found by running it and rolling back: the database
   * judges every gate exactly as it would for real, and nothing is kept.
   */
  public MoneyResult previewRelease(long checkpoint, Long amountMinor, String key) {
    try {
      return MoneyResult.parse(
          write(
              "release",
              key,
              session -> {
                session.getTransaction().setRollbackOnly();
                return run(session, RELEASE, key, checkpoint, amountMinor);
              }));
    } catch (SQLException e) {
      if (INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
        return notFinance("release", e);
      }
      throw new StaffDatabaseException("Could not preview the release", e);
    }
  }

  /**
   * What {@link #settlementAt} would answer for {@code execute_settlement} now, found by running it
   * and rolling back, so the reviewer confirms the fee and the payout the database would really
   * post; nothing is kept, not even the key.
   */
  public MoneyResult previewSettlement(long settlement, int version, String note, String key) {
    try {
      return MoneyResult.parse(
          write(
              "execute_settlement",
              key,
              session -> {
                session.getTransaction().setRollbackOnly();
                return run(
                    session, SETTLEMENT_AT, key, "execute_settlement", settlement, version, note);
              }));
    } catch (SQLException e) {
      if (INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
        return notFinance("execute_settlement", e);
      }
      throw new StaffDatabaseException("Could not preview the settlement", e);
    }
  }

  /**
   * Runs checkpoint action {@code action} ({@code approve}, {@code reject}, {@code hold}, {@code
   * unhold}, {@code release}, {@code refund}) only if the checkpoint still has {@code version} and
   * {@code decisions}; otherwise the answer is the refusal {@code stale} and nothing is done or
   * stored. {@code text} is the note or reason, {@code amountMinor} a partial release's amount.
   */
  public MoneyResult checkpointAt(
      String action,
      long checkpoint,
      int version,
      int decisions,
      String text,
      String overrideReason,
      Long amountMinor,
      String key) {
    return call(
        action,
        "checkpoint_action_at(?, ?, ?, ?, CAST(? AS text), CAST(? AS text), CAST(? AS bigint), CAST(? AS text))",
        key,
        action,
        checkpoint,
        version,
        decisions,
        text,
        overrideReason,
        amountMinor);
  }

  /**
   * Runs {@code execute_settlement} or {@code send_back_settlement} only if the settlement still
   * has {@code version}; otherwise the answer is the refusal {@code stale}, nothing done or stored.
   */
  public MoneyResult settlementAt(
      String action, long settlement, int version, String note, String key) {
    return call(action, SETTLEMENT_AT, key, action, settlement, version, note);
  }

  public MoneyResult refund(long checkpoint, String reason, String key) {
    return withText("refund", "refund_checkpoint", checkpoint, reason, key);
  }

  public MoneyResult executeSettlement(long settlement, String note, String key) {
    return withText("execute_settlement", "execute_settlement", settlement, note, key);
  }

  public MoneyResult sendBackSettlement(long settlement, String note, String key) {
    return withText("send_back_settlement", "send_back_settlement", settlement, note, key);
  }

  /** Money captured into an escrow; for the marketplace backend and the owner's loaders. */
  public MoneyResult fundEscrow(long escrow, long amountMinor, String key) {
    return call("fund", "fund_escrow(?, ?, CAST(? AS text))", key, escrow, amountMinor);
  }

  /** The functions that take a record's id, a note or reason, and the key. */
  private MoneyResult withText(String action, String function, long id, String text, String key) {
    return call(action, function + "(?, CAST(? AS text), CAST(? AS text))", key, id, text);
  }

  private MoneyResult call(String action, String function, String key, Object... args) {
    SQLException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        return MoneyResult.parse(write(action, key, session -> run(session, function, key, args)));
      } catch (SQLException e) {
        last = e;
        if (INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
          return notFinance(action, e);
        }
        if (!SERIALIZATION_FAILURE.equals(e.getSQLState()) && !DEADLOCK.equals(e.getSQLState())) {
          break;
        }
      }
    }
    throw new StaffDatabaseException(
        "The " + action.replace('_', ' ') + " did not go through", last);
  }

  /**
   * One audited write, named {@code money.<action>} in the audit log, with its key if it can be.
   */
  private String write(String action, String key, DataAccess.Work<String> work)
      throws SQLException {
    String request = key != null && AUDITABLE_KEY.matcher(key).matches() ? key : null;
    return access.write(new Audited("money." + action, request), work);
  }

  private static String run(Session session, String function, String key, Object... args) {
    Object[] params = Arrays.copyOf(args, args.length + 1);
    params[args.length] = key;
    return Sql.one(
        session, "SELECT " + function + "::text AS result", row -> row.text("result"), params);
  }

  /** The database refused the call itself: the login may not execute money functions. */
  private static MoneyResult notFinance(String action, SQLException e) {
    String message = e.getMessage() == null ? "permission denied" : e.getMessage().strip();
    return MoneyResult.parse(
        "{\"outcome\":\"not_finance\",\"action\":\""
            + action
            + "\",\"message\":"
            + TextNode.valueOf(message)
            + "}");
  }
}
