package dev.arbiter.persistence.contract;

import static dev.arbiter.persistence.contract.Fixtures.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.persistence.contract.Fixtures.Seed;
import dev.arbiter.persistence.live.ChangeAnnouncer;
import dev.arbiter.persistence.testing.Latency;
import dev.arbiter.persistence.testing.TestDatabase;
import dev.arbiter.persistence.testing.Waits;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Committed changes are announced on arbiter_changes with ids only, never the row's data, by the
 * announcer (V96), not by the writer's own transaction.
 */
class ChangeNotifyIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static TestDatabase db;
  private static Seed seed;

  private Connection listener;
  private PGConnection notifications;

  @BeforeAll
  static void createRows() throws SQLException {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      seed = Fixtures.seed(owner);
    }
  }

  @BeforeEach
  void listen() throws SQLException {
    listener = db.as("demo_moderator");
    // What earlier tests and the seed left is sent before this one listens: nobody hears it.
    ChangeAnnouncer.announce(listener);
    try (Statement s = listener.createStatement()) {
      s.execute("LISTEN arbiter_changes");
    }
    notifications = listener.unwrap(PGConnection.class);
  }

  @AfterEach
  void close() throws SQLException {
    listener.close();
  }

  @Test
  void updateByAnotherConnectionIsAnnouncedWithTableOpAndIdOnly() throws Exception {
    try (Connection support = db.as("demo_support")) {
      update(support, "UPDATE disputes SET priority = 'high' WHERE id = ?", seed.dispute());
    }
    List<JsonNode> received = receive(1);
    JsonNode payload = received.get(0);
    assertThat(fieldNames(payload)).containsExactlyInAnyOrder("table", "op", "id");
    assertThat(payload.get("table").asText()).isEqualTo("disputes");
    assertThat(payload.get("op").asText()).isEqualTo("update");
    assertThat(payload.get("id").asText()).isEqualTo(Long.toString(seed.dispute()));
  }

  @Test
  void insertAndDeleteAreAnnouncedWithTheirOperation() throws Exception {
    long flag;
    try (Connection backend = db.as("demo_backend")) {
      flag = Fixtures.flag(backend, seed.client());
    }
    try (Connection owner = db.migrator()) {
      update(owner, "DELETE FROM moderation_flags WHERE id = ?", flag);
    }
    // Each flag change also re-summarises its moderation item, which announces itself (V75); both
    // committed before the announce, which sends that identical notice once.
    List<String> received =
        receive(3).stream()
            .map(
                n ->
                    n.get("table").asText()
                        + " "
                        + n.get("op").asText()
                        + " "
                        + n.get("id").asText())
            .toList();
    assertThat(received.stream().filter(r -> r.startsWith("moderation_flags ")))
        .containsExactly("moderation_flags insert " + flag, "moderation_flags delete " + flag);
    assertThat(received.stream().filter(r -> !r.startsWith("moderation_flags ")))
        .hasSize(1)
        .allMatch(r -> r.startsWith("moderation_items update "));
  }

  @Test
  void presenceIsAnnouncedByItsEntity() throws Exception {
    try (Connection support = db.as("demo_support")) {
      update(
          support,
          "INSERT INTO console_presence (entity_type, entity_id, mode) VALUES ('dispute', ?, 'editing')",
          seed.dispute());
    }
    JsonNode payload = receive(1).get(0);
    assertThat(payload.get("table").asText()).isEqualTo("console_presence");
    assertThat(payload.get("id").asText()).isEqualTo("dispute:" + seed.dispute());
  }

  @Test
  void aMessageIsAnnouncedWithTheDisputeItBelongsTo() throws Exception {
    long message;
    try (Connection backend = db.as("demo_backend")) {
      message =
          Fixtures.id(
              backend,
              "INSERT INTO dispute_messages (dispute_id, author_user_id, visibility, body)"
                  + " VALUES (?, ?, 'parties', 'Any news?')",
              seed.dispute(),
              seed.client());
    }
    JsonNode payload =
        receive(1).stream()
            .filter(n -> n.get("table").asText().equals("dispute_messages"))
            .findFirst()
            .orElseThrow();
    assertThat(fieldNames(payload)).containsExactlyInAnyOrder("table", "op", "id", "parent");
    assertThat(payload.get("op").asText()).isEqualTo("insert");
    assertThat(payload.get("id").asText()).isEqualTo(Long.toString(message));
    assertThat(payload.get("parent").asText()).isEqualTo("disputes:" + seed.dispute());
  }

  @Test
  void rolledBackChangeIsNeverAnnounced() throws Exception {
    try (Connection support = db.as("demo_support")) {
      Transactions.rolledBack(
          support,
          c -> update(c, "UPDATE disputes SET priority = 'urgent' WHERE id = ?", seed.dispute()));
    }
    assertThat(ChangeAnnouncer.announce(listener)).isZero();
    assertThat(notifications.getNotifications(500)).isEmpty();
  }

  @Test
  void repeatedChangesInOneTransactionAreAnnouncedOnce() throws Exception {
    try (Connection support = db.as("demo_support")) {
      support.setAutoCommit(false);
      update(support, "UPDATE disputes SET priority = 'low' WHERE id = ?", seed.dispute());
      update(support, "UPDATE disputes SET priority = 'normal' WHERE id = ?", seed.dispute());
      // Nothing is sent before the commit.
      assertThat(notifications.getNotifications(200)).isEmpty();
      support.commit();
    }
    assertThat(receive(1)).hasSize(1);
    assertThat(ChangeAnnouncer.announce(listener)).isZero();
    assertThat(notifications.getNotifications(300)).isEmpty();
  }

  @Test
  void aWriterSendsNothingItselfAndTheAnnouncerSendsWhatCommitted() throws Exception {
    try (Connection support = db.as("demo_support")) {
      update(support, "UPDATE disputes SET priority = 'high' WHERE id = ?", seed.dispute());
    }
    // The writer's commit notified nobody, so it waited for no other notifying commit (V96).
    assertThat(notifications.getNotifications(300)).isEmpty();
    assertThat(ChangeAnnouncer.announce(listener)).isEqualTo(1);
    assertThat(receive(1).get(0).get("table").asText()).isEqualTo("disputes");
  }

  @Test
  void twoAnnouncersAtOnceNeverWaitAndSendEachNoticeOnce() throws Exception {
    try (Connection support = db.as("demo_support")) {
      update(support, "UPDATE disputes SET priority = 'low' WHERE id = ?", seed.dispute());
    }
    try (Connection first = db.as("demo_finance");
        Connection second = db.as("demo_support")) {
      first.setAutoCommit(false);
      assertThat(Fixtures.value(first, "SELECT arbiter_announce_changes()")).isEqualTo(1);
      // The first holds what it took until it commits; the second skips it rather than wait.
      assertThat(Fixtures.value(second, "SELECT arbiter_announce_changes()")).isEqualTo(0);
      first.commit();
      assertThat(Fixtures.value(second, "SELECT arbiter_announce_changes()")).isEqualTo(0);
    }
    assertThat(receive(1)).hasSize(1);
    assertThat(notifications.getNotifications(300)).isEmpty();
  }

  @Test
  void aBacklogNobodySentIsAnnouncedTableByTableWithoutIds() throws Exception {
    try (Connection support = db.as("demo_support")) {
      for (String priority : List.of("low", "normal", "high")) {
        update(support, "UPDATE disputes SET priority = ? WHERE id = ?", priority, seed.dispute());
      }
    }
    try (Connection owner = db.migrator()) {
      update(owner, "UPDATE users SET display_name = 'Renamed' WHERE id = ?", seed.client());
    }
    // Four waiting, more than the two this call may name: one notice per table, no ids.
    assertThat(Fixtures.value(listener, "SELECT arbiter_announce_changes(2)")).isEqualTo(2);
    List<JsonNode> received = receive(2);
    assertThat(received)
        .extracting(n -> n.get("table").asText() + " " + n.get("id").isNull())
        .containsExactly("disputes true", "users true");
    assertThat(ChangeAnnouncer.announce(listener)).isZero();
  }

  @Test
  void aZeroOrNegativeLimitStillNamesTheRowsOneAtATime() throws Exception {
    try (Connection support = db.as("demo_support")) {
      update(support, "UPDATE disputes SET priority = 'high' WHERE id = ?", seed.dispute());
    }
    // Taken as a limit of one: the single waiting notice is named, not read as a backlog.
    assertThat(Fixtures.value(listener, "SELECT arbiter_announce_changes(-5)")).isEqualTo(1);
    assertThat(receive(1).get(0).get("id").asText()).isEqualTo(Long.toString(seed.dispute()));
  }

  @Test
  void onlyTheOwnerReadsOrWritesTheOutboxAndTheBackendCannotAnnounce() throws Exception {
    for (String login : List.of("demo_support", "demo_admin", "demo_backend", "demo_worker")) {
      try (Connection c = db.as(login)) {
        for (String sql :
            List.of(
                "SELECT count(*) FROM change_outbox",
                "INSERT INTO change_outbox (body) VALUES ('{\"table\": \"disputes\"}')",
                "DELETE FROM change_outbox")) {
          assertThatThrownBy(() -> Fixtures.value(c, sql))
              .as(login + ": " + sql)
              .isInstanceOf(SQLException.class)
              .hasMessageContaining("permission denied");
        }
      }
    }
    try (Connection backend = db.as("demo_backend")) {
      assertThatThrownBy(() -> Fixtures.value(backend, "SELECT arbiter_announce_changes()"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("permission denied");
    }
  }

  // A second for each expected notification, the console's live-update budget, in the timing run.
  private List<JsonNode> receive(int expected) throws Exception {
    List<JsonNode> received = new ArrayList<>();
    Waits.atMost(Latency.target(Duration.ofSeconds(expected)))
        .until(
            () -> {
              ChangeAnnouncer.announce(listener);
              for (PGNotification n : notifications.getNotifications(200)) {
                assertThat(n.getName()).isEqualTo("arbiter_changes");
                received.add(JSON.readTree(n.getParameter()));
              }
              return received.size() >= expected;
            });
    assertThat(received).hasSize(expected);
    return received;
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new java.util.HashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
