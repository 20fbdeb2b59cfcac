package dev.arbiter.persistence.staff;

/** Sign-in was refused. The message is one sentence meant for the login screen. */
public class SignInException extends Exception {

  /** Why sign-in was refused. */
  public enum Reason {
    /** Login or password missing before anything was sent. */
    MISSING_INPUT,
    /**
     * Wrong password or unknown login. PostgreSQL answers both the same way on purpose, so that a
     * stranger cannot probe for login names.
     */
    BAD_CREDENTIALS,
    /** The server knows the login but does not let it connect (NOLOGIN, pg_hba rules). */
    LOGIN_NOT_ALLOWED,
    /** No server answered at the address. */
    SERVER_UNREACHABLE,
    /** The server answered but has no such database. */
    DATABASE_MISSING,
    /** The login belongs to no staff group role. */
    NOT_STAFF,
    /** The login is in a staff group but has no staff account. */
    NO_STAFF_ACCOUNT,
    /** The staff account has been deactivated. */
    DEACTIVATED,
    /** Anything else the server refused. */
    FAILED
  }

  private final Reason reason;

  public SignInException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public SignInException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
