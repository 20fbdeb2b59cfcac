package dev.arbiter.persistence.audit;

/** The audit chain could not be read (connection lost, no privilege): nothing was verified. */
public final class ChainReadException extends RuntimeException {

  public ChainReadException(String message, Throwable cause) {
    super(message, cause);
  }
}
