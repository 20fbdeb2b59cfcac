package dev.arbiter.app.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.ExecutorTaskRunner;
import dev.arbiter.app.common.command.CommandRunner;
import dev.arbiter.app.live.LiveUpdates;
import dev.arbiter.app.live.Schedulers;
import dev.arbiter.app.testing.StandInWaits;
import dev.arbiter.model.moderation.FlagDecision;
import dev.arbiter.persistence.live.ChangeFeed;
import dev.arbiter.persistence.moderation.DecisionEntry;
import dev.arbiter.persistence.moderation.DecisionRequest;
import dev.arbiter.persistence.moderation.ItemKey;
import dev.arbiter.persistence.moderation.ModerationFixture;
import dev.arbiter.persistence.moderation.ModerationFixture.BackendFlag;
import dev.arbiter.persistence.moderation.ModerationReason;
import dev.arbiter.persistence.moderation.QueueRow;
import dev.arbiter.persistence.session.ConsoleTarget;
import dev.arbiter.persistence.session.StaffDatabase;
import dev.arbiter.persistence.testing.Latency;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The moderation view models over a real database and a real change feed: what the marketplace
 * backend and colleagues do shows up by itself, and a decision based on a stale view is refused
 * with what changed and can be re-applied.
 */
class ModerationLiveIT {

  // Stands in for the FX thread: one thread, in order.
  private final ExecutorService fx = Executors.newSingleThreadExecutor();
  private final ExecutorService workers = Executors.newFixedThreadPool(2);
  private final ExecutorTaskRunner tasks = new ExecutorTaskRunner(workers, fx);
  private TestDatabase db;
  private StaffDatabase moderator;
  private LiveUpdates updates;
  private ChangeFeed feed;
  private long author;
  private long first;
  private long second;

  @BeforeEach
  void open() throws Exception {
    db = TestDatabase.fresh();
    ModerationFixture.secondModerator(db);
    try (Connection owner = db.migrator()) {
      author = ModerationFixture.user(owner);
      first = ModerationFixture.message(owner, author, "Pay me on PayPal instead");
      second = ModerationFixture.message(owner, author, "Buy followers at cheap.example");
      ModerationFixture.flag(
          owner, "dispute_message", first, ModerationFixture.user(owner), "fraud", "high");
      ModerationFixture.flag(
          owner, "dispute_message", second, ModerationFixture.user(owner), "spam", "medium");
    }
    moderator =
        StaffDatabase.open(
            new ConsoleTarget(db.jdbcUrl(), false, "test"), "demo_moderator", "demo");
    updates = new LiveUpdates(fx, Schedulers.daemon("test-live-updates"), Duration.ofMillis(200));
    feed = moderator.changeFeed(updates);
  }

  @AfterEach
  void close() {
    feed.close();
    updates.close();
    tasks.close();
    fx.shutdownNow();
    moderator.close();
  }

  @Test
  void aFlagRaisedByTheBackendAppearsInTheQueueWithinASecondAndTheSelectionStays()
      throws Exception {
    ModerationGateway gateway = ModerationArea.gateway(moderator);
    ModerationQueueViewModel queue = onFx(() -> new ModerationQueueViewModel(gateway, tasks));
    updates.subscribe(queue::changed);
    onFx(queue::refresh);
    waitFor(() -> onFx(() -> queue.rows().size() == 2), Duration.ofSeconds(5));
    onFx(() -> queue.selectedIndexProperty().set(1));
    ItemKey selected = onFx(() -> queue.selectedProperty().get().key());
    startFeed();
    long third;
    try (Connection owner = db.migrator()) {
      third = ModerationFixture.message(owner, author, "Send me your password");
    }

    ModerationFixture.raiseAsBackend(
        db, new BackendFlag(third, author, "impersonation", "critical"));
    long start = System.nanoTime();

    ItemKey arrived = key(third);
    waitFor(
        () -> onFx(() -> queue.rows().stream().anyMatch(r -> r.key().equals(arrived))),
        Duration.ofSeconds(1));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(took).isLessThan(Latency.target(Duration.ofSeconds(1)));
    // The critical item sorts first; the moderator's selection followed its item, not its index.
    assertThat(onFx(() -> queue.rows().get(0).key())).isEqualTo(arrived);
    assertThat(onFx(() -> queue.selectedProperty().get().key())).isEqualTo(selected);
    assertThat(onFx(() -> queue.selectedIndexProperty().get())).isEqualTo(2);
    assertThat(onFx(() -> queue.list().summaryProperty().get())).isEqualTo("3 items");
  }

  @Test
  void theOpenItemShowsWhoChangedItAndWhatWhileItWasOpen() throws Exception {
    ModerationGateway gateway = ModerationArea.gateway(moderator);
    ModerationQueueViewModel queue = onFx(() -> new ModerationQueueViewModel(gateway, tasks));
    ItemViewModel item = item(gateway, queue);
    updates.subscribe(
        changes -> {
          queue.changed(changes);
          item.changed(changes);
        });
    onFx(() -> queue.selectedProperty().addListener((obs, old, row) -> item.show(row)));
    onFx(queue::refresh);
    waitFor(() -> onFx(() -> item.detailProperty().get() != null), Duration.ofSeconds(5));
    QueueRow open = onFx(() -> item.rowProperty().get());
    startFeed();

    try (Connection max =
        DriverManager.getConnection(db.jdbcUrl(), ModerationFixture.SECOND_MODERATOR, "demo")) {
      ModerationFixture.exec(max, "SELECT moderation_claim('dispute_message', ?)", open.key().id());
    }

    waitFor(() -> !onFx(() -> item.changedTextProperty().get()).isEmpty(), Duration.ofSeconds(2));
    assertThat(onFx(() -> item.changedTextProperty().get()))
        .isEqualTo(
            "Changed by test_moderator2 while you had it open: claimed by — → test_moderator2");
    waitFor(() -> onFx(() -> item.claimedByOtherProperty().get()), Duration.ofSeconds(2));
  }

  @Test
  void aDecisionOnAStaleViewIsRefusedWithWhatChangedAndCanBeReapplied() throws Exception {
    ModerationGateway gateway = ModerationArea.gateway(moderator);
    ModerationQueueViewModel queue = onFx(() -> new ModerationQueueViewModel(gateway, tasks));
    // No feed for the item: the moderator still looks at what they read before the new flag.
    ItemViewModel item = item(gateway, queue);
    onFx(() -> queue.selectedProperty().addListener((obs, old, row) -> item.show(row)));
    onFx(queue::refresh);
    waitFor(() -> onFx(() -> item.detailProperty().get() != null), Duration.ofSeconds(5));
    ItemKey key = onFx(() -> item.rowProperty().get().key());
    onFx(item::claim);
    waitFor(() -> onFx(() -> item.claimedByMeProperty().get()), Duration.ofSeconds(5));
    waitFor(
        () -> onFx(() -> ItemChanges.claimant(item.detailProperty().get())) != null,
        Duration.ofSeconds(5));
    long reporter;
    long newFlag;
    try (Connection owner = db.migrator()) {
      reporter = ModerationFixture.user(owner);
    }
    try (Connection backend = db.as("demo_backend")) {
      newFlag =
          dev.arbiter.persistence.contract.Fixtures.id(
              backend,
              "INSERT INTO moderation_flags (entity_type, entity_id, reporter_id, reason, severity)"
                  + " VALUES ('dispute_message', ?, ?, 'harassment', 'critical')",
              key.id(),
              reporter);
    }
    String reporterName = name(reporter);
    DecisionRequest hide =
        new DecisionRequest(
            key, FlagDecision.HIDE_CONTENT, ModerationReason.OFF_PLATFORM_PAYMENT, "PayPal", null);

    onFx(() -> item.decide(hide));

    waitFor(
        () ->
            onFx(() -> item.pending().stateProperty().get())
                == PendingDecisionViewModel.State.STALE,
        Duration.ofSeconds(5));
    assertThat(onFx(() -> List.copyOf(item.pending().changes())))
        .containsExactly(
            "open flags 1 → 2",
            "new flag " + newFlag + ": harassment, critical by " + reporterName);
    assertThat(onFx(() -> item.pending().textProperty().get()))
        .startsWith("Not saved: Message #" + key.id() + " changed after you opened it.")
        .endsWith("Re-apply to hide the content on the item as it is now.");
    assertThat(onFx(() -> item.pending().canReapplyProperty().get())).isTrue();
    try (Connection owner = db.migrator()) {
      assertThat(openFlags(owner, key)).isEqualTo(2);
    }

    onFx(item::reapply);

    waitFor(
        () -> onFx(() -> item.messageProperty().get()).startsWith("hide the content: done"),
        Duration.ofSeconds(5));
    assertThat(onFx(() -> item.pending().stateProperty().get()))
        .isEqualTo(PendingDecisionViewModel.State.NONE);
    try (Connection owner = db.migrator()) {
      assertThat(openFlags(owner, key)).isZero();
      assertThat(
              ModerationFixture.count(
                  owner,
                  "SELECT count(*) FROM moderation_flags WHERE entity_type = 'dispute_message'"
                      + " AND entity_id = ? AND decided_by = 'demo_moderator'"
                      + " AND decision = 'hide_content'",
                  key.id()))
          .isEqualTo(2);
    }
  }

  @Test
  void aDecisionWhoseAnswerWasLostIsFoundSavedByItsKeyAndActsOnce() throws Exception {
    LossyGateway lossy = new LossyGateway(ModerationArea.gateway(moderator));
    SimpleBooleanProperty online = new SimpleBooleanProperty(true);
    ItemViewModel item = claimedItem(lossy, online);
    ItemKey key = onFx(() -> item.rowProperty().get().key());
    boolean[] saved = {false};

    // The decision commits, then the connection drops before the answer arrives.
    lossy.loseAfterCommit = true;
    onFx(() -> item.decide(dismiss(key), () -> saved[0] = true));

    waitFor(
        () -> onFx(() -> item.messageProperty().get()).contains("saved before the connection"),
        Duration.ofSeconds(5));
    assertThat(saved[0]).isTrue();
    assertThat(onFx(() -> item.pending().stateProperty().get()))
        .isEqualTo(PendingDecisionViewModel.State.NONE);
    // Settled by its key, not sent again.
    assertThat(lossy.sent).hasSize(1);
    assertThat(decisions(key)).isEqualTo(1);
    assertThat(requests(lossy.sent.get(0))).isEqualTo(1);
  }

  @Test
  void anUnsavedDecisionIsRetriedUnderItsKeyAndActsOnce() throws Exception {
    LossyGateway lossy = new LossyGateway(ModerationArea.gateway(moderator));
    SimpleBooleanProperty online = new SimpleBooleanProperty(true);
    ItemViewModel item = claimedItem(lossy, online);
    ItemKey key = onFx(() -> item.rowProperty().get().key());
    List<Long> seen = onFx(() -> ItemChanges.openFlagIds(item.detailProperty().get()));
    boolean[] saved = {false};

    // First: the connection drops before the server got it, while the console is offline.
    lossy.loseBeforeCommit = true;
    onFx(() -> online.set(false));
    onFx(() -> item.decide(dismiss(key), () -> saved[0] = true));
    assertThat(onFx(() -> item.errorProperty().get())).isEqualTo(ItemViewModel.OFFLINE);
    onFx(() -> online.set(true));
    onFx(() -> item.decide(dismiss(key), () -> saved[0] = true));
    waitFor(
        () ->
            onFx(() -> item.pending().stateProperty().get())
                == PendingDecisionViewModel.State.UNSAVED,
        Duration.ofSeconds(5));
    assertThat(onFx(() -> item.pending().textProperty().get())).contains("was not saved");
    assertThat(saved[0]).isFalse();
    assertThat(decisions(key)).isZero();

    // The retry commits, but its answer is lost too: its key says it was saved.
    lossy.loseBeforeCommit = false;
    lossy.loseAfterCommit = true;
    onFx(item::retry);
    waitFor(
        () -> onFx(() -> item.messageProperty().get()).contains("saved before the connection"),
        Duration.ofSeconds(5));
    assertThat(saved[0]).isTrue();
    assertThat(lossy.sent).hasSize(2).containsOnly(lossy.sent.get(0));
    // A late duplicate of the same request replays the first decision.
    lossy.loseAfterCommit = false;
    long first;
    try (Connection owner = db.migrator()) {
      first =
          ModerationFixture.count(
              owner,
              "SELECT (result ->> 'decision_id')::bigint FROM staff_requests"
                  + " WHERE idempotency_key = ?",
              lossy.sent.get(0));
    }
    assertThat(lossy.decide(dismiss(key), seen, lossy.sent.get(0))).isEqualTo(first);
    assertThat(decisions(key)).isEqualTo(1);
  }

  @Test
  void anUndoWhoseAnswerWasLostIsFoundDoneByItsDecisionAndNotSentAgain() throws Exception {
    LossyGateway lossy = new LossyGateway(ModerationArea.gateway(moderator));
    SimpleBooleanProperty online = new SimpleBooleanProperty(true);
    DecisionEntry decided = decidedEntry(lossy, online);
    DecisionLogViewModel log =
        onFx(
            () ->
                new DecisionLogViewModel(
                    new ModerationWork(lossy, tasks, commands(lossy, online), () -> {})));

    // The undo commits, then the connection drops before the answer arrives.
    lossy.loseAfterCommit = true;
    onFx(() -> log.undo(decided));

    waitFor(
        () -> onFx(() -> log.statusProperty().get()).startsWith("Undid decision"),
        Duration.ofSeconds(5));
    assertThat(lossy.undos).containsExactly(decided.id());
    assertThat(lossy.decision(decided.id()).orElseThrow().undoneAt()).isNotNull();
  }

  @Test
  void anUndoLostBeforeTheDatabaseGotItSaysSoAndCanBeSentAgain() throws Exception {
    LossyGateway lossy = new LossyGateway(ModerationArea.gateway(moderator));
    SimpleBooleanProperty online = new SimpleBooleanProperty(true);
    DecisionEntry decided = decidedEntry(lossy, online);
    DecisionLogViewModel log =
        onFx(
            () ->
                new DecisionLogViewModel(
                    new ModerationWork(lossy, tasks, commands(lossy, online), () -> {})));

    lossy.loseBeforeCommit = true;
    onFx(() -> log.undo(decided));

    waitFor(
        () -> onFx(() -> log.statusProperty().get()).contains("was not undone"),
        Duration.ofSeconds(5));
    assertThat(onFx(() -> log.statusProperty().get())).endsWith("You can undo it again.");
    assertThat(lossy.decision(decided.id()).orElseThrow().undoneAt()).isNull();

    lossy.loseBeforeCommit = false;
    onFx(() -> log.undo(decided));
    waitFor(
        () -> onFx(() -> log.statusProperty().get()).startsWith("Undid decision"),
        Duration.ofSeconds(5));
    assertThat(lossy.undos).containsExactly(decided.id(), decided.id());
    assertThat(lossy.decision(decided.id()).orElseThrow().undoneAt()).isNotNull();
  }

  // A dismissal of the first item, decided normally, as the decision log lists it.
  private DecisionEntry decidedEntry(LossyGateway lossy, SimpleBooleanProperty online)
      throws InterruptedException {
    ItemViewModel item = claimedItem(lossy, online);
    ItemKey key = onFx(() -> item.rowProperty().get().key());
    boolean[] saved = {false};
    onFx(() -> item.decide(dismiss(key), () -> saved[0] = true));
    waitFor(() -> saved[0], Duration.ofSeconds(5));
    DecisionEntry decided = lossy.recentDecisions(1).get(0);
    assertThat(decided.key()).isEqualTo(key);
    assertThat(decided.undoable()).isTrue();
    return decided;
  }

  private ItemViewModel claimedItem(LossyGateway lossy, SimpleBooleanProperty online)
      throws InterruptedException {
    ModerationQueueViewModel queue = onFx(() -> new ModerationQueueViewModel(lossy, tasks));
    ItemViewModel item =
        onFx(
            () ->
                new ItemViewModel(
                    new ModerationWork(lossy, tasks, commands(lossy, online), queue::refresh),
                    "demo_moderator",
                    Locale.US,
                    ZoneOffset.UTC));
    onFx(() -> queue.selectedProperty().addListener((obs, old, row) -> item.show(row)));
    onFx(queue::refresh);
    waitFor(() -> onFx(() -> item.detailProperty().get() != null), Duration.ofSeconds(5));
    onFx(item::claim);
    waitFor(() -> onFx(() -> item.claimedByMeProperty().get()), Duration.ofSeconds(5));
    waitFor(
        () -> onFx(() -> ItemChanges.claimant(item.detailProperty().get())) != null,
        Duration.ofSeconds(5));
    return item;
  }

  private static DecisionRequest dismiss(ItemKey key) {
    return new DecisionRequest(
        key, FlagDecision.DISMISS, ModerationReason.NO_VIOLATION, "fine, really", null);
  }

  private long decisions(ItemKey key) throws SQLException {
    try (Connection owner = db.migrator()) {
      return ModerationFixture.count(
          owner,
          "SELECT count(*) FROM moderation_decisions WHERE entity_type = 'dispute_message'"
              + " AND entity_id = ?",
          key.id());
    }
  }

  private long requests(String requestKey) throws SQLException {
    try (Connection owner = db.migrator()) {
      return ModerationFixture.count(
          owner, "SELECT count(*) FROM staff_requests WHERE idempotency_key = ?", requestKey);
    }
  }

  private ItemViewModel item(ModerationGateway gateway, ModerationQueueViewModel queue) {
    return onFx(
        () ->
            new ItemViewModel(
                new ModerationWork(
                    gateway,
                    tasks,
                    commands(gateway, new SimpleBooleanProperty(true)),
                    queue::refresh),
                "demo_moderator",
                Locale.US,
                ZoneOffset.UTC));
  }

  private CommandRunner commands(ModerationGateway gateway, SimpleBooleanProperty online) {
    return new CommandRunner(tasks, tasks::schedule, online, gateway::committed);
  }

  private void startFeed() throws InterruptedException {
    feed.start();
    waitFor(() -> feed.backendPid() > 0, Duration.ofSeconds(5));
  }

  private static ItemKey key(long messageId) {
    return ItemKey.of("dispute_message", messageId);
  }

  private String name(long user) throws SQLException {
    try (Connection owner = db.migrator()) {
      return ModerationFixture.text(owner, "SELECT display_name FROM users WHERE id = ?", user);
    }
  }

  private static long openFlags(Connection owner, ItemKey key) throws SQLException {
    return ModerationFixture.count(
        owner,
        "SELECT count(*) FROM moderation_flags WHERE entity_type = 'dispute_message'"
            + " AND entity_id = ? AND status = 'open'",
        key.id());
  }

  private void onFx(Runnable action) {
    StandInWaits.run(fx, action);
  }

  private <T> T onFx(Supplier<T> read) {
    return StandInWaits.on(fx, read::get);
  }

  private static void waitFor(BooleanSupplier condition, Duration limit) {
    StandInWaits.waitFor(condition::getAsBoolean, limit);
  }
}
