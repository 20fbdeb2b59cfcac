package dev.arbiter.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.testing.StandInWaits;
import dev.arbiter.persistence.live.ChangeFeed;
import dev.arbiter.persistence.presence.Presence;
import dev.arbiter.persistence.presence.PresenceKey;
import dev.arbiter.persistence.presence.PresenceMode;
import dev.arbiter.persistence.presence.PresenceService;
import dev.arbiter.persistence.session.ConsoleTarget;
import dev.arbiter.persistence.session.StaffDatabase;
import dev.arbiter.persistence.testing.Latency;
import dev.arbiter.persistence.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two consoles' presence over a real database: one opens a record, the other sees it within a
 * second (through the change feed, not the heartbeat), it goes while the area showing it is hidden,
 * and it expires when the heartbeat stops.
 */
class PresenceTrackerIT {

  private static final Duration SECOND = Duration.ofSeconds(1);

  // Stands in for the FX thread: one thread, in order.
  private final ExecutorService fx = Executors.newSingleThreadExecutor();
  private TestDatabase db;
  private StaffDatabase supportDb;
  private StaffDatabase financeDb;

  @BeforeEach
  void open() throws Exception {
    db = TestDatabase.fresh();
    ConsoleTarget target = new ConsoleTarget(db.jdbcUrl(), false, "test");
    supportDb = StaffDatabase.open(target, "demo_support", "demo");
    financeDb = StaffDatabase.open(target, "demo_finance", "demo");
    // Hibernate is up by the time anyone opens a record in the console (its areas have read
    // through it); start it here so that no second below is spent on it.
    supportDb.sessionFactory();
    financeDb.sessionFactory();
  }

  @AfterEach
  void close() {
    fx.shutdownNow();
    supportDb.close();
    financeDb.close();
  }

  @Test
  void anotherConsoleSeesWhoOpenedARecordWithinASecondAndWhenTheyStartEditing() throws Exception {
    Duration slowHeartbeat = Duration.ofMinutes(5);
    try (PresenceTracker sam = tracker(supportDb, slowHeartbeat, Duration.ofSeconds(30));
        PresenceTracker fran = tracker(financeDb, slowHeartbeat, Duration.ofSeconds(30));
        LiveUpdates franUpdates =
            new LiveUpdates(fx, Schedulers.daemon("test-live-updates"), Duration.ofMillis(100));
        ChangeFeed franFeed = financeDb.changeFeed(franUpdates)) {
      franUpdates.subscribe(fran::changed);
      franFeed.start();
      waitFor(() -> franFeed.backendPid() > 0, Duration.ofSeconds(5));
      PresenceTracker.Scope samDisputes = onFx(sam::scope);

      long start = System.nanoTime();
      fx.execute(() -> samDisputes.enter(PresenceKey.dispute(7), PresenceMode.VIEWING));
      waitFor(
          () -> !onFx(() -> fran.othersOn(PresenceKey.dispute(7))).isEmpty(),
          Duration.ofSeconds(1));
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isLessThan(Latency.target(Duration.ofSeconds(1)));
      assertThat(onFx(() -> fran.othersOn(PresenceKey.dispute(7))))
          .extracting(Presence::displayName, Presence::mode)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("Sam Support", PresenceMode.VIEWING));

      fx.execute(() -> samDisputes.enter(PresenceKey.dispute(7), PresenceMode.EDITING));
      waitFor(
          () ->
              onFx(() -> fran.othersOn(PresenceKey.dispute(7))).stream()
                  .anyMatch(p -> p.mode() == PresenceMode.EDITING),
          Duration.ofSeconds(1));

      fx.execute(() -> samDisputes.leave(PresenceKey.dispute(7)));
      waitFor(
          () -> onFx(() -> fran.othersOn(PresenceKey.dispute(7))).isEmpty(), Duration.ofSeconds(1));
    }
  }

  @Test
  void aHiddenAreasRecordsVanishForOthersAndComeBackWithTheirModeWhenShownAgain() throws Exception {
    Duration slowHeartbeat = Duration.ofMinutes(5);
    try (PresenceTracker sam = tracker(supportDb, slowHeartbeat, Duration.ofSeconds(30));
        PresenceTracker fran = tracker(financeDb, slowHeartbeat, Duration.ofSeconds(30));
        LiveUpdates franUpdates =
            new LiveUpdates(fx, Schedulers.daemon("test-live-updates"), Duration.ofMillis(100));
        ChangeFeed franFeed = financeDb.changeFeed(franUpdates)) {
      franUpdates.subscribe(fran::changed);
      franFeed.start();
      waitFor(() -> franFeed.backendPid() > 0, Duration.ofSeconds(5));
      PresenceTracker.Scope disputes = onFx(sam::scope);
      PresenceTracker.Scope workspaces = onFx(sam::scope);
      PresenceKey openCase = PresenceKey.dispute(7);

      fx.execute(() -> disputes.enter(openCase, PresenceMode.EDITING));
      waitFor(() -> modesOn(fran, openCase).equals(List.of(PresenceMode.EDITING)), SECOND);

      fx.execute(() -> disputes.setShown(false));
      waitFor(() -> modesOn(fran, openCase).isEmpty(), SECOND);

      // A case that finishes loading after the user switched away is not announced either. The
      // workspace opened after it shows that Sam's console has published since.
      PresenceKey lateCase = PresenceKey.dispute(8);
      PresenceKey workspace = PresenceKey.workspace(3);
      fx.execute(() -> disputes.enter(lateCase, PresenceMode.VIEWING));
      fx.execute(() -> workspaces.enter(workspace, PresenceMode.VIEWING));
      waitFor(() -> !modesOn(fran, workspace).isEmpty(), SECOND);
      assertThat(modesOn(fran, openCase)).isEmpty();
      assertThat(modesOn(fran, lateCase)).isEmpty();

      fx.execute(
          () -> {
            workspaces.setShown(false);
            disputes.setShown(true);
          });
      waitFor(
          () ->
              modesOn(fran, openCase).equals(List.of(PresenceMode.EDITING))
                  && modesOn(fran, lateCase).equals(List.of(PresenceMode.VIEWING))
                  && modesOn(fran, workspace).isEmpty(),
          SECOND);
    }
  }

  @Test
  void presenceWhoseHeartbeatStoppedExpires() throws Exception {
    // A console that crashed: its row stays, but nobody heartbeats it any more.
    new PresenceService(supportDb.access(), Duration.ofSeconds(30))
        .publish(Map.of(PresenceKey.checkpoint(3), PresenceMode.EDITING));

    try (PresenceTracker fran =
        tracker(financeDb, Duration.ofMillis(200), Duration.ofMillis(1_500))) {
      waitFor(
          () -> !onFx(() -> fran.othersOn(PresenceKey.checkpoint(3))).isEmpty(),
          Duration.ofSeconds(2));
      long revision = onFx(() -> fran.revisionProperty().get());

      waitFor(
          () -> onFx(() -> fran.othersOn(PresenceKey.checkpoint(3))).isEmpty(),
          Duration.ofSeconds(4));
      assertThat(onFx(() -> fran.revisionProperty().get())).isGreaterThan(revision);
    }
  }

  private List<PresenceMode> modesOn(PresenceTracker observer, PresenceKey key) {
    return onFx(() -> observer.othersOn(key).stream().map(Presence::mode).toList());
  }

  private PresenceTracker tracker(StaffDatabase database, Duration heartbeat, Duration ttl) {
    return new PresenceTracker(
        new PresenceService(database.access(), ttl),
        fx,
        Schedulers.daemon("test-presence"),
        heartbeat);
  }

  private <T> T onFx(Supplier<T> read) {
    try {
      return fx.submit(read::get).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void waitFor(java.util.function.BooleanSupplier condition, Duration limit) {
    StandInWaits.waitFor(condition::getAsBoolean, limit);
  }
}
