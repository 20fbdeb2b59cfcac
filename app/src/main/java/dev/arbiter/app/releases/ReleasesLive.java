package dev.arbiter.app.releases;

import dev.arbiter.app.live.ChangeSet;
import dev.arbiter.app.live.RefreshGate;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Decides which parts of the finance area a set of changes touches and re-reads each through its
 * own {@link RefreshGate}, so a burst costs each part one query in flight and one after it.
 * Checkpoint gates depend on disputes, contracts (CSAT) and payees, so those count as well. The
 * exposure and ledger health tabs decide for themselves which tables they read, and how often.
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

  private final RefreshGate queue;
  private final RefreshGate checkpoint;
  private final RefreshGate settlements;
  private final Consumer<ChangeSet> exposure;
  private final Consumer<ChangeSet> ledger;
  private final Supplier<Long> openCheckpoint;
  private final BooleanSupplier settlementsShown;
  private final BooleanSupplier exposureShown;

  /**
   * Each refresh re-reads its part and must call the given {@code done} when finished.
   *
   * @param openCheckpoint the checkpoint open in the detail, null for none
   * @param exposure is told of every change while its tab is shown, and re-reads when shown again
   * @param ledger is told of every change: its check is costly, so when hidden it only notes
   *     whether money moved, and re-checks on being shown only if it did
   */
  ReleasesLive(
      Consumer<Runnable> queue,
      Consumer<Runnable> checkpoint,
      Supplier<Long> openCheckpoint,
      Consumer<Runnable> settlements,
      BooleanSupplier settlementsShown,
      Consumer<ChangeSet> exposure,
      BooleanSupplier exposureShown,
      Consumer<ChangeSet> ledger) {
    this.queue = new RefreshGate(queue);
    this.checkpoint = new RefreshGate(checkpoint);
    this.openCheckpoint = openCheckpoint;
    this.settlements = new RefreshGate(settlements);
    this.settlementsShown = settlementsShown;
    this.exposure = exposure;
    this.exposureShown = exposureShown;
    this.ledger = ledger;
  }

  /** FX thread. Hidden tabs are re-read when they are shown, so most are skipped here. */
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
    if (exposureShown.getAsBoolean()) {
      exposure.accept(changes);
    }
    ledger.accept(changes);
  }
}
