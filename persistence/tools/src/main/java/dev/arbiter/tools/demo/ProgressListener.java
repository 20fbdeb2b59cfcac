package dev.arbiter.tools.demo;

/**
 * Told how a demo load advances, on the loading thread. A listener that throws cancels the load;
 * the whole load is then rolled back.
 */
@FunctionalInterface
public interface ProgressListener {

  /** Ignores progress. */
  ProgressListener NONE = (phase, done, total) -> {};

  /**
   * @param phase what is being written: {@code people}, {@code contracts}, {@code ledger} or {@code
   *     finishing}
   * @param done units of the phase written so far
   * @param total units the phase has in all
   */
  void onProgress(String phase, long done, long total);
}
