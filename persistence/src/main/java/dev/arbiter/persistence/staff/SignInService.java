package dev.arbiter.persistence.staff;

import dev.arbiter.persistence.access.Jdbc;
import dev.arbiter.persistence.session.ConsoleTarget;
import dev.arbiter.persistence.session.StaffDatabase;
import dev.arbiter.persistence.staff.SignInException.Reason;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * Signs staff in with their own PostgreSQL login. The database decides everything: the password
 * (scram), the roles (group membership) and whether the staff account is still active. The console
 * never keeps its own list of who may do what.
 */
public final class SignInService {

  // Each staff role's membership, named by its group role.
  private static final String ACCOUNT_QUERY =
      "SELECT display_name, active FROM staff_accounts WHERE login_role = session_user";

  /** Checks the credentials and the account, then lets the pool go again. */
  public SignedInStaff signIn(ConsoleTarget target, String login, String password)
      throws SignInException {
    try (StaffSession session = startSession(target, login, password)) {
      return session.staff();
    }
  }

  /**
   * Signs in and keeps the pool open for the work that follows. The caller owns the session and
   * closes it on sign-out.
   */
  public StaffSession startSession(ConsoleTarget target, String login, String password)
      throws SignInException {
    String name = login == null ? "" : login.strip();
    if (name.isEmpty()) {
      throw new SignInException(Reason.MISSING_INPUT, "Enter your login name.");
    }
    if (password == null || password.isEmpty()) {
      throw new SignInException(Reason.MISSING_INPUT, "Enter your password.");
    }
    StaffDatabase database = connect(target, name, password);
    try {
      return new StaffSession(identify(database, name), database);
    } catch (SignInException | RuntimeException e) {
      database.close();
      throw e;
    }
  }

  private static StaffDatabase connect(ConsoleTarget target, String login, String password)
      throws SignInException {
    try {
      return StaffDatabase.open(target, login, password);
    } catch (SQLException e) {
      throw refusal(e, login, target);
    }
  }

  // Runs on the pool before Hibernate is started: signing in should not wait for it.
  private static SignedInStaff identify(StaffDatabase database, String login)
      throws SignInException {
    try (Connection c = database.dataSource().getConnection()) {
      Set<StaffRole> roles = roles(c);
      if (roles.isEmpty()) {
        throw new SignInException(
            Reason.NOT_STAFF,
            "The login '" + login + "' is not a staff login: it belongs to no staff role.");
      }
      record Account(String name, boolean active) {}
      List<Account> accounts =
          Jdbc.list(
              c,
              ACCOUNT_QUERY,
              row -> new Account(row.text("display_name"), row.getBoolean("active")));
      if (accounts.isEmpty()) {
        throw new SignInException(
            Reason.NO_STAFF_ACCOUNT,
            "The login '" + login + "' has no staff account. Ask an admin to create one.");
      }
      if (!accounts.get(0).active()) {
        throw new SignInException(
            Reason.DEACTIVATED, "The staff account '" + login + "' has been deactivated.");
      }
      return new SignedInStaff(login, accounts.get(0).name(), roles);
    } catch (SQLException e) {
      throw refusal(e, login, database.target());
    }
  }

  private static Set<StaffRole> roles(Connection c) throws SQLException {
    return Jdbc.list(c, HeldRoles.QUERY, HeldRoles::of, HeldRoles.params()).get(0);
  }

  /** Turns the driver's refusal into a sentence, by SQLSTATE rather than by message text. */
  static SignInException refusal(SQLException e, String login, ConsoleTarget target) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.equals("28P01")) {
      return new SignInException(
          Reason.BAD_CREDENTIALS, "Unknown login or wrong password for '" + login + "'.", e);
    }
    if (state.equals("28000")) {
      return new SignInException(
          Reason.LOGIN_NOT_ALLOWED,
          "The server does not let '" + login + "' sign in (unknown login or not allowed).",
          e);
    }
    if (state.equals("3D000")) {
      return new SignInException(
          Reason.DATABASE_MISSING,
          "The database at " + target.displayUrl() + " does not exist on that server.",
          e);
    }
    if (state.startsWith("08")) {
      return new SignInException(
          Reason.SERVER_UNREACHABLE,
          "Cannot reach the database server at " + target.displayUrl() + ".",
          e);
    }
    return new SignInException(
        Reason.FAILED, "Sign-in failed: " + firstLine(e.getMessage()) + " (" + state + ")", e);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no details from the server";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
