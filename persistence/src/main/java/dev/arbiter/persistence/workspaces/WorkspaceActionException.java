package dev.arbiter.persistence.workspaces;

import dev.arbiter.persistence.session.StaffDatabaseException;
import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The database refused a workspace or staff action, or the action failed. The message is the
 * server's own sentence (the rules live in the database), without the driver's decorations, so it
 * can go straight to the screen.
 */
public class WorkspaceActionException extends StaffDatabaseException {

  private final String what;
  private final String reason;
  private final String constraint;

  public WorkspaceActionException(String what, SQLException cause) {
    super(what, cause);
    ServerErrorMessage server =
        cause instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
    String text = server == null ? null : server.getMessage();
    this.what = what;
    this.reason = text == null ? firstLineOf(cause.getMessage()) : text;
    this.constraint = server == null ? null : server.getConstraint();
  }

  /** The constraint or rule the server named, for example {@code workspace_members_owner}. */
  public String constraint() {
    return constraint;
  }

  /** True when the row changed under the writer since it was read. */
  public boolean stale() {
    return "40001".equals(sqlState());
  }

  /** True when the login lacks the privilege or the role the action needs. */
  public boolean notAllowed() {
    return "42501".equals(sqlState());
  }

  @Override
  public String getMessage() {
    String hint = stale() ? " Someone changed it first: reload and try again." : "";
    return what + ": " + reason + "." + hint;
  }

  private static String firstLineOf(String message) {
    if (message == null || message.isBlank()) {
      return "no details from the database";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }
}
