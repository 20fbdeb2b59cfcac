package dev.arbiter.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.ExecutorTaskRunner;
import dev.arbiter.app.live.LiveUpdates;
import dev.arbiter.app.live.Schedulers;
import dev.arbiter.app.testing.StandInWaits;
import dev.arbiter.persistence.dashboard.DashboardService;
import dev.arbiter.persistence.disputes.DisputeFixtures;
import dev.arbiter.persistence.disputes.DisputeFixtures.Deal;
import dev.arbiter.persistence.live.ChangeFeed;
import dev.arbiter.persistence.session.ConsoleTarget;
import dev.arbiter.persistence.session.StaffDatabase;
import dev.arbiter.persistence.testing.Latency;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The dashboard over a real change feed: a single thread stands in for the FX thread, and a dispute
 * the marketplace backend opens must show in the open-disputes count within two seconds.
 */
class DashboardLiveIT {

  @Test
  void aDisputeTheBackendOpensShowsInTheOpenCountWithinTwoSeconds() throws Exception {
    TestDatabase db = TestDatabase.fresh();
    Deal deal;
    try (Connection owner = db.migrator()) {
      deal = DisputeFixtures.deal(owner, "Dora Dashboard", "Lars Live", 10_000);
    }
    ExecutorService fx = Executors.newSingleThreadExecutor();
    ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    try (StaffDatabase staff =
            StaffDatabase.open(
                new ConsoleTarget(db.jdbcUrl(), false, "test"), "demo_support", "demo");
        ExecutorTaskRunner tasks = new ExecutorTaskRunner(Executors.newFixedThreadPool(2), fx);
        LiveUpdates updates =
            new LiveUpdates(fx, Schedulers.daemon("test-live-updates"), Duration.ofMillis(200));
        ChangeFeed feed = staff.changeFeed(updates)) {
      DashboardService service = new DashboardService(staff.access());
      DashboardViewModel model =
          new DashboardViewModel(
              service::load,
              tasks,
              Locale.US,
              ZoneOffset.UTC,
              System::nanoTime,
              (delay, action) ->
                  timers.schedule(() -> fx.execute(action), delay.toNanos(), TimeUnit.NANOSECONDS));
      onFx(fx, () -> updates.subscribe(model::changed));
      feed.start();
      onFx(
          fx,
          () -> {
            model.refresh();
            return null;
          });
      waitUntil(fx, () -> updates.checkedProperty().get() && !model.loadingProperty().get());
      assertThat(onFx(fx, () -> model.openDisputesProperty().get())).isEqualTo("0");

      long start = System.nanoTime();
      openDisputeAsBackend(db, deal);
      waitUntil(fx, () -> model.openDisputesProperty().get().equals("1"));
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isLessThan(Latency.target(Duration.ofSeconds(2)));
    } finally {
      timers.shutdownNow();
      fx.shutdownNow();
    }
  }

  private static void openDisputeAsBackend(TestDatabase db, Deal deal) throws Exception {
    try (Connection backend = db.as("demo_backend")) {
      backend.setAutoCommit(false);
      try (Statement s = backend.createStatement()) {
        s.execute("SET LOCAL arbiter.actor = 'svc:marketplace-api'");
      }
      try (PreparedStatement insert =
          backend.prepareStatement(
              "INSERT INTO disputes (reference, contract_id, escrow_id, opened_by, reason_code,"
                  + " amount_disputed_minor, currency) VALUES ('DSP-770001', ?, ?, ?, 'quality',"
                  + " 2500, 'USD')")) {
        insert.setLong(1, deal.contract());
        insert.setLong(2, deal.escrow());
        insert.setLong(3, deal.client());
        insert.executeUpdate();
      }
      backend.commit();
    }
  }

  private static <T> T onFx(ExecutorService fx, Callable<T> read) throws Exception {
    return fx.submit(read).get(5, TimeUnit.SECONDS);
  }

  private static void waitUntil(ExecutorService fx, Callable<Boolean> condition) {
    StandInWaits.waitFor(() -> onFx(fx, condition), Duration.ofSeconds(10));
  }
}
