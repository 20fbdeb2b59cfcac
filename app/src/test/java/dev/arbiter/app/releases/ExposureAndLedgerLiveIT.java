package dev.arbiter.app.releases;

import static dev.arbiter.app.testing.StandInWaits.on;
import static dev.arbiter.app.testing.StandInWaits.secs;
import static dev.arbiter.app.testing.StandInWaits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.ExecutorTaskRunner;
import dev.arbiter.app.ledger.LedgerHealthViewModel;
import dev.arbiter.app.ledger.LedgerHealthViewModel.Finding;
import dev.arbiter.app.live.LiveUpdates;
import dev.arbiter.app.live.Schedulers;
import dev.arbiter.app.releases.ExposureViewModel.Line;
import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.escrow.MoneyFixture;
import dev.arbiter.persistence.escrow.MoneyFixture.Deal;
import dev.arbiter.persistence.ledger.ExposureService;
import dev.arbiter.persistence.ledger.LedgerVerifier;
import dev.arbiter.persistence.live.ChangeFeed;
import dev.arbiter.persistence.session.ConsoleTarget;
import dev.arbiter.persistence.session.StaffDatabase;
import dev.arbiter.persistence.testing.Latency;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The exposure and ledger health tabs over a real database and the real change feed, routed as the
 * finance area routes them: money the marketplace moves shows within a second, in place, with the
 * selected line kept.
 */
class ExposureAndLedgerLiveIT {

  // Stands in for the FX thread: one thread, in order.
  private final ExecutorService fx = Executors.newSingleThreadExecutor();
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
  // The ledger's throttle reads this clock: the test moves it on rather than waiting.
  private final AtomicLong clockAhead = new AtomicLong();
  private TestDatabase db;
  private StaffDatabase finance;
  private ExecutorTaskRunner tasks;
  private LiveUpdates updates;
  private ChangeFeed feed;
  private ExposureViewModel exposure;
  private LedgerHealthViewModel ledger;
  private Deal held;
  private Deal unfunded;

  @BeforeEach
  void open() throws Exception {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      held = MoneyFixture.deal(owner, "USD", 500_000);
      unfunded = MoneyFixture.deal(owner, "USD", 0);
    }
    finance =
        StaffDatabase.open(new ConsoleTarget(db.jdbcUrl(), false, "test"), "demo_finance", "demo");
    tasks = new ExecutorTaskRunner(Executors.newFixedThreadPool(2), fx);
    updates = new LiveUpdates(fx, Schedulers.daemon("test-live-updates"), Duration.ofMillis(200));
    feed = finance.changeFeed(updates);
    exposure =
        onFx(
            () ->
                new ExposureViewModel(
                    new ExposureService(finance.access())::load,
                    tasks,
                    updates.onlineProperty(),
                    Locale.US,
                    ZoneOffset.UTC));
    ledger =
        onFx(
            () ->
                new LedgerHealthViewModel(
                    new LedgerVerifier(finance.access())::verify,
                    tasks,
                    updates.onlineProperty(),
                    Locale.US,
                    ZoneOffset.UTC,
                    () -> System.nanoTime() + clockAhead.get(),
                    (delay, action) ->
                        timers.schedule(
                            () -> fx.execute(action), delay.toNanos(), TimeUnit.NANOSECONDS)));
    // Both tabs shown, as the finance area tells them.
    ReleasesLive live =
        onFx(
            () ->
                new ReleasesLive(
                    Runnable::run,
                    Runnable::run,
                    () -> null,
                    Runnable::run,
                    () -> false,
                    exposure::changed,
                    () -> true,
                    ledger::changed));
    onFx(
        () -> {
          ledger.setShown(true);
          return null;
        });
    updates.subscribe(live::changed);
    feed.start();
    waitFor(() -> feed.backendPid() > 0, secs(5));
  }

  @AfterEach
  void close() {
    feed.close();
    updates.close();
    tasks.close();
    timers.shutdownNow();
    fx.shutdownNow();
    finance.close();
  }

  @Test
  void anEscrowTheMarketplaceFundsShowsWithinASecondAboveTheSelectedOne() throws Exception {
    runOnFx(exposure::shown);
    waitFor(() -> onFx(() -> exposure.largest().rows().size()) == 1, secs(5));
    runOnFx(() -> exposure.largest().select(exposure.largest().rows().get(0)));
    List<String> statuses = new CopyOnWriteArrayList<>();
    runOnFx(() -> exposure.statusProperty().addListener((obs, was, now) -> statuses.add(now)));

    long start = fundAsBackend(unfunded.escrow(), 900_000);

    waitFor(() -> onFx(() -> exposure.largest().rows().size()) == 2, secs(2));
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isLessThan(Latency.target(Duration.ofSeconds(1)));
    assertThat(onFx(() -> exposure.largest().rows().stream().map(Line::id).toList()))
        .containsExactly(unfunded.escrow(), held.escrow());
    assertThat(onFx(() -> exposure.largest().selectedRow().map(Line::id))).contains(held.escrow());
    assertThat(onFx(() -> exposure.charts().get(0).total())).isEqualTo("$14,000.00");
    assertThat(statuses).noneMatch(s -> s.startsWith("Loading"));
  }

  @Test
  void aFundingTheMarketplacePostsIsReCheckedWithinASecond() throws Exception {
    runOnFx(ledger::verify);
    waitFor(() -> onFx(() -> ledger.verdictProperty().get()).contains("1 journals"), secs(5));
    outwaitTheThrottle();
    List<String> verdicts = new CopyOnWriteArrayList<>();
    runOnFx(() -> ledger.verdictProperty().addListener((obs, was, now) -> verdicts.add(now)));

    long start = fundAsBackend(unfunded.escrow(), 70_000);

    waitFor(() -> onFx(() -> ledger.verdictProperty().get()).contains("2 journals"), secs(2));
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isLessThan(Latency.target(Duration.ofSeconds(1)));
    assertThat(onFx(() -> ledger.verdictProperty().get())).startsWith("Ledger is consistent");
    assertThat(verdicts).noneMatch(v -> v.startsWith("Verifying"));
    assertThat(onFx(() -> ledger.runningProperty().get())).isFalse();
  }

  @Test
  void aTamperedWalletShowsAsAFindingAndTheSelectedFindingStaysSelected() throws Exception {
    long clearing = wallet("external_clearing");
    long holding = wallet("escrow_holding");
    assertThat(clearing).isLessThan(holding);
    runOnFx(ledger::verify);
    waitFor(() -> onFx(() -> ledger.cleanProperty().get()), secs(5));
    outwaitTheThrottle();

    long start = tamper(holding);
    waitFor(() -> onFx(() -> ledger.findings().rows().size()) == 2, secs(2));
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isLessThan(Latency.target(Duration.ofSeconds(1)));
    runOnFx(() -> ledger.findings().select(ledger.findings().rows().get(1)));
    String selected = onFx(() -> ledger.findings().selectedRow().orElseThrow().key());
    assertThat(selected).isEqualTo("HOLDING_TOTAL:" + holding);

    // A second check within two seconds of the first waits for the throttle.
    tamper(clearing);
    waitFor(() -> onFx(() -> ledger.findings().rows().size()) == 3, secs(5));
    assertThat(onFx(() -> ledger.findings().rows().stream().map(Finding::key).toList()))
        .containsExactly(
            "WALLET_BALANCE:" + clearing, "WALLET_BALANCE:" + holding, "HOLDING_TOTAL:" + holding);
    assertThat(onFx(() -> ledger.findings().selectedRow().map(Finding::key))).contains(selected);
    assertThat(onFx(() -> ledger.verdictProperty().get())).startsWith("3 problems found");
  }

  // Returns when the commit was done.
  private long fundAsBackend(long escrow, long amount) throws SQLException {
    try (Connection backend = db.as("demo_backend")) {
      Object result =
          Fixtures.value(
              backend,
              "SELECT fund_escrow(?, ?, ?)::text",
              escrow,
              amount,
              "it-fund-" + escrow + "-" + System.nanoTime());
      assertThat(result.toString()).contains("\"outcome\": \"ok\"");
      return System.nanoTime();
    }
  }

  private long tamper(long wallet) throws SQLException {
    try (Connection superuser = db.superuser()) {
      superuser
          .createStatement()
          .execute("UPDATE wallets SET balance_minor = balance_minor + 1 WHERE id = " + wallet);
      return System.nanoTime();
    }
  }

  private long wallet(String kind) throws SQLException {
    try (Connection owner = db.migrator()) {
      return MoneyFixture.longValue(
          owner, "SELECT id FROM wallets WHERE kind = ? AND currency = 'USD'", kind);
    }
  }

  private <T> T onFx(Callable<T> read) {
    return on(fx, read);
  }

  private void runOnFx(Runnable action) {
    onFx(
        () -> {
          action.run();
          return null;
        });
  }

  // Live checks start at most one per 2 s (LedgerHealthViewModel.MIN_INTERVAL on a small ledger);
  // the set-up's own writes may still start one after the first verification, and a change inside
  // its interval waits for the next. "Within a second" is for a change after that, so the
  // throttle's
  // clock is moved past any interval it may have (ten times a slow check's duration included).
  private void outwaitTheThrottle() {
    clockAhead.addAndGet(Duration.ofMinutes(1).toNanos());
  }
}
