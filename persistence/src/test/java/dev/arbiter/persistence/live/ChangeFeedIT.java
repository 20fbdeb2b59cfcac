package dev.arbiter.persistence.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.session.ConsoleTarget;
import dev.arbiter.persistence.session.StaffDatabase;
import dev.arbiter.persistence.testing.Latency;
import dev.arbiter.persistence.testing.TestDatabase;
import dev.arbiter.persistence.testing.Waits;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChangeFeedIT {

  private static TestDatabase db;
  private StaffDatabase staff;
  private RecordingListener heard;
  private ChangeFeed feed;

  @BeforeAll
  static void database() {
    db = TestDatabase.fresh();
  }

  @BeforeEach
  void listen() throws Exception {
    staff =
        StaffDatabase.open(new ConsoleTarget(db.jdbcUrl(), false, "test"), "demo_support", "demo");
    heard = new RecordingListener();
    feed = staff.changeFeed(heard);
    feed.start();
    waitUntil(() -> !heard.onlines.isEmpty(), Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    feed.close();
    staff.close();
  }

  @Test
  void aRowTheBackendInsertsIsHeardWithinOneSecond() throws Exception {
    long id;
    long start;
    try (Connection backend = db.as("demo_backend")) {
      start = System.nanoTime();
      id = insertUser(backend, "live@example.com");
    }
    waitUntil(() -> heard.saw("users", "insert", Long.toString(id)), Duration.ofSeconds(1));
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isLessThan(Latency.target(Duration.ofSeconds(1)));
    assertThat(heard.onlines).containsExactly(false);
  }

  @Test
  void aRolledBackChangeIsNeverHeard() throws Exception {
    long kept;
    try (Connection backend = db.as("demo_backend")) {
      backend.setAutoCommit(false);
      long dropped = insertUser(backend, "gone@example.com");
      backend.rollback();
      backend.setAutoCommit(true);
      kept = insertUser(backend, "kept@example.com");
      waitUntil(() -> heard.saw("users", "insert", Long.toString(kept)), Duration.ofSeconds(2));
      assertThat(heard.saw("users", "insert", Long.toString(dropped))).isFalse();
    }
  }

  @Test
  void afterItsConnectionIsKilledTheFeedReconnectsAndAsksForAFullRefresh() throws Exception {
    int pid = feed.backendPid();
    assertThat(pid).isPositive();
    try (Connection su = db.superuser();
        PreparedStatement kill = su.prepareStatement("SELECT pg_terminate_backend(?)")) {
      kill.setInt(1, pid);
      kill.execute();
    }
    waitUntil(() -> !heard.offlines.isEmpty(), Duration.ofSeconds(5));
    waitUntil(() -> heard.onlines.size() == 2, Duration.ofSeconds(5));
    assertThat(heard.onlines).containsExactly(false, true);
    assertThat(feed.backendPid()).isNotEqualTo(pid);

    long id;
    try (Connection backend = db.as("demo_backend")) {
      id = insertUser(backend, "after@example.com");
    }
    waitUntil(() -> heard.saw("users", "insert", Long.toString(id)), Duration.ofSeconds(1));
  }

  @Test
  void presenceHeartbeatsAloneNotifyNobody() throws Exception {
    try (Connection moderator = db.as("demo_moderator");
        Statement s = moderator.createStatement()) {
      s.execute(
          "INSERT INTO console_presence (entity_type, entity_id, mode) VALUES ('dispute', 42, 'viewing')");
      waitUntil(() -> heard.saw("console_presence", "insert", "dispute:42"), Duration.ofSeconds(1));
      s.execute("UPDATE console_presence SET heartbeat_at = now() WHERE entity_id = 42");
      s.execute("UPDATE console_presence SET mode = 'editing' WHERE entity_id = 42");
      waitUntil(() -> heard.saw("console_presence", "update", "dispute:42"), Duration.ofSeconds(1));
    }
    assertThat(heard.changes.stream().filter(c -> c.op().equals("update")).count()).isEqualTo(1);
  }

  private static long insertUser(Connection c, String email) throws Exception {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO users (email, display_name, kind) VALUES (?, 'Live Test', 'client')"
                + " RETURNING id")) {
      s.setString(1, email);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** {@code limit} is how soon in the timing run; in mvn verify, at least thirty seconds. */
  static void waitUntil(BooleanSupplier condition, Duration limit) {
    Waits.atMost(Latency.target(limit)).until(condition::getAsBoolean);
  }
}
