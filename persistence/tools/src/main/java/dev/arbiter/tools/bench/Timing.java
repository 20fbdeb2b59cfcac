package dev.arbiter.tools.bench;

import java.util.Arrays;

/** Repeats a piece of work and reports its median, after warm-up runs that are not counted. */
public final class Timing {

  /** Work that may throw; benchmarks time JDBC and Hibernate calls. */
  @FunctionalInterface
  public interface Work {
    void run() throws Exception;
  }

  private Timing() {}

  public static double medianMillis(int warmups, int runs, Work work) throws Exception {
    for (int i = 0; i < warmups; i++) {
      work.run();
    }
    double[] millis = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      work.run();
      millis[i] = (System.nanoTime() - start) / 1_000_000.0;
    }
    return median(millis);
  }

  /**
   * Times two paths interleaved (A, B, A, B, ...) so that drift on a noisy machine hits both alike.
   * Returns {medianA, medianB}.
   */
  public static double[] interleavedMedians(int warmups, int runs, Work a, Work b)
      throws Exception {
    for (int i = 0; i < warmups; i++) {
      a.run();
      b.run();
    }
    double[] ma = new double[runs];
    double[] mb = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      a.run();
      long t1 = System.nanoTime();
      b.run();
      long t2 = System.nanoTime();
      ma[i] = (t1 - t0) / 1_000_000.0;
      mb[i] = (t2 - t1) / 1_000_000.0;
    }
    return new double[] {median(ma), median(mb)};
  }

  /** The middle value, or the mean of the two middle ones for an even count. */
  public static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** The value below which a fraction {@code p} of the values lie (nearest rank). */
  public static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))];
  }
}
