package dev.arbiter.app.shell;

/**
 * The console window cannot be opened on this machine (no display, no GTK). The message is one line
 * meant to be printed as is by the command line.
 */
public class ConsoleUnavailableException extends RuntimeException {

  public ConsoleUnavailableException(String message) {
    super(message);
  }

  public ConsoleUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
