package dev.arbiter.persistence.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.model.disputes.MessageVisibility;
import dev.arbiter.persistence.disputes.ActionResult;
import dev.arbiter.persistence.disputes.DisputeActionService;
import dev.arbiter.persistence.disputes.DisputeCaseService;
import dev.arbiter.persistence.disputes.DisputeCommand;
import dev.arbiter.persistence.disputes.DisputeCommand.PostMessage;
import dev.arbiter.persistence.disputes.DisputeFixtures;
import dev.arbiter.persistence.session.CommitOutcomes;
import dev.arbiter.persistence.session.ConnectionFailures;
import dev.arbiter.persistence.session.ConsoleTarget;
import dev.arbiter.persistence.session.StaffDatabase;
import dev.arbiter.persistence.staff.SignedInStaff;
import dev.arbiter.persistence.staff.StaffRole;
import dev.arbiter.persistence.testing.Latency;
import dev.arbiter.persistence.testing.Waits;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real outage: the server this class owns is stopped and started again on the same folder and
 * port while a staff session is open. The feed must say so and come back by itself, the pool must
 * serve fresh connections afterwards, and a command cut off at its commit must be settled by its
 * idempotency key so that a retry has exactly one effect.
 */
class ServerOutageIT {

  private static OutageServer server;
  private StaffDatabase staff;
  private DisputeActionService actions;
  private DisputeCaseService cases;

  @BeforeAll
  static void startServer() {
    server = OutageServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void signIn() throws Exception {
    staff =
        StaffDatabase.open(
            new ConsoleTarget(server.jdbcUrl(), false, "outage"), "demo_support", "demo");
    actions =
        new DisputeActionService(
            staff.access(),
            new SignedInStaff("demo_support", "Sam Support", Set.of(StaffRole.SUPPORT)),
            Clock.systemUTC());
    cases = new DisputeCaseService(staff.access(), false);
  }

  @AfterEach
  void signOut() {
    staff.close();
  }

  @Test
  void feedSaysOfflineWithinFiveSecondsDoesNotSpinAndResyncsAfterRestart() throws Exception {
    RecordingListener heard = new RecordingListener();
    try (ChangeFeed feed = staff.changeFeed(heard)) {
      feed.start();
      waitUntil(() -> heard.onlines.size() == 1, Duration.ofSeconds(5));
      Thread feedThread = feedThread();
      long stopped = System.nanoTime();
      server.stop();
      waitUntil(() -> !heard.offlines.isEmpty(), Duration.ofSeconds(5));
      Duration detection = Duration.ofNanos(System.nanoTime() - stopped);

      // Three seconds down (a few retries), in which the feed stays offline and barely runs.
      long cpuBefore = cpuNanos(feedThread);
      Waits.atMost(Duration.ofSeconds(30))
          .during(Duration.ofSeconds(3))
          .until(() -> heard.onlines.size() == 1);
      long cpuWhileDown = cpuNanos(feedThread) - cpuBefore;

      server.restart();
      long restarted = System.nanoTime();
      waitUntil(() -> heard.onlines.size() == 2, Duration.ofSeconds(10));
      Duration reconnection = Duration.ofNanos(System.nanoTime() - restarted);

      assertThat(detection).isLessThan(Latency.target(Duration.ofSeconds(5)));
      assertThat(reconnection).isLessThan(Latency.target(Duration.ofSeconds(10)));
      // One offline report for the whole outage, and a retry loop that sleeps between attempts.
      assertThat(heard.offlines).hasSize(1);
      assertThat(cpuWhileDown).isLessThan(TimeUnit.MILLISECONDS.toNanos(300));
      assertThat(heard.onlines).containsExactly(false, true);

      long id;
      try (Connection backend = server.as("demo_backend")) {
        id = insertUser(backend);
      }
      waitUntil(() -> heard.saw("users", "insert", Long.toString(id)), Duration.ofSeconds(1));
    }
  }

  @Test
  void afterARestartThePoolsFirstQueryGetsAFreshConnection() throws Exception {
    long dispute = newDispute();
    assertThat(cases.load(dispute)).isPresent();
    RecordingListener heard = new RecordingListener();
    try (ChangeFeed feed = staff.changeFeed(heard)) {
      feed.start();
      waitUntil(() -> heard.onlines.size() == 1, Duration.ofSeconds(5));
      server.stop();
      waitUntil(() -> !heard.offlines.isEmpty(), Duration.ofSeconds(5));
      server.restart();
      waitUntil(() -> heard.onlines.size() == 2, Duration.ofSeconds(10));

      // No "connection has been closed" left over from before the outage.
      assertThat(cases.load(dispute)).isPresent();
      assertThat(new CommitOutcomes(staff.access()).committed("dsp-none")).isFalse();
    }
  }

  @Test
  void aCommandCutOffByTheServerStoppingAtCommitIsSettledAsNotDoneAndRetriedOnce()
      throws Exception {
    long dispute = newDispute();
    PostMessage reply = reply(dispute, "Thanks, we are looking at the delivery now.");
    stallCommits(true);
    CompletableFuture<ActionResult> first =
        CompletableFuture.supplyAsync(() -> actions.execute(reply));
    waitForBackend("PgSleep");
    server.stop();
    Throwable failure = failureOf(first);
    server.restart();
    stallCommits(false);

    assertThat(ConnectionFailures.isConnectionLost(failure)).as(failure.toString()).isTrue();
    assertThat(new CommitOutcomes(staff.access()).committed(reply.idempotencyKey())).isFalse();
    ActionResult retry = actions.execute(reply);
    assertThat(retry.replayed()).isFalse();
    assertExactlyOneEffect(reply, dispute);
    // A late double click with the same key changes nothing.
    assertThat(actions.execute(reply).replayed()).isTrue();
    assertExactlyOneEffect(reply, dispute);
  }

  @Test
  void aCommandWhoseAnswerIsLostAfterItCommittedIsSettledAsDoneAndNotRepeated() throws Exception {
    long dispute = newDispute();
    PostMessage reply = reply(dispute, "We have asked the freelancer for the source files.");
    // The commit is written locally, then waits for a standby that does not exist; cutting the
    // session there loses the answer of a transaction that did commit.
    waitForStandby(true);
    try {
      CompletableFuture<ActionResult> first =
          CompletableFuture.supplyAsync(() -> actions.execute(reply));
      int pid = waitForBackend("SyncRep");
      try (Connection su = localCommits(server.superuser());
          PreparedStatement kill = su.prepareStatement("SELECT pg_terminate_backend(?)")) {
        kill.setInt(1, pid);
        kill.execute();
      }
      Throwable failure = failureOf(first);
      assertThat(ConnectionFailures.isConnectionLost(failure)).as(failure.toString()).isTrue();
    } finally {
      waitForStandby(false);
    }

    assertThat(new CommitOutcomes(staff.access()).committed(reply.idempotencyKey())).isTrue();
    assertExactlyOneEffect(reply, dispute);
    ActionResult retry = actions.execute(reply);
    assertThat(retry.replayed()).isTrue();
    assertExactlyOneEffect(reply, dispute);
  }

  private PostMessage reply(long dispute, String body) {
    return new PostMessage(
        cases.load(dispute).orElseThrow().snapshot(),
        MessageVisibility.PARTIES,
        body,
        DisputeCommand.newKey());
  }

  private void assertExactlyOneEffect(PostMessage reply, long dispute) throws Exception {
    try (Connection c = server.superuser()) {
      assertThat(
              count(
                  c,
                  "SELECT count(*) FROM dispute_commands WHERE idempotency_key = '"
                      + reply.idempotencyKey()
                      + "'"))
          .isEqualTo(1);
      assertThat(
              count(
                  c,
                  "SELECT count(*) FROM dispute_messages WHERE author_staff = 'demo_support'"
                      + " AND dispute_id = "
                      + dispute))
          .isEqualTo(1);
    }
  }

  /** A deferred trigger that sleeps at commit, so the test can cut the session right there. */
  private static void stallCommits(boolean stall) throws Exception {
    try (Connection owner = server.migrator();
        Statement s = owner.createStatement()) {
      if (stall) {
        s.execute(
            "CREATE OR REPLACE FUNCTION test_stall_commit() RETURNS trigger LANGUAGE plpgsql"
                + " AS $$ BEGIN PERFORM pg_sleep(60); RETURN NULL; END $$");
        s.execute(
            "CREATE CONSTRAINT TRIGGER test_stall_commit AFTER INSERT ON dispute_commands"
                + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW"
                + " EXECUTE FUNCTION test_stall_commit()");
      } else {
        s.execute("DROP TRIGGER IF EXISTS test_stall_commit ON dispute_commands");
        s.execute("DROP FUNCTION IF EXISTS test_stall_commit()");
      }
    }
  }

  private static void waitForStandby(boolean wait) throws Exception {
    try (Connection su = localCommits(server.superuser());
        Statement s = su.createStatement()) {
      s.execute(
          wait
              ? "ALTER SYSTEM SET synchronous_standby_names = 'ghost_standby'"
              : "ALTER SYSTEM RESET synchronous_standby_names");
      s.execute("SELECT pg_reload_conf()");
    }
    // The postmaster reloads on a signal, in its own time; sessions it starts from then on (and
    // the others at their next command) have the setting.
    String expected = wait ? "ghost_standby" : "";
    Waits.atMost(Duration.ofSeconds(30)).until(() -> standbyNames().equals(expected));
  }

  private static String standbyNames() throws Exception {
    try (Connection su = server.superuser();
        Statement s = su.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT current_setting('synchronous_standby_names') AS standby_names")) {
      rs.next();
      return rs.getString("standby_names");
    }
  }

  private static Connection localCommits(Connection c) throws Exception {
    try (Statement s = c.createStatement()) {
      s.execute("SET synchronous_commit = local");
    }
    return c;
  }

  private static int waitForBackend(String waitEvent) throws Exception {
    int[] pid = {-1};
    waitUntil(
        () -> {
          try (Connection su = localCommits(server.superuser());
              PreparedStatement s =
                  su.prepareStatement(
                      "SELECT pid FROM pg_stat_activity WHERE usename = 'demo_support'"
                          + " AND wait_event = ?")) {
            s.setString(1, waitEvent);
            try (ResultSet rs = s.executeQuery()) {
              if (rs.next()) {
                pid[0] = rs.getInt(1);
                return true;
              }
              return false;
            }
          } catch (Exception e) {
            return false;
          }
        },
        Duration.ofSeconds(20));
    return pid[0];
  }

  private static Throwable failureOf(CompletableFuture<?> action) throws Exception {
    try {
      Object result = action.get(30, TimeUnit.SECONDS);
      throw new AssertionError("the action was expected to lose its connection: " + result);
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  private static long newDispute() throws Exception {
    try (Connection owner = localCommits(server.migrator())) {
      return DisputeFixtures.open()
          .status("under_review")
          .insert(owner, DisputeFixtures.deal(owner, "Olga Outage", "Pete Patch", 40_000));
    }
  }

  private static long insertUser(Connection c) throws Exception {
    try (PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO users (email, display_name, kind) VALUES"
                    + " ('back@example.com', 'After Restart', 'client') RETURNING id");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long count(Connection c, String sql) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Thread feedThread() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("arbiter-change-feed"))
        .findFirst()
        .orElseThrow();
  }

  private static long cpuNanos(Thread thread) {
    return ManagementFactory.getThreadMXBean().getThreadCpuTime(thread.getId());
  }

  private static void waitUntil(BooleanSupplier condition, Duration limit) {
    ChangeFeedIT.waitUntil(condition, limit);
  }
}
