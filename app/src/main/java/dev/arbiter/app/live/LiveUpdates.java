package dev.arbiter.app.live;

import dev.arbiter.persistence.live.ChangeFeedListener;
import dev.arbiter.persistence.live.TableChange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the change feed's notifications into at most one {@link ChangeSet} per interval on the FX
 * thread, so a burst of a thousand commits costs each open view one re-query, not a thousand. It
 * also carries the feed's connection state, which is the console's online/offline signal.
 */
public final class LiveUpdates implements ChangeFeedListener, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LiveUpdates.class);

  /** Ends a subscription. */
  public interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  private final Executor fxThread;
  private final ScheduledExecutorService flusher;
  private final List<Consumer<ChangeSet>> subscribers = new CopyOnWriteArrayList<>();
  private final ReadOnlyBooleanWrapper online = new ReadOnlyBooleanWrapper(this, "online", true);
  private final ReadOnlyBooleanWrapper checked = new ReadOnlyBooleanWrapper(this, "checked");
  private final ReadOnlyStringWrapper offlineReason = new ReadOnlyStringWrapper(this, "reason", "");
  private final Object lock = new Object();
  private List<TableChange> pending = new ArrayList<>();
  private boolean resyncPending;
  private boolean announced;

  /**
   * @param flusher the thread that publishes what gathered, once per interval; the updates own it
   *     from now on and shut it down on {@link #close}
   * @param interval how long changes gather before one publication; short enough that a commit
   *     shows within a second including the views' re-query
   */
  public LiveUpdates(Executor fxThread, ScheduledExecutorService flusher, Duration interval) {
    this.fxThread = fxThread;
    this.flusher = flusher;
    long millis = interval.toMillis();
    flusher.scheduleWithFixedDelay(this::flush, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Calls {@code subscriber} on the FX thread with every coalesced set of changes. */
  public Subscription subscribe(Consumer<ChangeSet> subscriber) {
    subscribers.add(subscriber);
    return () -> subscribers.remove(subscriber);
  }

  /** Whether the feed is connected: false while the database cannot be reached. FX thread. */
  public ReadOnlyBooleanProperty onlineProperty() {
    return online.getReadOnlyProperty();
  }

  /** Whether the feed has reported at all yet (until then, online is only presumed). FX thread. */
  public ReadOnlyBooleanProperty checkedProperty() {
    return checked.getReadOnlyProperty();
  }

  /** Why the feed went offline, in the driver's words. FX thread. */
  public ReadOnlyStringProperty offlineReasonProperty() {
    return offlineReason.getReadOnlyProperty();
  }

  @Override
  public void changes(List<TableChange> changes) {
    synchronized (lock) {
      pending.addAll(changes);
    }
  }

  @Override
  public void online(boolean resync) {
    synchronized (lock) {
      // The first connection also re-reads: views loaded before LISTEN was in place may have
      // missed a commit made in between.
      if (resync || !announced) {
        resyncPending = true;
      }
      announced = true;
    }
    fxThread.execute(
        () -> {
          offlineReason.set("");
          online.set(true);
          checked.set(true);
        });
  }

  @Override
  public void offline(String reason) {
    fxThread.execute(
        () -> {
          offlineReason.set(reason);
          online.set(false);
          checked.set(true);
        });
  }

  // A scheduled task that throws is cancelled for good; live updates must not stop silently.
  private void flush() {
    try {
      publishPending();
    } catch (RuntimeException e) {
      LOG.warn("could not publish live changes", e);
    }
  }

  private void publishPending() {
    ChangeSet set;
    synchronized (lock) {
      if (!resyncPending && pending.isEmpty()) {
        return;
      }
      set = resyncPending ? ChangeSet.everything() : ChangeSet.of(pending);
      pending = new ArrayList<>();
      resyncPending = false;
    }
    fxThread.execute(() -> subscribers.forEach(s -> deliver(s, set)));
  }

  // One view failing to take a change must not keep it from the others.
  private static void deliver(Consumer<ChangeSet> subscriber, ChangeSet set) {
    try {
      subscriber.accept(set);
    } catch (RuntimeException e) {
      LOG.warn("a view failed to apply live changes", e);
    }
  }

  @Override
  public void close() {
    flusher.shutdownNow();
    subscribers.clear();
  }
}
