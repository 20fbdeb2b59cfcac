package dev.arbiter.tools.simulate;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Operation latencies of one kind. Keeps every sample up to a cap, then a uniform reservoir of
 * them, so that an hour at a few hundred operations a second stays a few megabytes.
 */
final class LatencySamples {

  static final int CAP = 200_000;

  private final SplittableRandom random = new SplittableRandom(1);
  private long[] samples = new long[256];
  private int size;
  private long seen;

  synchronized void add(long nanos) {
    seen++;
    if (size < CAP) {
      if (size == samples.length) {
        samples = Arrays.copyOf(samples, Math.min(CAP, size * 2));
      }
      samples[size++] = nanos;
    } else {
      long slot = random.nextLong(seen);
      if (slot < CAP) {
        samples[(int) slot] = nanos;
      }
    }
  }

  /** The {@code q}-quantile (nearest rank), or zero without samples. */
  synchronized Duration quantile(double q) {
    if (size == 0) {
      return Duration.ZERO;
    }
    long[] sorted = Arrays.copyOf(samples, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * size);
    return Duration.ofNanos(sorted[Math.max(0, Math.min(size - 1, rank - 1))]);
  }
}
