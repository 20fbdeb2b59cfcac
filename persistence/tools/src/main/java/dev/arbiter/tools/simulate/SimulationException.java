package dev.arbiter.tools.simulate;

/** The simulation cannot start (no connection, wrong login, nothing to simulate on). */
public class SimulationException extends RuntimeException {

  public SimulationException(String message) {
    super(message);
  }

  public SimulationException(String message, Throwable cause) {
    super(message, cause);
  }
}
