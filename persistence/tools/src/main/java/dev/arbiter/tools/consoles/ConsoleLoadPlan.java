package dev.arbiter.tools.consoles;

import java.time.Duration;
import java.util.Objects;

/**
 * How many consoles to open against the one server, and what the simulator writes meanwhile: each
 * phase (one console, then {@code consoles}) lasts {@code duration} at {@code rate} operations a
 * second, from a random stream seeded with {@code seed}.
 */
public record ConsoleLoadPlan(int consoles, Duration duration, double rate, long seed) {

  public ConsoleLoadPlan {
    if (consoles < 1 || consoles > 1_000) {
      throw new IllegalArgumentException("consoles must be 1 to 1000: " + consoles);
    }
    Objects.requireNonNull(duration, "duration");
  }
}
