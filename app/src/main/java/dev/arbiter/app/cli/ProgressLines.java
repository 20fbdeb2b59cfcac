package dev.arbiter.app.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of a long read for the terminal: nothing for work quick enough not to wonder about, and
 * then a line every few seconds, so a slow run shows it is alive without flooding the screen.
 */
final class ProgressLines {

  private static final long EVERY_NANOS = 2_000_000_000L;

  private final PrintStream err;
  private final String format;
  private long lastPrinted = System.nanoTime();

  /**
   * @param format the line, given what is done and the total (as {@code "verified %d of %d
   *     entries%n"})
   */
  ProgressLines(PrintStream err, String format) {
    this.err = err;
    this.format = format;
  }

  /** {@code done} of {@code total}: printed only when due, and never for the last one. */
  void report(long done, long total) {
    long now = System.nanoTime();
    if (now - lastPrinted >= EVERY_NANOS && done < total) {
      lastPrinted = now;
      err.printf(Locale.ROOT, format, done, total);
    }
  }
}
