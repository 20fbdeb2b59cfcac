package dev.arbiter.app.live;

import dev.arbiter.persistence.presence.Presence;
import dev.arbiter.persistence.presence.PresenceKey;
import dev.arbiter.persistence.presence.PresenceMode;
import dev.arbiter.persistence.presence.PresenceService;
import dev.arbiter.persistence.session.ConnectionFailures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This console's presence and everyone else's. Each area of the window gets a {@link Scope} in
 * which its views say which records they show ({@link Scope#enter}) and whether the user is typing
 * a change ({@link PresenceMode#EDITING}); the tracker publishes what the shown scopes hold on a
 * heartbeat and reads the others back, on its own thread, and again as soon as another console's
 * arrival or departure is announced on the change feed.
 *
 * <p>Reads happen on the FX thread from a snapshot; {@link #revisionProperty()} ticks whenever the
 * snapshot changes, so cells and labels can bind to it.
 */
public final class PresenceTracker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PresenceTracker.class);
  private static final int SWEEP_EVERY_BEATS = 30;
  // While the server is away a beat would only wait for the pool's timeout; try every few beats,
  // and at once when the change feed reconnects.
  private static final int OFFLINE_TRY_EVERY_BEATS = 6;

  private final PresenceService service;
  private final Executor fxThread;
  private final ScheduledExecutorService worker;
  private final List<Scope> scopes = new ArrayList<>();
  private final AtomicBoolean syncQueued = new AtomicBoolean();
  private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
  private volatile Map<PresenceKey, PresenceMode> published = Map.of();
  private Map<PresenceKey, List<Presence>> others = Map.of();
  private int beats;
  private volatile boolean unreachable;
  private int beatsUnreachable;

  /**
   * @param worker the one thread that beats, publishes and reads the others, in order; the tracker
   *     owns it from now on and shuts it down on {@link #close}
   */
  public PresenceTracker(
      PresenceService service,
      Executor fxThread,
      ScheduledExecutorService worker,
      Duration heartbeat) {
    this.service = service;
    this.fxThread = fxThread;
    this.worker = worker;
    long millis = heartbeat.toMillis();
    worker.scheduleWithFixedDelay(this::beat, 0, millis, TimeUnit.MILLISECONDS);
  }

  /** A new scope, shown until told otherwise; the window makes one per area. FX thread. */
  public Scope scope() {
    Scope scope = new Scope();
    scopes.add(scope);
    return scope;
  }

  /** Everyone else on {@code key}, editors first. FX thread. */
  public List<Presence> othersOn(PresenceKey key) {
    return key == null ? List.of() : others.getOrDefault(key, List.of());
  }

  /** Ticks whenever {@link #othersOn} may answer differently. */
  public ReadOnlyLongProperty revisionProperty() {
    return revision.getReadOnlyProperty();
  }

  /** Re-reads the others when another console arrived, left or switched mode. FX thread. */
  public void changed(ChangeSet changes) {
    if (changes.resync()) {
      unreachable = false;
    }
    if (changes.touches("console_presence")) {
      syncSoon();
    }
  }

  // What the shown scopes hold; where two hold the same record, editing wins. FX thread.
  private void republish() {
    Map<PresenceKey, PresenceMode> union = new LinkedHashMap<>();
    for (Scope scope : scopes) {
      if (scope.shown) {
        scope.mine.forEach((key, mode) -> union.merge(key, mode, PresenceTracker::stronger));
      }
    }
    if (!union.equals(published)) {
      published = Map.copyOf(union);
      syncSoon();
    }
  }

  private static PresenceMode stronger(PresenceMode a, PresenceMode b) {
    return a == PresenceMode.EDITING ? a : b;
  }

  private void syncSoon() {
    if (worker.isShutdown()) {
      return;
    }
    if (syncQueued.compareAndSet(false, true)) {
      try {
        worker.execute(
            () -> {
              syncQueued.set(false);
              sync(published);
            });
      } catch (RejectedExecutionException closedMeanwhile) {
        syncQueued.set(false);
      }
    }
  }

  private void beat() {
    if (unreachable && ++beatsUnreachable % OFFLINE_TRY_EVERY_BEATS != 0) {
      return;
    }
    sync(published);
    if (++beats % SWEEP_EVERY_BEATS == 1) {
      try {
        service.sweep();
      } catch (Exception e) {
        LOG.debug("presence sweep failed: {}", e.getMessage());
      }
    }
  }

  private void sync(Map<PresenceKey, PresenceMode> current) {
    try {
      service.publish(current);
      List<Presence> all = service.others();
      Map<PresenceKey, List<Presence>> byKey = new HashMap<>();
      for (Presence p : all) {
        byKey.computeIfAbsent(p.key(), k -> new ArrayList<>()).add(p);
      }
      byKey.replaceAll((k, list) -> List.copyOf(list));
      Map<PresenceKey, List<Presence>> fresh = Map.copyOf(byKey);
      fxThread.execute(
          () -> {
            boolean news = !shape(fresh).equals(shape(others));
            others = fresh;
            if (news) {
              revision.set(revision.get() + 1);
            }
          });
      unreachable = false;
      beatsUnreachable = 0;
    } catch (Exception e) {
      // Offline: the status bar says so; presence stops updating until the server is back.
      if (ConnectionFailures.isConnectionLost(e)) {
        unreachable = true;
      }
      LOG.debug("presence sync failed: {}", e.getMessage());
    }
  }

  // Heartbeat times change every beat; only who is where, and how, is news to the screen.
  private static Map<PresenceKey, List<String>> shape(Map<PresenceKey, List<Presence>> byKey) {
    Map<PresenceKey, List<String>> shape = new HashMap<>();
    byKey.forEach(
        (key, list) -> shape.put(key, list.stream().map(p -> p.login() + "/" + p.mode()).toList()));
    return shape;
  }

  /**
   * One area's share of this console's presence. The area's views enter and leave records as they
   * always do; while the window hides the area ({@link #setShown}), none of it is published, so
   * nobody sees this console on a record the user has switched away from. Shown again, it comes
   * back as it was, without the views saying anything. Reading the others is shared with the whole
   * tracker. FX thread.
   */
  public final class Scope {

    private final Map<PresenceKey, PresenceMode> mine = new LinkedHashMap<>();
    private boolean shown = true;

    private Scope() {}

    /** The area shows {@code key} (or edits it). */
    public void enter(PresenceKey key, PresenceMode mode) {
      if (mode != mine.put(key, mode) && shown) {
        republish();
      }
    }

    /** The area no longer shows {@code key}. */
    public void leave(PresenceKey key) {
      if (mine.remove(key) != null && shown) {
        republish();
      }
    }

    /** Whether the window shows the area; only a shown scope is published. */
    public void setShown(boolean shown) {
      if (this.shown != shown) {
        this.shown = shown;
        republish();
      }
    }

    /** Everyone else on {@code key}, whichever area asks. */
    public List<Presence> othersOn(PresenceKey key) {
      return PresenceTracker.this.othersOn(key);
    }

    /** Ticks whenever {@link #othersOn} may answer differently, whichever area asks. */
    public ReadOnlyLongProperty revisionProperty() {
      return PresenceTracker.this.revisionProperty();
    }
  }

  /**
   * Stops the heartbeat and removes this console's rows. It talks to the server, so call it off the
   * FX thread; if the server is gone the rows simply expire.
   */
  @Override
  public void close() {
    // Let a heartbeat in flight finish first, or it could put back the rows removed below.
    worker.shutdown();
    try {
      if (!worker.awaitTermination(3, TimeUnit.SECONDS)) {
        worker.shutdownNow();
      }
    } catch (InterruptedException e) {
      worker.shutdownNow();
      Thread.currentThread().interrupt();
    }
    if (unreachable) {
      return;
    }
    try {
      service.publish(Map.of());
    } catch (Exception e) {
      LOG.debug("could not clear presence: {}", e.getMessage());
    }
  }
}
