package dev.arbiter.tools.simulate;

import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Short, stable reasons for a write the database refused, for counting in the report. */
final class Refusals {

  /** No row could be found to act on (the pool of candidates was empty). */
  static final String NO_CANDIDATE = "no candidate";

  private Refusals() {}

  /** Whether the connection itself is gone, so the worker must open a new one. */
  static boolean connectionLost(SQLException e) {
    String state = e.getSQLState();
    return state != null && (state.startsWith("08") || state.startsWith("57P"));
  }

  /**
   * The reason for a refusal: the constraint when the server names one ("check
   * workspace_members_active_contact"), otherwise the kind of error ("permission denied").
   */
  static String reason(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String constraint = constraint(e);
    String kind =
        switch (state) {
          case "23505" -> "duplicate";
          case "23503" -> "missing reference";
          case "23514" -> "check";
          case "23502" -> "missing value";
          case "40001" -> "serialization failure";
          case "40P01" -> "deadlock";
          case "42501" -> "permission denied";
          case "55P03" -> "lock not available";
          case "57014" -> "statement timeout";
          default -> connectionLost(e) ? "connection lost" : "error " + state;
        };
    return constraint == null ? kind : kind + " " + constraint;
  }

  private static String constraint(SQLException e) {
    if (e instanceof PSQLException p) {
      ServerErrorMessage message = p.getServerErrorMessage();
      if (message != null && message.getConstraint() != null) {
        return message.getConstraint();
      }
    }
    return null;
  }
}
