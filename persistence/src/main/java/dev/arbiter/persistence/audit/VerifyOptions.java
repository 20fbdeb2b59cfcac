package dev.arbiter.persistence.audit;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * How to verify the audit chain.
 *
 * @param fromId the first entry to check; 1 checks from genesis. From a later entry, the entry's
 *     own stored {@code prev_hash} is the starting link, so only the chain from there on is proven.
 * @param anchor an exported anchor the chain must still reach with the same hash, or null
 * @param parallelism how many connections read ranges at once (1 reads on one connection)
 * @param progress told how far the verification got, from the verifying thread
 * @param cancelled polled while reading; once true the verification stops with {@link
 *     java.util.concurrent.CancellationException}
 */
public record VerifyOptions(
    long fromId,
    ChainAnchor anchor,
    int parallelism,
    VerifyProgress progress,
    BooleanSupplier cancelled) {

  /** Told how many entries were checked of how many there are to check. */
  @FunctionalInterface
  public interface VerifyProgress {
    void checked(long entries, long total);

    VerifyProgress NONE = (entries, total) -> {};
  }

  public VerifyOptions {
    if (fromId < 1) {
      throw new IllegalArgumentException("entry ids start at 1, not " + fromId);
    }
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be positive: " + parallelism);
    }
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(cancelled, "cancelled");
  }

  /** The whole chain, no anchor, on as many connections as there are cores (at most two). */
  public static VerifyOptions defaults() {
    return new VerifyOptions(
        1,
        null,
        Math.min(2, Runtime.getRuntime().availableProcessors()),
        VerifyProgress.NONE,
        () -> false);
  }

  public VerifyOptions from(long id) {
    return new VerifyOptions(id, anchor, parallelism, progress, cancelled);
  }

  public VerifyOptions against(ChainAnchor exported) {
    return new VerifyOptions(fromId, exported, parallelism, progress, cancelled);
  }

  public VerifyOptions parallelism(int connections) {
    return new VerifyOptions(fromId, anchor, connections, progress, cancelled);
  }

  public VerifyOptions reportingTo(VerifyProgress listener) {
    return new VerifyOptions(fromId, anchor, parallelism, listener, cancelled);
  }

  public VerifyOptions cancelledWhen(BooleanSupplier flag) {
    return new VerifyOptions(fromId, anchor, parallelism, progress, flag);
  }
}
