package dev.arbiter.app.releases;

import static dev.arbiter.app.testing.StandInWaits.on;
import static dev.arbiter.app.testing.StandInWaits.secs;
import static dev.arbiter.app.testing.StandInWaits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.ExecutorTaskRunner;
import dev.arbiter.app.common.command.CommandRunner;
import dev.arbiter.app.live.LiveUpdates;
import dev.arbiter.app.live.Schedulers;
import dev.arbiter.persistence.escrow.CheckpointAction;
import dev.arbiter.persistence.escrow.CheckpointDetail;
import dev.arbiter.persistence.escrow.CheckpointDetailService;
import dev.arbiter.persistence.escrow.MoneyFixture;
import dev.arbiter.persistence.escrow.MoneyFixture.Deal;
import dev.arbiter.persistence.escrow.ReleaseQueueService;
import dev.arbiter.persistence.escrow.ReleaseService;
import dev.arbiter.persistence.ledger.IdempotencyKeys;
import dev.arbiter.persistence.live.ChangeFeed;
import dev.arbiter.persistence.session.CommitOutcomes;
import dev.arbiter.persistence.session.ConsoleTarget;
import dev.arbiter.persistence.session.StaffDatabase;
import dev.arbiter.persistence.session.StaffDatabaseException;
import dev.arbiter.persistence.testing.Latency;
import dev.arbiter.persistence.testing.TestDatabase;
import dev.arbiter.persistence.testing.Waits;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The finance view models over a real database and the real change feed: what other writers do
 * arrives within a second, a decision on a stale checkpoint is refused with the right diff, and a
 * commit lost with the connection ends with exactly one release.
 */
class ReleasesLiveIT {

  // Stands in for the FX thread: one thread, in order.
  private final ExecutorService fx = Executors.newSingleThreadExecutor();
  private TestDatabase db;
  private StaffDatabase finance;
  private ExecutorTaskRunner tasks;
  private LiveUpdates updates;
  private ChangeFeed feed;
  private ReleaseQueueViewModel queue;
  private CheckpointViewModel checkpoint;
  private ReleaseService fran;
  private Deal deal;

  @BeforeEach
  void open() throws Exception {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      deal = MoneyFixture.deal(owner, "USD", 500_000);
    }
    finance =
        StaffDatabase.open(new ConsoleTarget(db.jdbcUrl(), false, "test"), "demo_finance", "demo");
    tasks = new ExecutorTaskRunner(Executors.newFixedThreadPool(2), fx);
    updates = new LiveUpdates(fx, Schedulers.daemon("test-live-updates"), Duration.ofMillis(200));
    feed = finance.changeFeed(updates);
    fran = new ReleaseService(finance.access());
    queue =
        new ReleaseQueueViewModel(
            new ReleaseQueueService(finance.access())::page, tasks, Locale.US, Clock.systemUTC());
    checkpoint = checkpointModel(fran::perform);
    ReleasesLive live =
        onFx(
            () ->
                new ReleasesLive(
                    queue::refreshLive,
                    checkpoint::liveRefresh,
                    () -> checkpoint.openIdProperty().get(),
                    Runnable::run,
                    () -> false,
                    changes -> {},
                    () -> false,
                    changes -> {}));
    updates.subscribe(live::changed);
    feed.start();
    waitFor(() -> feed.backendPid() > 0, Duration.ofSeconds(5));
    onFx(
        () -> {
          queue.reload();
          return null;
        });
    waitFor(
        () -> onFx(() -> queue.list().summaryProperty().get().contains("checkpoints")), secs(5));
  }

  @AfterEach
  void close() {
    feed.close();
    updates.close();
    tasks.close();
    fx.shutdownNow();
    finance.close();
  }

  @Test
  void aCheckpointTheMarketplaceSubmitsAppearsInTheQueueWithinASecond() throws Exception {
    long pending;
    try (Connection owner = db.migrator()) {
      pending =
          MoneyFixture.longValue(
              owner,
              "INSERT INTO escrow_checkpoints (escrow_id, seq, label, amount_minor, currency)"
                  + " VALUES (?, 900, 'Launch', 25000, 'USD') RETURNING id",
              deal.escrow());
    }
    assertThat(onFx(() -> ids(queue))).doesNotContain(pending);

    long start;
    try (Connection backend = db.dataSource("demo_backend", "demo").getConnection()) {
      backend.setAutoCommit(false);
      try (Statement s = backend.createStatement()) {
        s.execute("SET LOCAL arbiter.actor = 'user:17@web'");
      }
      try (PreparedStatement ps =
          backend.prepareStatement(
              "UPDATE escrow_checkpoints SET status = 'submitted' WHERE id = ?")) {
        ps.setLong(1, pending);
        assertThat(ps.executeUpdate()).isEqualTo(1);
      }
      backend.commit();
      start = System.nanoTime();
    }

    waitFor(() -> onFx(() -> ids(queue)).contains(pending), secs(2));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(took).isLessThan(Latency.target(Duration.ofSeconds(1)));
    assertThat(onFx(() -> queue.items().get(ids(queue).indexOf(pending)).status()))
        .isEqualTo("Submitted");
  }

  @Test
  void anApprovalByAnotherReviewerUpdatesTheOpenCheckpointAndTheBannerSaysWhatAndWho()
      throws Exception {
    long dual = submitted("dual");
    openCheckpoint(dual);

    ReleaseService felix = new ReleaseService(db.access("demo_finance2"));
    assertThat(felix.perform(new CheckpointAction.Approve(dual, "fine", null, key())).ok())
        .isTrue();

    waitFor(() -> !onFx(() -> checkpoint.bannerProperty().get()).isEmpty(), secs(2));
    assertThat(onFx(() -> checkpoint.bannerProperty().get()))
        .isEqualTo(
            "Changed by Felix Finance while you had it open: Approvals: none → Felix Finance"
                + " approved");
    assertThat(onFx(() -> checkpoint.shownProperty().get().approvals()))
        .singleElement()
        .asString()
        .startsWith("Felix Finance (demo_finance2) approved");
  }

  @Test
  void aStaleApprovalIsRefusedWithTheDiffAndReappliedOnTop() throws Exception {
    long dual = submitted("dual");
    openCheckpoint(dual);
    ReleaseService felix = new ReleaseService(db.access("demo_finance2"));

    // Felix approves and Fran clicks Approve before her console heard of it.
    onFx(
        () -> {
          felix.perform(new CheckpointAction.Approve(dual, null, null, key()));
          checkpoint.noteProperty().set("Deliverables checked");
          checkpoint.approve();
          return null;
        });

    waitFor(() -> onFx(() -> checkpoint.reapplyableProperty().get()), secs(5));
    assertThat(onFx(() -> checkpoint.staleDiffProperty().get()))
        .isEqualTo("Changed by Felix Finance:\nApprovals: none → Felix Finance approved");
    assertThat(count("SELECT count(*) FROM release_approvals WHERE checkpoint_id = ?", dual))
        .isEqualTo(1);

    onFx(
        () -> {
          checkpoint.reapply();
          return null;
        });

    waitFor(() -> onFx(() -> checkpoint.messageProperty().get()).equals("Approved"), secs(5));
    assertThat(
            count(
                "SELECT count(*) FROM escrow_checkpoints WHERE id = ? AND status = 'approved'",
                dual))
        .isEqualTo(1);
    assertThat(
            count(
                "SELECT count(*) FROM release_approvals WHERE checkpoint_id = ?"
                    + " AND reviewer = 'demo_finance' AND note = 'Deliverables checked'",
                dual))
        .isEqualTo(1);
  }

  @Test
  void aReleaseWhoseCommitOutcomeIsUnknownEndsWithExactlyOneRelease() throws Exception {
    long savedThenLost = approved();
    long lostBeforeSaving = approved();
    AtomicInteger calls = new AtomicInteger();
    // The first call commits and then loses its answer; the second never reaches the server.
    checkpoint =
        checkpointModel(
            (action, basis) -> {
              int call = calls.incrementAndGet();
              if (call == 1) {
                fran.perform(action, basis);
                throw connectionLost();
              }
              if (call == 3) {
                throw connectionLost();
              }
              return fran.perform(action, basis);
            });

    openCheckpoint(savedThenLost);
    release();
    waitFor(
        () -> onFx(() -> checkpoint.messageProperty().get()).startsWith("The connection dropped"),
        secs(10));
    assertThat(onFx(() -> checkpoint.messageProperty().get()))
        .isEqualTo(
            "The connection dropped, but it was saved: Released (already done earlier with this"
                + " request)");
    assertThat(releases(savedThenLost)).isEqualTo(1);

    openCheckpoint(lostBeforeSaving);
    release();
    waitFor(() -> onFx(() -> checkpoint.retryableProperty().get()), secs(10));
    assertThat(onFx(() -> checkpoint.messageProperty().get()))
        .startsWith("It was not saved: the connection dropped first.");
    assertThat(releases(lostBeforeSaving)).isZero();
    onFx(
        () -> {
          // A double click: both carry the same key, so there is still one release.
          checkpoint.retry();
          checkpoint.retry();
          return null;
        });
    waitFor(
        () ->
            onFx(() -> checkpoint.messageProperty().get()).startsWith("Released")
                && !onFx(() -> checkpoint.busyProperty().get()),
        secs(5));
    // The second click's request, had it been sent apart, would land within this moment.
    Waits.atMost(secs(30))
        .during(Duration.ofMillis(300))
        .until(() -> releases(lostBeforeSaving) == 1);
    assertThat(
            count(
                "SELECT count(*) FROM money_requests WHERE action = 'release' AND actor ="
                    + " 'demo_finance' AND idempotency_key LIKE 'release-%'",
                null))
        .isEqualTo(2);
  }

  private CheckpointViewModel checkpointModel(CheckpointViewModel.Performer perform) {
    CheckpointDetailService details = new CheckpointDetailService(finance.access());
    return new CheckpointViewModel(
        new CheckpointViewModel.Gateway(details::load, perform, fran::preview),
        tasks,
        new CommandRunner(
            tasks,
            tasks::schedule,
            updates.onlineProperty(),
            new CommitOutcomes(finance.access())::committed),
        Locale.US,
        Clock.systemUTC(),
        ZoneOffset.UTC,
        "demo_finance",
        () -> {});
  }

  @Test
  void aFailedLiveReReadKeepsTheQueueAndSaysItIsOutOfDateUntilOneSucceeds() throws Exception {
    approved();
    onFx(
        () -> {
          queue.reload();
          return null;
        });
    waitFor(() -> onFx(() -> queue.items().size()) == 1, secs(5));
    privilege("REVOKE SELECT ON escrow_checkpoints FROM arbiter_staff");

    AtomicInteger reads = new AtomicInteger();
    onFx(
        () -> {
          queue.refreshLive(reads::incrementAndGet);
          return null;
        });
    waitFor(() -> reads.get() == 1, secs(5));
    // A user read still out when the re-read was asked for defers it until that read lands, so
    // the refusal may come a moment after the first answer.
    waitFor(
        () ->
            onFx(() -> queue.list().errorProperty().get())
                .startsWith("The queue could not be brought up to date: "),
        secs(5));
    assertThat(onFx(() -> queue.items().size())).isEqualTo(1);

    privilege("GRANT SELECT ON escrow_checkpoints TO arbiter_staff");
    onFx(
        () -> {
          queue.refreshLive(reads::incrementAndGet);
          return null;
        });
    waitFor(() -> reads.get() == 2, secs(5));
    waitFor(() -> onFx(() -> queue.list().errorProperty().get()).isEmpty(), secs(5));
  }

  private void privilege(String sql) throws SQLException {
    try (Connection owner = db.migrator();
        Statement statement = owner.createStatement()) {
      statement.execute(sql);
    }
  }

  private void openCheckpoint(long id) {
    onFx(
        () -> {
          checkpoint.open(id);
          return null;
        });
    waitFor(
        () -> {
          CheckpointDetail d = onFx(() -> checkpoint.detailProperty().get());
          return d != null && d.checkpoint().id() == id;
        },
        secs(5));
  }

  private void release() {
    onFx(
        () -> {
          checkpoint.prepareFullRelease();
          return null;
        });
    waitFor(() -> !onFx(() -> checkpoint.confirmationProperty().get()).isEmpty(), secs(5));
    onFx(
        () -> {
          checkpoint.confirmRelease();
          return null;
        });
  }

  private long submitted(String requirement) throws SQLException {
    try (Connection owner = db.migrator()) {
      return MoneyFixture.submitted(owner, deal, 20_000, requirement, "requester_login");
    }
  }

  private long approved() throws SQLException {
    try (Connection owner = db.migrator()) {
      return MoneyFixture.approved(owner, deal, 10_000, "demo_finance2");
    }
  }

  private long releases(long checkpointId) throws SQLException {
    return count(
        "SELECT count(*) FROM journals WHERE checkpoint_id = ? AND kind = 'release'", checkpointId);
  }

  private long count(String sql, Long param) throws SQLException {
    try (Connection owner = db.migrator()) {
      return param == null
          ? MoneyFixture.longValue(owner, sql)
          : MoneyFixture.longValue(owner, sql, param);
    }
  }

  private static List<Long> ids(ReleaseQueueViewModel queue) {
    return queue.items().stream().map(ReleaseQueueViewModel.QueueItem::checkpointId).toList();
  }

  private static RuntimeException connectionLost() {
    return new StaffDatabaseException(
        "The release did not go through", new SQLException("I/O error", "08006"));
  }

  private static String key() {
    return IdempotencyKeys.next("test");
  }

  private <T> T onFx(Callable<T> read) {
    return on(fx, read);
  }
}
