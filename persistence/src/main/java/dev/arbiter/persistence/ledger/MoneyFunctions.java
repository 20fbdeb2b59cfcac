package dev.arbiter.persistence.ledger;

import dev.arbiter.persistence.session.StaffDatabaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import javax.sql.DataSource;

/**
 * Calls the database's money functions, one transaction per call. A call that loses a deadlock or a
 * serialisation race is retried with the same idempotency key, which is safe by construction: the
 * failed attempt left nothing behind, and a committed one would be replayed, not repeated.
 */
public final class MoneyFunctions {

  private static final int ATTEMPTS = 4;
  private static final String SERIALIZATION_FAILURE = "40001";
  private static final String DEADLOCK = "40P01";
  private static final String INSUFFICIENT_PRIVILEGE = "42501";

  private final DataSource dataSource;

  public MoneyFunctions(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public MoneyResult approve(long checkpoint, String note, String overrideReason, String key) {
    return call("approve", "approve_checkpoint(?, ?, ?, ?)", checkpoint, note, overrideReason, key);
  }

  public MoneyResult reject(long checkpoint, String reason, String key) {
    return call("reject", "reject_checkpoint(?, ?, ?)", checkpoint, reason, key);
  }

  public MoneyResult hold(long checkpoint, String reason, String key) {
    return call("hold", "hold_checkpoint(?, ?, ?)", checkpoint, reason, key);
  }

  public MoneyResult unhold(long checkpoint, String note, String key) {
    return call("unhold", "unhold_checkpoint(?, ?, ?)", checkpoint, note, key);
  }

  /** Releases {@code amountMinor} of the checkpoint, or all that is left when it is null. */
  public MoneyResult release(long checkpoint, Long amountMinor, String key) {
    return call("release", "release_checkpoint(?, ?, ?)", checkpoint, amount(amountMinor), key);
  }

  /**
   * What {@link #release} would answer now, found by running it and rolling back: the database
   * judges every gate exactly as it would for real, and nothing is kept.
   */
  public MoneyResult previewRelease(long checkpoint, Long amountMinor, String key) {
    return preview("release", "release_checkpoint(?, ?, ?)", checkpoint, amount(amountMinor), key);
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
        "checkpoint_action_at(?, ?, ?, ?, ?, ?, ?, ?)",
        action,
        checkpoint,
        version,
        decisions,
        text,
        overrideReason,
        amount(amountMinor),
        key);
  }

  /**
   * Runs {@code execute_settlement} or {@code send_back_settlement} only if the settlement still
   * has {@code version}; otherwise the answer is the refusal {@code stale}, nothing done or stored.
   */
  public MoneyResult settlementAt(
      String action, long settlement, int version, String note, String key) {
    return call(
        action, "settlement_action_at(?, ?, ?, ?, ?)", action, settlement, version, note, key);
  }

  public MoneyResult refund(long checkpoint, String reason, String key) {
    return call("refund", "refund_checkpoint(?, ?, ?)", checkpoint, reason, key);
  }

  public MoneyResult executeSettlement(long settlement, String note, String key) {
    return call("execute_settlement", "execute_settlement(?, ?, ?)", settlement, note, key);
  }

  public MoneyResult sendBackSettlement(long settlement, String note, String key) {
    return call("send_back_settlement", "send_back_settlement(?, ?, ?)", settlement, note, key);
  }

  /** Money captured into an escrow; for the marketplace backend and the owner's loaders. */
  public MoneyResult fundEscrow(long escrow, long amountMinor, String key) {
    return call("fund", "fund_escrow(?, ?, ?)", escrow, amountMinor, key);
  }

  private MoneyResult call(String action, String function, Object... args) {
    SQLException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(true);
        return MoneyResult.parse(run(c, function, args));
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

  private MoneyResult preview(String action, String function, Object... args) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        return MoneyResult.parse(run(c, function, args));
      } finally {
        c.rollback();
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      if (INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
        return notFinance(action, e);
      }
      throw new StaffDatabaseException("Could not preview the " + action, e);
    }
  }

  private static String run(Connection c, String function, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + function + "::text")) {
      for (int i = 0; i < args.length; i++) {
        if (args[i] instanceof NullAmount) {
          ps.setNull(i + 1, Types.BIGINT);
        } else if (args[i] == null) {
          ps.setNull(i + 1, Types.VARCHAR);
        } else {
          ps.setObject(i + 1, args[i]);
        }
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  /** The database refused the call itself: the login may not execute money functions. */
  private static MoneyResult notFinance(String action, SQLException e) {
    String message = e.getMessage() == null ? "permission denied" : e.getMessage().strip();
    return MoneyResult.parse(
        "{\"outcome\":\"not_finance\",\"action\":\""
            + action
            + "\",\"message\":"
            + com.fasterxml.jackson.databind.node.TextNode.valueOf(message)
            + "}");
  }

  private static Object amount(Long amountMinor) {
    return amountMinor == null ? NullAmount.INSTANCE : amountMinor;
  }

  /** Marks a SQL NULL bigint, which {@code setObject(null)} cannot type. */
  private enum NullAmount {
    INSTANCE
  }
}
