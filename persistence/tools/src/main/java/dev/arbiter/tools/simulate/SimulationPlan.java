package dev.arbiter.tools.simulate;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * What to simulate: {@code rate} operations per second for {@code duration}, picked by {@code mix}
 * from a random stream seeded with {@code seed}, over {@code connections} connections.
 */
public record SimulationPlan(
    double rate, Duration duration, long seed, TrafficMix mix, int connections) {

  /** The most connections a plan may use. */
  public static final int MAX_CONNECTIONS = 64;

  public SimulationPlan {
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(mix, "mix");
    new Pacing(rate, duration); // validates both
    if (connections < 1 || connections > MAX_CONNECTIONS) {
      throw new IllegalArgumentException("connections must be between 1 and " + MAX_CONNECTIONS);
    }
  }

  /** The standard mix at {@code rate} for {@code duration}, with a connection count to match. */
  public static SimulationPlan of(double rate, Duration duration) {
    return new SimulationPlan(
        rate, duration, System.nanoTime(), TrafficMix.standard(), Pacing.connectionsFor(rate));
  }

  public SimulationPlan withSeed(long seed) {
    return new SimulationPlan(rate, duration, seed, mix, connections);
  }

  public SimulationPlan withMix(TrafficMix mix) {
    return new SimulationPlan(rate, duration, seed, mix, connections);
  }

  public SimulationPlan withConnections(int connections) {
    return new SimulationPlan(rate, duration, seed, mix, connections);
  }

  /** For example {@code 5 ops/s for 5m over 1 connection, mix dispute=12,..., seed 42}. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "%s ops/s for %s over %d connection%s, mix %s, seed %d",
        rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate),
        duration.toString().substring(2).toLowerCase(Locale.ROOT),
        connections,
        connections == 1 ? "" : "s",
        mix,
        seed);
  }

  Pacing pacing() {
    return new Pacing(rate, duration);
  }
}
