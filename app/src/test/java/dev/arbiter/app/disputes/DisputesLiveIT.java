package dev.arbiter.app.disputes;

import static dev.arbiter.persistence.contract.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.ExecutorTaskRunner;
import dev.arbiter.app.common.command.CommandRunner;
import dev.arbiter.app.live.ChangeSet;
import dev.arbiter.app.live.LiveUpdates;
import dev.arbiter.app.live.Schedulers;
import dev.arbiter.app.testing.StandInWaits;
import dev.arbiter.model.disputes.DisputePriority;
import dev.arbiter.persistence.disputes.ActionResult;
import dev.arbiter.persistence.disputes.DisputeBulkService;
import dev.arbiter.persistence.disputes.DisputeFixtures;
import dev.arbiter.persistence.disputes.DisputeFixtures.Deal;
import dev.arbiter.persistence.disputes.DisputeSnapshot;
import dev.arbiter.persistence.disputes.PageDirection;
import dev.arbiter.persistence.disputes.QueueFilter;
import dev.arbiter.persistence.disputes.QueuePage;
import dev.arbiter.persistence.disputes.QueueRow;
import dev.arbiter.persistence.disputes.QueueSort;
import dev.arbiter.persistence.disputes.SavedViewService;
import dev.arbiter.persistence.disputes.SortKey;
import dev.arbiter.persistence.disputes.SupportDesk;
import dev.arbiter.persistence.live.ChangeFeed;
import dev.arbiter.persistence.session.CommitOutcomes;
import dev.arbiter.persistence.session.StaffDatabaseException;
import dev.arbiter.persistence.staff.StaffRole;
import dev.arbiter.persistence.testing.Latency;
import dev.arbiter.persistence.testing.TestDatabase;
import dev.arbiter.persistence.testing.Waits;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The disputes view models over a real database, change feed and coalescer, as the console wires
 * them: the marketplace backend (another connection, as {@code demo_backend} with {@code
 * arbiter.actor} set) opens and changes disputes, and the queue and the open case follow within a
 * second; the feed's connection is killed and nothing written meanwhile is missed; stale saves are
 * refused with the right diff and re-applied; a save whose connection dropped acts exactly once.
 */
class DisputesLiveIT {

  private static final Duration LIVE = Duration.ofSeconds(1);
  private static TestDatabase db;

  // Stands in for the FX thread: one thread, in order.
  private final ExecutorService fx = Executors.newSingleThreadExecutor();
  private ExecutorTaskRunner tasks;
  private SupportDesk desk;
  private LiveUpdates updates;
  private ChangeFeed feed;
  private Deal deal;
  private String party;
  private DisputeQueueViewModel queue;
  private DisputeCaseViewModel open;

  @BeforeAll
  static void database() {
    db = TestDatabase.fresh();
  }

  @BeforeEach
  void console() throws Exception {
    party = "Livia L" + dev.arbiter.persistence.contract.Fixtures.next() + "q";
    try (Connection owner = db.migrator()) {
      deal = DisputeFixtures.deal(owner, party, "Mo Maker", 50_000);
      for (int hours = 1; hours <= 3; hours++) {
        DisputeFixtures.open()
            .status("awaiting_parties")
            .due(Instant.now().plus(hours, ChronoUnit.HOURS), null)
            .insert(owner, deal);
      }
    }
    tasks = new ExecutorTaskRunner(Executors.newFixedThreadPool(3), fx);
    desk = SupportDesk.open(db, "demo_support", StaffRole.SUPPORT);
    updates = new LiveUpdates(fx, Schedulers.daemon("test-live-updates"), Duration.ofMillis(200));
    feed = desk.database.changeFeed(updates);
    Clock clock = Clock.systemUTC();
    queue =
        new DisputeQueueViewModel(
            new DisputeQueueViewModel.Port() {
              @Override
              public dev.arbiter.persistence.disputes.QueuePage page(
                  dev.arbiter.persistence.disputes.QueueFilter f,
                  dev.arbiter.persistence.disputes.QueueSort s,
                  dev.arbiter.persistence.disputes.QueueCursor c,
                  dev.arbiter.persistence.disputes.PageDirection d,
                  int limit) {
                return desk.queue.page(f, s, c, d, limit);
              }

              @Override
              public long count(dev.arbiter.persistence.disputes.QueueFilter f, int cap) {
                return desk.queue.count(f, cap);
              }

              @Override
              public List<dev.arbiter.persistence.disputes.QueueRow> rows(
                  List<Long> ids, dev.arbiter.persistence.disputes.QueueSort s) {
                return desk.queue.rows(ids, s);
              }

              @Override
              public List<dev.arbiter.persistence.disputes.QueueRow> matching(
                  List<Long> ids,
                  dev.arbiter.persistence.disputes.QueueFilter f,
                  dev.arbiter.persistence.disputes.QueueSort s) {
                return desk.queue.matchingRows(ids, f, s);
              }
            },
            tasks,
            clock,
            Locale.US);
    open = caseModel(desk.actions::execute);
    updates.subscribe(changes -> LiveRouting.route(changes, queue, open));
    // The first connection re-reads everything once; tests start after it has gone by.
    AtomicBoolean resynced = new AtomicBoolean();
    updates.subscribe(changes -> resynced.compareAndSet(false, changes.resync()));
    feed.start();
    waitFor(() -> feed.backendPid() > 0, Duration.ofSeconds(5));
    waitFor(resynced::get, Duration.ofSeconds(5));
  }

  private DisputeCaseViewModel caseModel(DisputeCaseViewModel.Actions runner) {
    return caseModel(desk.cases::load, runner);
  }

  private DisputeCaseViewModel caseModel(
      DisputeCaseViewModel.CaseSource source, DisputeCaseViewModel.Actions runner) {
    return onFx(
        () ->
            new DisputeCaseViewModel(
                source,
                runner,
                tasks,
                new CommandRunner(
                    tasks,
                    tasks::schedule,
                    updates.onlineProperty(),
                    new CommitOutcomes(desk.database.access())::committed),
                Clock.systemUTC(),
                ZoneOffset.UTC,
                "demo_support",
                id -> queue.refreshRows(List.of(id))));
  }

  @AfterEach
  void close() {
    feed.close();
    updates.close();
    tasks.close();
    fx.shutdownNow();
    desk.close();
  }

  @Test
  void disputesTheBackendOpensAndChangesShowInTheQueueWithinASecondInPlace() throws Exception {
    showQueue();
    List<QueueItem> before = items();
    assertThat(before).hasSize(3);

    long start = System.nanoTime();
    long opened = backendOpens(Instant.now().plus(10, ChronoUnit.HOURS));
    waitFor(() -> ids().contains(opened), LIVE);
    assertThat(elapsedSince(start)).isLessThan(Latency.target(LIVE));
    List<QueueItem> after = items();
    assertThat(after).hasSize(4);
    // Rows that did not change are the very same objects, still where they were.
    for (int i = 0; i < 3; i++) {
      assertThat(after.get(i)).isSameAs(before.get(i));
    }
    waitFor(() -> onFx(() -> queue.list().summaryProperty().get()).startsWith("4 matching"), LIVE);

    long changed = before.get(1).id();
    start = System.nanoTime();
    backendMoves(changed, "under_review");
    waitFor(() -> "Under review".equals(items().get(1).status()), LIVE);
    assertThat(elapsedSince(start)).isLessThan(Latency.target(LIVE));
    List<QueueItem> now = items();
    assertThat(now.get(1).id()).isEqualTo(changed);
    assertThat(now.get(0)).isSameAs(after.get(0));
    assertThat(now.get(2)).isSameAs(after.get(2));
    assertThat(now.get(3)).isSameAs(after.get(3));
  }

  @Test
  void aDisputeOpenedWhileTheFeedWasCutOffAppearsAfterItReconnects() throws Exception {
    showQueue();
    // The first connection's own refresh has gone by (the set-up waits for it), so only the
    // reconnect can bring the row.
    int pid = feed.backendPid();
    try (Connection su = db.superuser();
        PreparedStatement kill = su.prepareStatement("SELECT pg_terminate_backend(?)")) {
      kill.setInt(1, pid);
      kill.executeQuery().close();
    }
    waitFor(() -> feed.backendPid() == -1, Duration.ofSeconds(3));
    long opened = backendOpens(Instant.now().plus(20, ChronoUnit.HOURS));
    // Its notification went nowhere; the reconnect's full refresh brings it.
    waitFor(() -> ids().contains(opened), Duration.ofSeconds(10));
    waitFor(() -> feed.backendPid() > 0, Duration.ofSeconds(5));
    assertThat(feed.backendPid()).isNotEqualTo(pid);
  }

  @Test
  void aWindowScrolledPastTheTopIsReadAgainFromItsOwnFirstRowInEitherOrder() throws Exception {
    List<QueueItem> shown = showQueue();
    QueueFilter filter = onFx(() -> queue.appliedProperty().get());
    for (QueueSort order : List.of(QueueSort.DEFAULT, QueueSort.descending(SortKey.DUE))) {
      List<QueueRow> all = desk.queue.page(filter, order, null, PageDirection.FORWARD, 10).rows();
      QueueWindow window = new QueueWindow(2);
      window.reset(new QueuePage(all.subList(0, 1), true));
      window.append(new QueuePage(all.subList(1, 3), false));
      assertThat(window.moreBefore()).isTrue();

      QueuePage again =
          desk.queue.page(
              filter, order, window.refreshFrom(order.descending()), PageDirection.FORWARD, 2);
      assertThat(again.rows())
          .extracting(QueueRow::id)
          .containsExactly(all.get(1).id(), all.get(2).id());
    }
    assertThat(shown).hasSize(3);
  }

  @Test
  void theOpenCaseSaysWhatTheBackendChangedAndWhoButNotWhatTheAgentDid() throws Exception {
    long id = showQueue().get(0).id();
    fx.execute(() -> open.open(id));
    waitFor(() -> onFx(() -> open.currentProperty().get() != null), Duration.ofSeconds(5));

    backendMoves(id, "under_review");
    backendPosts(id, "Any news?");
    waitFor(
        () ->
            onFx(() -> open.changedProperty().get())
                .contains("status awaiting parties → under review; 1 new message"),
        Duration.ofSeconds(2));
    assertThat(onFx(() -> open.changedProperty().get()))
        .startsWith(
            "Changed by user:" + deal.client() + " (via demo_backend) while you had it open");
    assertThat(onFx(() -> open.currentProperty().get().messages())).hasSize(1);

    fx.execute(open::acknowledgeChanges);
    fx.execute(() -> open.changePriority(DisputePriority.URGENT));
    waitFor(() -> onFx(() -> open.noticeProperty().get()).contains("urgent"), LIVE);
    waitFor(
        () ->
            onFx(() -> open.currentProperty().get().header().priority()) == DisputePriority.URGENT,
        LIVE);
    // The agent's own change, heard back from the feed, must not be announced as someone else's.
    Waits.atMost(Duration.ofSeconds(30))
        .during(Duration.ofMillis(800))
        .until(() -> onFx(() -> open.changedProperty().get()).isEmpty());
  }

  @Test
  void theOpenCaseIsReadAgainForItsOwnThreadNotForEveryMessageOnTheMarketplace() throws Exception {
    List<QueueItem> shown = showQueue();
    long id = shown.get(0).id();
    long other = shown.get(1).id();
    AtomicInteger reads = new AtomicInteger();
    DisputeCaseViewModel counted =
        caseModel(
            caseId -> {
              reads.incrementAndGet();
              return desk.cases.load(caseId);
            },
            desk.actions::execute);
    updates.subscribe(changes -> LiveRouting.route(changes, queue, counted));
    fx.execute(() -> counted.open(id));
    waitFor(() -> onFx(() -> counted.currentProperty().get() != null), Duration.ofSeconds(5));
    assertThat(reads).hasValue(1);

    List<ChangeSet> heard = new CopyOnWriteArrayList<>();
    updates.subscribe(heard::add);
    backendPosts(other, "Anyone there?");
    // The notice is heard, coalesced and routed (routing runs before this later subscriber); a
    // re-read it had started would have counted by the end of a short while after.
    waitFor(() -> heard.stream().anyMatch(set -> set.touches("dispute_messages")), LIVE);
    Waits.atMost(Duration.ofSeconds(30))
        .during(Duration.ofMillis(300))
        .until(() -> reads.get() == 1);

    backendPosts(id, "Any news?");
    waitFor(() -> onFx(() -> counted.currentProperty().get().messages()).size() == 1, LIVE);
    assertThat(reads).hasValue(2);
  }

  @Test
  void aStaleSaveIsRefusedWithWhatChangedAndIsReappliedOnTheFreshCase() throws Exception {
    long id = showQueue().get(0).id();
    // A second case view that does not follow the feed: its agent acts on what they saw.
    DisputeCaseViewModel stale = caseModel(desk.actions::execute);
    fx.execute(() -> stale.open(id));
    waitFor(() -> onFx(() -> stale.currentProperty().get() != null), Duration.ofSeconds(5));
    backendMoves(id, "under_review");

    fx.execute(() -> stale.changePriority(DisputePriority.HIGH));
    waitFor(() -> onFx(() -> stale.canReapplyProperty().get()), Duration.ofSeconds(5));
    assertThat(onFx(() -> List.copyOf(stale.staleChanges())))
        .containsExactly("status: awaiting parties → under review");
    assertThat(onFx(() -> stale.errorProperty().get()))
        .contains("was changed by user:" + deal.client() + " (via demo_backend)")
        .contains("nothing was saved");
    assertThat(column(id, "priority")).isEqualTo("normal");
    assertThat(commands(id)).isZero();

    fx.execute(stale::reapply);
    waitFor(() -> "high".equals(column(id, "priority")), Duration.ofSeconds(5));
    assertThat(column(id, "status")).isEqualTo("under_review");
    assertThat(commands(id)).isOne();
    waitFor(() -> onFx(() -> stale.staleChanges().isEmpty()), LIVE);
  }

  @Test
  void aSaveWhoseAnswerWasLostIsFoundSavedByItsKeyAndActsOnce() throws Exception {
    long id = showQueue().get(0).id();
    // The commit happens, then the connection drops before the answer arrives.
    DisputeCaseViewModel lossy =
        caseModel(
            command -> {
              desk.actions.execute(command);
              throw connectionLost();
            });
    fx.execute(() -> lossy.open(id));
    waitFor(() -> onFx(() -> lossy.currentProperty().get() != null), Duration.ofSeconds(5));
    fx.execute(
        () -> {
          lossy.forms().replyProperty().set("We have your files.");
          lossy.sendReply();
        });
    waitFor(
        () -> onFx(() -> lossy.noticeProperty().get()).startsWith("Saved:"), LIVE.multipliedBy(5));
    assertThat(onFx(() -> lossy.forms().replyProperty().get())).isEmpty();
    assertThat(onFx(() -> lossy.canRetryProperty().get())).isFalse();
    assertThat(commands(id)).isOne();
    assertThat(messages(id)).isOne();
  }

  @Test
  void anUnsavedActionIsRetriedUnderItsKeyAndActsOnceHoweverOftenRetried() throws Exception {
    long id = showQueue().get(0).id();
    AtomicInteger calls = new AtomicInteger();
    DisputeCaseViewModel flaky =
        caseModel(
            command -> {
              if (calls.incrementAndGet() == 1) {
                throw connectionLost();
              }
              ActionResult result = desk.actions.execute(command);
              // A late duplicate of the same request, as a double click would send.
              desk.actions.execute(command);
              return result;
            });
    fx.execute(() -> flaky.open(id));
    waitFor(() -> onFx(() -> flaky.currentProperty().get() != null), Duration.ofSeconds(5));
    fx.execute(
        () -> {
          flaky.forms().noteProperty().set("Client called.");
          flaky.addNote();
        });
    waitFor(() -> onFx(() -> flaky.canRetryProperty().get()), LIVE.multipliedBy(5));
    assertThat(onFx(() -> flaky.outcomeProperty().get())).contains("it was not saved");
    assertThat(commands(id)).isZero();

    fx.execute(
        () -> {
          flaky.retry();
          flaky.retry();
        });
    waitFor(() -> onFx(() -> flaky.forms().noteProperty().get()).isEmpty(), LIVE.multipliedBy(5));
    assertThat(commands(id)).isOne();
    assertThat(messages(id)).isOne();
    assertThat(calls.get()).isEqualTo(2);
  }

  @Test
  void aBulkPriorityChangeSendsEachRowAsACommandUnderTheKeyItWouldBeLookedUpBy() throws Exception {
    List<QueueItem> rows = showQueue();
    CommitOutcomes outcomes = new CommitOutcomes(desk.database.access());
    List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
    QueueActionsViewModel toolbar =
        onFx(
            () ->
                new QueueActionsViewModel(
                    DisputesArea.queueActions(
                        new SavedViewService(desk.database.access()),
                        new DisputeBulkService(desk.actions, desk.queue)),
                    queue,
                    tasks,
                    new CommandRunner(
                        tasks,
                        tasks::schedule,
                        updates.onlineProperty(),
                        key -> {
                          asked.add(key);
                          return outcomes.committed(key);
                        }),
                    "demo_support"));
    List<DisputeSnapshot> targets =
        rows.stream().map(QueueItem::row).map(DisputeSnapshot::of).toList();
    java.util.concurrent.CompletableFuture<List<DisputeBulkService.Outcome>> results =
        new java.util.concurrent.CompletableFuture<>();

    fx.execute(() -> toolbar.setPriority(targets, DisputePriority.URGENT, results::complete));

    List<DisputeBulkService.Outcome> done = results.get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(done).extracting(DisputeBulkService.Outcome::done).containsOnly(true);
    assertThat(done)
        .extracting(DisputeBulkService.Outcome::id)
        .containsExactlyElementsOf(targets.stream().map(DisputeSnapshot::id).toList());
    assertThat(asked).isEmpty();
    for (DisputeSnapshot target : targets) {
      assertThat(column(target.id(), "priority")).isEqualTo("urgent");
      assertThat(commands(target.id())).isOne();
      // A row whose answer is lost is looked up by this key: the one its command recorded.
      String key = commandKey(target.id());
      assertThat(key).endsWith("/" + target.id());
      assertThat(outcomes.committed(key)).isTrue();
    }
  }

  private static RuntimeException connectionLost() {
    return new StaffDatabaseException(
        "Could not save", new SQLException("An I/O error occurred while sending", "08006"));
  }

  private List<QueueItem> showQueue() throws Exception {
    fx.execute(
        () -> {
          queue.form().searchProperty().set(party);
          queue.apply();
        });
    waitFor(() -> items().size() == 3, Duration.ofSeconds(5));
    return items();
  }

  private List<QueueItem> items() {
    return onFx(() -> List.copyOf(queue.items()));
  }

  private List<Long> ids() {
    return items().stream().map(QueueItem::id).toList();
  }

  private long backendOpens(Instant due) throws SQLException {
    try (Connection backend = db.as("demo_backend")) {
      backend.setAutoCommit(false);
      actor(backend);
      long id;
      try (PreparedStatement ps =
          backend.prepareStatement(
              "INSERT INTO disputes (reference, contract_id, escrow_id, opened_by, reason_code,"
                  + " priority, amount_disputed_minor, currency, response_due_at)"
                  + " VALUES (?, ?, ?, ?, 'quality', 'normal', 4000, 'USD', ?) RETURNING id")) {
        ps.setString(
            1, String.format("DSP-9%06d", dev.arbiter.persistence.contract.Fixtures.next()));
        ps.setLong(2, deal.contract());
        ps.setLong(3, deal.escrow());
        ps.setLong(4, deal.client());
        ps.setTimestamp(5, java.sql.Timestamp.from(due));
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          id = rs.getLong(1);
        }
      }
      backend.commit();
      return id;
    }
  }

  private void backendMoves(long id, String status) throws SQLException {
    try (Connection backend = db.as("demo_backend")) {
      backend.setAutoCommit(false);
      actor(backend);
      try (PreparedStatement ps =
          backend.prepareStatement("UPDATE disputes SET status = ? WHERE id = ?")) {
        ps.setString(1, status);
        ps.setLong(2, id);
        assertThat(ps.executeUpdate()).isOne();
      }
      backend.commit();
    }
  }

  private void backendPosts(long id, String body) throws SQLException {
    try (Connection backend = db.as("demo_backend")) {
      backend.setAutoCommit(false);
      actor(backend);
      try (PreparedStatement ps =
          backend.prepareStatement(
              "INSERT INTO dispute_messages (dispute_id, author_user_id, visibility, body)"
                  + " VALUES (?, ?, 'parties', ?)")) {
        ps.setLong(1, id);
        ps.setLong(2, deal.client());
        ps.setString(3, body);
        ps.executeUpdate();
      }
      backend.commit();
    }
  }

  private void actor(Connection backend) throws SQLException {
    try (Statement s = backend.createStatement()) {
      s.execute("SET LOCAL arbiter.actor = 'user:" + deal.client() + "'");
    }
  }

  private static Object column(long id, String column) throws SQLException {
    try (Connection c = db.superuser()) {
      return value(c, "SELECT " + column + " FROM disputes WHERE id = ?", id);
    }
  }

  private static String commandKey(long id) throws SQLException {
    try (Connection c = db.superuser()) {
      return (String)
          value(c, "SELECT idempotency_key FROM dispute_commands WHERE dispute_id = ?", id);
    }
  }

  private static long commands(long id) throws SQLException {
    try (Connection c = db.superuser()) {
      return ((Number) value(c, "SELECT count(*) FROM dispute_commands WHERE dispute_id = ?", id))
          .longValue();
    }
  }

  private static long messages(long id) throws SQLException {
    try (Connection c = db.superuser()) {
      return ((Number) value(c, "SELECT count(*) FROM dispute_messages WHERE dispute_id = ?", id))
          .longValue();
    }
  }

  private <T> T onFx(Callable<T> read) {
    try {
      return fx.submit(read).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Duration elapsedSince(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private interface Check {
    boolean holds() throws Exception;
  }

  private static void waitFor(Check condition, Duration limit) {
    StandInWaits.waitFor(condition::holds, limit);
  }
}
