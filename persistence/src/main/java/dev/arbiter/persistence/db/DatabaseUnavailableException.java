package dev.arbiter.persistence.db;

/** The database could not be reached or prepared; the message is fit to show a user. */
public class DatabaseUnavailableException extends RuntimeException {

  public DatabaseUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
