package dev.arbiter.app.common.command;

/**
 * Thrown by a command whose service reports a lost connection as an answer instead of throwing (a
 * bulk item in flight, or not sent because no connection could be had): the runner then settles it
 * by its key like any other answer lost with the connection.
 */
public final class AnswerLost extends RuntimeException {

  public AnswerLost(String message) {
    super(message);
  }
}
