package dev.arbiter.persistence.session;

import java.sql.SQLException;

/**
 * A read or write on a staff member's connection failed. The message is one line fit for the
 * screen; the SQL state is kept so callers can tell a lost connection from a refused statement.
 */
public class StaffDatabaseException extends RuntimeException {

  private final String sqlState;

  public StaffDatabaseException(String what, SQLException cause) {
    super(what + ": " + firstLine(cause.getMessage()), cause);
    this.sqlState = cause.getSQLState();
  }

  /** One call to the database, e.g. a {@code DataAccess} snapshot, read, query or write. */
  @FunctionalInterface
  public interface Call<T> {
    T run() throws SQLException;
  }

  /**
   * What {@code call} answers. The services' one way to report a driver failure: it becomes this
   * exception, saying {@code what} could not be done, with the SQLSTATE kept.
   */
  public static <T> T wrap(String what, Call<T> call) {
    try {
      return call.run();
    } catch (SQLException e) {
      throw new StaffDatabaseException(what, e);
    }
  }

  /** The PostgreSQL SQLSTATE of the failure, or null when the driver gave none. */
  public String sqlState() {
    return sqlState;
  }

  /** True when the failure was the connection itself (class 08), not the statement. */
  public boolean connectionLost() {
    return sqlState != null && sqlState.startsWith("08");
  }

  static String firstLine(String message) {
    if (message == null || message.isBlank()) {
      return "no details from the database";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }
}
