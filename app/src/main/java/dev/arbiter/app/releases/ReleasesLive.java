package dev.arbiter.app.releases;

import dev.arbiter.app.live.ChangeSet;
import dev.arbiter.app.live.RefreshGate;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Decides which parts of the finance area a set of changes touches and re-reads each through its
 * own {@link RefreshGate}, so a burst costs each part one query in flight and one after it.
 * Checkpoint gates depend on disputes, contracts (CSAT) and payees, so those count as well.
 */
final class ReleasesLive {

  private static final String[] QUEUE = {
    "escrow_checkpoints",
    "release_approvals",
    "escrows",
    "journals",
    "disputes",
    "contracts",
    "users"
  };
  private static final String[] AROUND_CHECKPOINT = {
    "release_approvals", "escrows", "journals", "disputes", "contracts", "users"
  };
  private static final String[] SETTLEMENTS = {"settlements", "disputes", "escrows", "journals"};
  private static final String[] EXPOSURE = {"escrows", "escrow_checkpoints", "journals"};

  private final RefreshGate queue;
  private final RefreshGate checkpoint;
  private final RefreshGate settlements;
  private final RefreshGate exposure;
  private final Supplier<Long> openCheckpoint;
  private final BooleanSupplier settlementsShown;
  private final BooleanSupplier exposureShown;

  /**
   * Each refresh re-reads its part and must call the given {@code done} when finished.
   *
   * @param openCheckpoint the checkpoint open in the detail, null for none
   */
  ReleasesLive(
      Consumer<Runnable> queue,
      Consumer<Runnable> checkpoint,
      Supplier<Long> openCheckpoint,
      Consumer<Runnable> settlements,
      BooleanSupplier settlementsShown,
      Consumer<Runnable> exposure,
      BooleanSupplier exposureShown) {
    this.queue = new RefreshGate(queue);
    this.checkpoint = new RefreshGate(checkpoint);
    this.openCheckpoint = openCheckpoint;
    this.settlements = new RefreshGate(settlements);
    this.settlementsShown = settlementsShown;
    this.exposure = new RefreshGate(exposure);
    this.exposureShown = exposureShown;
  }

  /** FX thread. Hidden tabs are re-read when they are shown, so they are skipped here. */
  void changed(ChangeSet changes) {
    if (changes.touches(QUEUE)) {
      queue.request();
    }
    Long open = openCheckpoint.get();
    if (open != null
        && (changes.touches("escrow_checkpoints", open) || changes.touches(AROUND_CHECKPOINT))) {
      checkpoint.request();
    }
    if (settlementsShown.getAsBoolean() && changes.touches(SETTLEMENTS)) {
      settlements.request();
    }
    if (exposureShown.getAsBoolean() && changes.touches(EXPOSURE)) {
      exposure.request();
    }
  }
}
