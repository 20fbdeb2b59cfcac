package dev.arbiter.tools.bench;

/**
 * One measured path: its median time, and its ratio to the baseline it is compared with (1.0 for
 * the baseline itself). {@code target} states the goal, e.g. "≤ 1.3×", or is empty.
 */
public record BenchLine(String label, double medianMillis, double ratio, String target) {

  public static BenchLine baseline(String label, double medianMillis) {
    return new BenchLine(label, medianMillis, 1.0, "");
  }

  public static BenchLine compared(
      String label, double medianMillis, double baselineMillis, String target) {
    return new BenchLine(label, medianMillis, medianMillis / baselineMillis, target);
  }
}
