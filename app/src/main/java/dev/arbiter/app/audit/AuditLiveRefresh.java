package dev.arbiter.app.audit;

import dev.arbiter.app.live.ChangeSet;
import dev.arbiter.app.live.ThrottledRefresh;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Keeps the newest audit page following the database. audit_log does not notify, but every change
 * anywhere writes audit rows, so any change set re-reads the newest page, at most once a second.
 * Older pages stay put while the user reads them.
 */
final class AuditLiveRefresh {

  /** The shortest time between two live re-reads of the newest page. */
  static final Duration INTERVAL = Duration.ofSeconds(1);

  private final BooleanSupplier onNewestPage;
  private final Consumer<Runnable> reread;
  private final ThrottledRefresh throttle;

  /**
   * @param nanoClock and {@code timer} space the re-reads
   * @param reread reads the current page again, then runs the callback it is given
   */
  AuditLiveRefresh(
      LongSupplier nanoClock,
      ThrottledRefresh.Timer timer,
      BooleanSupplier onNewestPage,
      Consumer<Runnable> reread) {
    this.onNewestPage = onNewestPage;
    this.reread = reread;
    this.throttle = new ThrottledRefresh(INTERVAL, nanoClock, timer, this::reread);
  }

  /** Something changed in the database, so new entries may be waiting on the newest page. */
  void changed(ChangeSet changes) {
    if (!changes.isEmpty() && onNewestPage.getAsBoolean()) {
      throttle.request();
    }
  }

  private void reread(Runnable done) {
    // The user may have paged away while the re-read waited its turn.
    if (onNewestPage.getAsBoolean()) {
      reread.accept(done);
    } else {
      done.run();
    }
  }
}
