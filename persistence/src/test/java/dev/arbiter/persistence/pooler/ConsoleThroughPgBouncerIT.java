package dev.arbiter.persistence.pooler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.escrow.CheckpointAction;
import dev.arbiter.persistence.escrow.MoneyFixture;
import dev.arbiter.persistence.escrow.ReleaseQueueQuery;
import dev.arbiter.persistence.escrow.ReleaseQueueRow;
import dev.arbiter.persistence.escrow.ReleaseQueueService;
import dev.arbiter.persistence.escrow.ReleaseService;
import dev.arbiter.persistence.ledger.MoneyResult;
import dev.arbiter.persistence.live.ChangeAnnouncer;
import dev.arbiter.persistence.live.ChangeFeed;
import dev.arbiter.persistence.live.RecordingListener;
import dev.arbiter.persistence.session.CommitOutcomes;
import dev.arbiter.persistence.session.ConsoleTarget;
import dev.arbiter.persistence.staff.SignInService;
import dev.arbiter.persistence.staff.StaffRole;
import dev.arbiter.persistence.staff.StaffSession;
import dev.arbiter.persistence.testing.SharedServerSettings;
import dev.arbiter.persistence.testing.TestDatabase;
import dev.arbiter.persistence.testing.Waits;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A finance console whose pooled connections go through PgBouncer in transaction mode, with its
 * LISTEN connection straight to the server, driven through its real services: sign-in, the release
 * queue, a release under its idempotency key and the same key again, a change heard, and the pooler
 * and the server each cutting the console's connections. Runs in the shared-server run only ({@code
 * .ci/shared-server} sets up the pooler; README, "Tests on a shared server").
 */
@Timeout(180)
@EnabledIfSystemProperty(named = "arbiter.test.server", matches = "shared")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleThroughPgBouncerIT {

  private static final String LOGIN = "demo_finance";
  private static final Duration LIMIT = Duration.ofSeconds(30);

  private static TestDatabase db;
  private static PgBouncerConsole bouncer;
  private static StaffSession session;
  private static ChangeFeed feed;
  private static final RecordingListener heard = new RecordingListener();
  private static MoneyFixture.Deal deal;

  @BeforeAll
  static void signIn() throws Exception {
    SharedServerSettings shared =
        SharedServerSettings.fromEnvironment(System.getenv())
            .orElseThrow(() -> new IllegalStateException("the shared-server run sets the pooler"));
    bouncer = new PgBouncerConsole(shared);
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      deal = MoneyFixture.deal(owner, "USD", 50_000);
    }
    ConsoleTarget target =
        new ConsoleTarget(db.jdbcUrl(), false, "pooled", shared.poolerUrl(db.name()));
    assertThat(target.pooled()).isTrue();
    session = new SignInService().startSession(target, LOGIN, "demo");
    feed = session.database().changeFeed(heard);
    feed.start();
    Waits.atMost(LIMIT).until(() -> !heard.onlines.isEmpty());
  }

  @AfterAll
  static void signOut() {
    feed.close();
    session.close();
  }

  @Test
  @Order(1)
  void signingInThroughThePoolerActsAsTheStaffMembersOwnLogin() throws SQLException {
    assertThat(session.staff().roles()).containsExactly(StaffRole.FINANCE);
    String who =
        session
            .database()
            .access()
            .query("SELECT session_user AS login", row -> row.text("login"))
            .get(0);
    assertThat(who).isEqualTo(LOGIN);
    assertThat(bouncer.pools(db.name()))
        .extracting(PgBouncerConsole.Pool::user)
        .as("the console's pool is PgBouncer's, per login")
        .contains(LOGIN);
  }

  @Test
  @Order(2)
  void theListenConnectionGoesStraightToTheServer() throws SQLException {
    // PgBouncer opens no server connection of its own for a LISTEN it never sees.
    int pid = feed.backendPid();
    assertThat(pid).isPositive();
    assertThat(bouncer.serverPids(db.name())).doesNotContain(pid);
    try (Connection su = db.superuser()) {
      assertThat(
              Fixtures.value(su, "SELECT query FROM pg_stat_activity WHERE pid = ?", pid)
                  .toString())
          .as("the listener's latest statement: its LISTEN, or the announce of each poll")
          .isIn("LISTEN " + ChangeFeed.CHANNEL, ChangeAnnouncer.SQL);
    }
  }

  @Test
  @Order(3)
  void aQueuePageAndAReleaseUnderItsKeyActOnceThroughThePooler() throws Exception {
    long checkpoint = approvedCheckpoint(10_000);
    // Read over and over from the console's four connections at once, as its live views do: past
    // the driver's default prepare threshold (5), a named server-side statement would meet server
    // connections that never saw it, or one another's.
    ExecutorService readers = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Long>>> reads = new ArrayList<>();
      for (int read = 0; read < 48; read++) {
        reads.add(readers.submit(() -> pageIds()));
      }
      for (Future<List<Long>> read : reads) {
        assertThat(read.get()).contains(checkpoint);
      }
    } finally {
      readers.shutdownNow();
    }

    String key = "pooled-release-" + checkpoint;
    MoneyResult first = release(checkpoint, key);
    MoneyResult again = release(checkpoint, key);

    assertThat(first.ok()).as(first.message()).isTrue();
    assertThat(again.ok()).isTrue();
    assertThat(again.replayed()).isTrue();
    assertThat(released(checkpoint)).isEqualTo(10_000);
    Waits.atMost(LIMIT)
        .until(() -> heard.saw("escrow_checkpoints", "update", Long.toString(checkpoint)));
  }

  @Test
  @Order(4)
  void aChangeAnotherLoginCommitsArrivesOnTheListenConnection() throws SQLException {
    long checkpoint;
    try (Connection owner = db.migrator()) {
      checkpoint = MoneyFixture.submitted(owner, deal, 2_000, "single", "requester_login");
    }
    Waits.atMost(LIMIT)
        .until(() -> heard.saw("escrow_checkpoints", "insert", Long.toString(checkpoint)));
  }

  @Test
  @Order(5)
  void aReleaseCutOffByThePoolerIsSettledByItsKeyAndRetriedOnce() throws SQLException {
    // KILL drops the console's pooled connections, and new ones wait until RESUME: the release
    // cannot reach the server, and the console learns that only from the key.
    long checkpoint = approvedCheckpoint(5_000);
    String key = "pooled-outage-" + checkpoint;
    bouncer.kill(db.name());
    try {
      assertThatThrownBy(() -> release(checkpoint, key)).isInstanceOf(RuntimeException.class);
    } finally {
      bouncer.resume(db.name());
    }

    // The direct LISTEN connection never noticed: the pool's connections were cut behind the
    // console's back. Each one fails once when next used and is replaced, so the console settles
    // the key as it does after any lost answer, asking again until the server answers.
    CommitOutcomes outcomes = new CommitOutcomes(session.database().access());
    boolean committed =
        Waits.atMost(LIMIT)
            .ignoreExceptionsInstanceOf(SQLException.class)
            .until(() -> outcomes.committed(key), answer -> true);
    assertThat(committed).isFalse();
    assertThat(release(checkpoint, key).ok()).isTrue();
    assertThat(release(checkpoint, key).replayed()).isTrue();
    assertThat(released(checkpoint)).isEqualTo(5_000);
  }

  @Test
  @Order(6)
  void afterTheServerCutsEveryConnectionOfTheLoginTheConsoleComesBack() throws Exception {
    int onlines = heard.onlines.size();
    try (Connection su = db.superuser()) {
      Fixtures.value(
          su,
          "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE usename = ?",
          LOGIN);
    }
    Waits.atMost(LIMIT).until(() -> !heard.offlines.isEmpty());
    Waits.atMost(LIMIT).until(() -> heard.onlines.size() > onlines);
    assertThat(heard.onlines.get(heard.onlines.size() - 1)).as("a resync").isTrue();

    long checkpoint = approvedCheckpoint(3_000);
    assertThat(queue().page(ReleaseQueueQuery.firstPage(50)).rows())
        .extracting(ReleaseQueueRow::checkpointId)
        .contains(checkpoint);
    assertThat(release(checkpoint, "pooled-after-" + checkpoint).ok()).isTrue();
  }

  private static long approvedCheckpoint(long amount) throws SQLException {
    try (Connection owner = db.migrator()) {
      return MoneyFixture.approved(owner, deal, amount, "demo_finance2");
    }
  }

  private static List<Long> pageIds() {
    return queue().page(ReleaseQueueQuery.firstPage(50)).rows().stream()
        .map(ReleaseQueueRow::checkpointId)
        .toList();
  }

  private static ReleaseQueueService queue() {
    return new ReleaseQueueService(session.database().access());
  }

  private static MoneyResult release(long checkpoint, String key) {
    return new ReleaseService(session.database().access())
        .perform(new CheckpointAction.Release(checkpoint, null, key));
  }

  private static long released(long checkpoint) throws SQLException {
    try (Connection su = db.superuser()) {
      return ((Number)
              Fixtures.value(
                  su, "SELECT released_minor FROM escrow_checkpoints WHERE id = ?", checkpoint))
          .longValue();
    }
  }
}
