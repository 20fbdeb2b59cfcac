package dev.arbiter.tools.consoles;

import java.util.Arrays;

/** Every queue page read in one phase, by queue, in milliseconds; and the reads that failed. */
final class PageTimes {

  enum Queue {
    DISPUTES,
    RELEASES
  }

  private final double[][] millis = new double[Queue.values().length][1024];
  private final int[] counts = new int[Queue.values().length];
  private final long[] busyNanos = new long[Queue.values().length];
  private int failures;
  private String firstFailure;

  synchronized void record(Queue queue, long nanos) {
    int q = queue.ordinal();
    if (counts[q] == millis[q].length) {
      millis[q] = Arrays.copyOf(millis[q], counts[q] * 2);
    }
    millis[q][counts[q]++] = nanos / 1_000_000.0;
  }

  /** Time a queue's live refresh kept the database busy, all its statements (the count too). */
  synchronized void busy(Queue queue, long nanos) {
    busyNanos[queue.ordinal()] += nanos;
  }

  synchronized void failed(RuntimeException e) {
    if (failures++ == 0) {
      firstFailure = e.toString();
    }
  }

  /**
   * Forgets the reads so far: the first reads of a console (and its Hibernate start) are warm-up.
   */
  synchronized void reset() {
    Arrays.fill(counts, 0);
    Arrays.fill(busyNanos, 0);
    failures = 0;
    firstFailure = null;
  }

  synchronized int reads(Queue queue) {
    return counts[queue.ordinal()];
  }

  /** The value below which 95% of the reads fall (nearest rank); NaN for no reads. */
  synchronized double p95(Queue queue) {
    int q = queue.ordinal();
    if (counts[q] == 0) {
      return Double.NaN;
    }
    double[] sorted = Arrays.copyOf(millis[q], counts[q]);
    Arrays.sort(sorted);
    return sorted[(int) Math.min(sorted.length - 1, Math.round(0.95 * (sorted.length - 1)))];
  }

  /** The busy time of {@link #busy}, in milliseconds. */
  synchronized double busyMillis(Queue queue) {
    return busyNanos[queue.ordinal()] / 1_000_000.0;
  }

  synchronized int failures() {
    return failures;
  }

  synchronized String firstFailure() {
    return firstFailure;
  }
}
