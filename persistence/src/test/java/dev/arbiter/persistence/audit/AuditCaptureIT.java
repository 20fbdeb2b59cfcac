package dev.arbiter.persistence.audit;

import static dev.arbiter.persistence.contract.Fixtures.update;
import static dev.arbiter.persistence.contract.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.persistence.audit.AuditEntries.Row;
import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.contract.Fixtures.Seed;
import dev.arbiter.persistence.testing.TestDatabase;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every change to an operational table leaves exactly one audit entry naming who made it. */
class AuditCaptureIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static TestDatabase db;
  private static Seed seed;
  private static Connection owner;

  @BeforeAll
  static void createRows() throws SQLException {
    db = TestDatabase.fresh();
    owner = db.migrator();
    seed = Fixtures.seed(owner);
  }

  @AfterAll
  static void close() throws SQLException {
    owner.close();
  }

  @Test
  void backendInsertIsOneEntryWithTheNewValues() throws Exception {
    long before = AuditEntries.lastId(db);
    String reference = Fixtures.disputeReference();
    long dispute;
    try (Connection backend = db.as("demo_backend")) {
      dispute =
          Fixtures.id(
              backend,
              "INSERT INTO disputes (reference, contract_id, opened_by, reason_code,"
                  + " amount_disputed_minor, currency) VALUES (?, ?, ?, 'scope', 4200, 'USD')",
              reference,
              seed.contract(),
              seed.client());
    }
    Row entry = single(before);
    assertThat(entry.action()).isEqualTo("insert");
    assertThat(entry.entityType()).isEqualTo("disputes");
    assertThat(entry.entityId()).isEqualTo(Long.toString(dispute));
    assertThat(entry.actor()).isEqualTo("demo_backend");
    assertThat(entry.dbUser()).isEqualTo("demo_backend");
    assertThat(entry.oldValues()).isNull();
    JsonNode values = json(entry.newValues());
    assertThat(values.get("reference").asText()).isEqualTo(reference);
    assertThat(values.get("status").asText()).isEqualTo("open");
    assertThat(values.get("amount_disputed_minor").asLong()).isEqualTo(4200);
  }

  @Test
  void supportUpdateIsOneEntryWithOldAndNewValues() throws Exception {
    long dispute = Fixtures.dispute(owner, seed.contract(), seed.client());
    long before = AuditEntries.lastId(db);
    try (Connection support = db.as("demo_support")) {
      update(support, "UPDATE disputes SET priority = 'urgent' WHERE id = ?", dispute);
    }
    Row entry = single(before);
    assertThat(entry.action()).isEqualTo("update");
    assertThat(entry.entityType()).isEqualTo("disputes");
    assertThat(entry.entityId()).isEqualTo(Long.toString(dispute));
    assertThat(entry.actor()).isEqualTo("demo_support");
    assertThat(entry.dbUser()).isEqualTo("demo_support");
    assertThat(json(entry.oldValues()).get("priority").asText()).isEqualTo("normal");
    assertThat(json(entry.oldValues()).get("version").asInt()).isZero();
    assertThat(json(entry.newValues()).get("priority").asText()).isEqualTo("urgent");
    assertThat(json(entry.newValues()).get("version").asInt()).isEqualTo(1);
  }

  @Test
  void moderatorAndAdminChangesAreEachRecordedUnderTheirOwnLogin() throws Exception {
    long before = AuditEntries.lastId(db);
    try (Connection moderator = db.as("demo_moderator");
        Connection admin = db.as("demo_admin")) {
      value(
          moderator,
          "SELECT 1 FROM moderation_flags f, moderation_claim(f.entity_type, f.entity_id)"
              + " WHERE f.id = ?",
          seed.flag());
      update(admin, "UPDATE workspaces SET name = 'Renamed Studio' WHERE id = ?", seed.workspace());
    }
    List<Row> entries = AuditEntries.after(db, before);
    assertThat(entries)
        .extracting(Row::actor, Row::action, Row::entityType)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("demo_moderator", "update", "moderation_flags"),
            org.assertj.core.groups.Tuple.tuple("demo_admin", "update", "workspaces"));
    assertThat(json(entries.get(0).newValues()).get("assigned_to").asText())
        .isEqualTo("demo_moderator");
    assertThat(json(entries.get(1).oldValues()).get("name").asText()).startsWith("Studio ");
    assertThat(json(entries.get(1).newValues()).get("name").asText()).isEqualTo("Renamed Studio");
  }

  @Test
  void deleteIsOneEntryWithTheOldValuesOnly() throws Exception {
    long user = Fixtures.user(owner, "member");
    long member =
        Fixtures.id(
            owner,
            "INSERT INTO workspace_members (workspace_id, user_id, role) VALUES (?, ?, 'viewer')",
            seed.workspace(),
            user);
    long before = AuditEntries.lastId(db);
    update(owner, "DELETE FROM workspace_members WHERE id = ?", member);
    Row entry = single(before);
    assertThat(entry.action()).isEqualTo("delete");
    assertThat(entry.entityType()).isEqualTo("workspace_members");
    assertThat(entry.entityId()).isEqualTo(Long.toString(member));
    // The owner's loaders run as the superuser session that switched role: that session is
    // recorded.
    assertThat(entry.actor()).isEqualTo("postgres");
    assertThat(entry.newValues()).isNull();
    assertThat(json(entry.oldValues()).get("role").asText()).isEqualTo("viewer");
  }

  @Test
  void truncateOfAnOperationalTableIsRecorded() throws Exception {
    long before = AuditEntries.lastId(db);
    update(owner, "TRUNCATE console_presence, contact_notes");
    Row entry = single(before);
    assertThat(entry.action()).isEqualTo("truncate");
    assertThat(entry.entityType()).isEqualTo("contact_notes");
    assertThat(entry.entityId()).isNull();
  }

  @Test
  void evidenceContentIsLeftOutOfTheAuditValues() throws Exception {
    long before = AuditEntries.lastId(db);
    try (Connection support = db.as("demo_support")) {
      update(
          support,
          "INSERT INTO dispute_evidence (dispute_id, file_name, mime_type, size_bytes, sha256,"
              + " content) VALUES (?, 'note.txt', 'text/plain', 5, sha256('hello'::bytea),"
              + " 'hello'::bytea)",
          seed.dispute());
    }
    Row entry = single(before);
    JsonNode values = json(entry.newValues());
    assertThat(values.has("content")).isFalse();
    assertThat(values.get("file_name").asText()).isEqualTo("note.txt");
    assertThat(values.get("uploaded_by_staff").asText()).isEqualTo("demo_support");
  }

  @Test
  void backendNamesTheMarketplaceUserAsActor() throws Exception {
    long before = AuditEntries.lastId(db);
    try (Connection backend = db.as("demo_backend")) {
      backend.setAutoCommit(false);
      try (Statement s = backend.createStatement()) {
        s.execute("SET LOCAL arbiter.actor = 'user:42'");
        s.execute("SET LOCAL arbiter.request_id = 'req-7f3a'");
        s.execute("SET LOCAL arbiter.command = 'contracts.rate'");
      }
      update(backend, "UPDATE contracts SET csat_score = 4.5 WHERE id = ?", seed.contract());
      backend.commit();
      // SET LOCAL ends with the transaction: the next one is the backend's own again.
      update(backend, "UPDATE contracts SET csat_score = 4.0 WHERE id = ?", seed.contract());
      backend.commit();
    }
    List<Row> entries = AuditEntries.after(db, before);
    assertThat(entries).hasSize(2);
    assertThat(entries.get(0).actor()).isEqualTo("user:42");
    assertThat(entries.get(0).dbUser()).isEqualTo("demo_backend");
    assertThat(entries.get(0).requestId()).isEqualTo("req-7f3a");
    assertThat(entries.get(0).command()).isEqualTo("contracts.rate");
    assertThat(entries.get(1).actor()).isEqualTo("demo_backend");
    assertThat(entries.get(1).requestId()).isNull();
  }

  @Test
  void staffCannotNameAnotherActorAndTheAttemptChangesNothing() throws Exception {
    long before = AuditEntries.lastId(db);
    Object priority = value(owner, "SELECT priority FROM disputes WHERE id = ?", seed.dispute());
    try (Connection support = db.as("demo_support")) {
      support.setAutoCommit(false);
      try (Statement s = support.createStatement()) {
        s.execute("SET LOCAL arbiter.actor = 'demo_finance'");
        s.execute("SET LOCAL arbiter.request_id = 'req-support-1'");
      }
      assertThatThrownBy(
              () ->
                  update(
                      support, "UPDATE disputes SET priority = 'low' WHERE id = ?", seed.dispute()))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("cannot name another actor")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("42501");
      support.rollback();
    }
    assertThat(AuditEntries.after(db, before)).isEmpty();
    assertThat(value(owner, "SELECT priority FROM disputes WHERE id = ?", seed.dispute()))
        .isEqualTo(priority);
  }

  @Test
  void theBackendNamesOnlyMarketplaceUsersAndServicesNeverStaff() throws Exception {
    long before = AuditEntries.lastId(db);
    for (String forged :
        new String[] {"demo_finance", "user42", "system:auto-release", "user:1\nx"}) {
      try (Connection backend = db.as("demo_backend")) {
        backend.setAutoCommit(false);
        try (PreparedStatement ps =
            backend.prepareStatement("SELECT set_config('arbiter.actor', ?, true)")) {
          ps.setString(1, forged);
          ps.execute();
        }
        assertThatThrownBy(
                () ->
                    update(
                        backend,
                        "UPDATE contracts SET csat_score = 3.0 WHERE id = ?",
                        seed.contract()))
            .as(forged)
            .isInstanceOf(SQLException.class)
            .extracting(e -> ((SQLException) e).getSQLState())
            .isEqualTo("22023");
        backend.rollback();
      }
    }
    assertThat(AuditEntries.after(db, before)).isEmpty();
  }

  @Test
  void clientInfoIsTheApplicationName() throws Exception {
    long before = AuditEntries.lastId(db);
    try (Connection support = db.as("demo_support");
        Statement s = support.createStatement()) {
      s.execute("SET application_name = 'Arbiter console 0.1'");
      s.execute("UPDATE disputes SET priority = 'high' WHERE id = " + seed.dispute());
    }
    assertThat(single(before).clientInfo()).isEqualTo("Arbiter console 0.1");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"demo_support", "demo_finance", "demo_moderator", "demo_admin", "demo_backend"})
  void auditLogCannotBeChangedByAnyRuntimeRole(String login) throws SQLException {
    try (Connection c = db.as(login);
        Statement s = c.createStatement()) {
      for (String sql :
          List.of(
              "UPDATE audit_log SET actor = 'nobody' WHERE id = 1",
              "DELETE FROM audit_log WHERE id = 1",
              "TRUNCATE audit_log",
              "UPDATE audit_chain_head SET last_id = 0",
              "SELECT audit_append('note', 'disputes', '1', NULL, NULL)")) {
        assertThatThrownBy(() -> s.execute(sql))
            .as(sql)
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("permission denied")
            .extracting(e -> ((SQLException) e).getSQLState())
            .isEqualTo("42501");
      }
    }
  }

  @Test
  void auditLogCannotBeChangedEvenByTheOwner() throws SQLException {
    long before = AuditEntries.lastId(db);
    try (Statement s = owner.createStatement()) {
      for (String sql :
          List.of(
              "UPDATE audit_log SET actor = 'nobody' WHERE id = 1",
              "DELETE FROM audit_log WHERE id = 1",
              "TRUNCATE audit_log")) {
        assertThatThrownBy(() -> s.execute(sql))
            .as(sql)
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("append-only")
            .extracting(e -> ((SQLException) e).getSQLState())
            .isEqualTo("42501");
      }
    }
    assertThat(AuditEntries.lastId(db)).isEqualTo(before);
    assertThat(new AuditChainVerifier().verify(db.superuserDataSource()).intact()).isTrue();
  }

  @Test
  void rolledBackChangesLeaveNoGapInTheChain() throws Exception {
    long before = AuditEntries.lastId(db);
    try (Connection support = db.as("demo_support")) {
      support.setAutoCommit(false);
      update(support, "UPDATE disputes SET priority = 'urgent' WHERE id = ?", seed.dispute());
      support.rollback();
      update(support, "UPDATE disputes SET priority = 'normal' WHERE id = ?", seed.dispute());
      support.commit();
    }
    Row entry = single(before);
    assertThat(entry.id()).isEqualTo(before + 1);
    assertThat(json(entry.newValues()).get("priority").asText()).isEqualTo("normal");
  }

  @Test
  void headFollowsTheLogEvenWhenConstraintsAreMadeImmediate() throws Exception {
    long before = AuditEntries.lastId(db);
    try (Connection support = db.as("demo_support")) {
      support.setAutoCommit(false);
      try (Statement s = support.createStatement()) {
        s.execute("SET CONSTRAINTS ALL IMMEDIATE");
      }
      update(support, "UPDATE disputes SET priority = 'high' WHERE id = ?", seed.dispute());
      update(support, "UPDATE disputes SET priority = 'low' WHERE id = ?", seed.dispute());
      support.commit();
    }
    assertThat(AuditEntries.lastId(db)).isEqualTo(before + 2);
    assertThat(new AuditChainVerifier().verify(db.superuserDataSource()).intact()).isTrue();
  }

  @Test
  void repeatableReadWriterThatMissedANewerEntryLeavesItsEntryToTheNextSealerWithoutAFork()
      throws Exception {
    long other = Fixtures.dispute(owner, seed.contract(), seed.client());
    long before = AuditEntries.lastId(db);
    try (Connection late = db.as("demo_support");
        Connection early = db.as("demo_support")) {
      late.setAutoCommit(false);
      late.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      Fixtures.value(late, "SELECT count(*) FROM disputes");
      update(early, "UPDATE disputes SET priority = 'high' WHERE id = ?", seed.dispute());
      // Its snapshot cannot see the entry just committed; it no longer chains onto its own view,
      // so it is not refused either: its entry waits for a sealer that sees both.
      update(late, "UPDATE disputes SET priority = 'low' WHERE id = ?", other);
      late.commit();
    }
    assertThat(AuditEntries.lastId(db)).isEqualTo(before + 1);
    assertThat(AuditEntries.unsealed(db)).isOne();
    assertThat(new AuditChainVerifier().verify(db.superuserDataSource()).intact()).isTrue();

    assertThat(AuditEntries.seal(db)).isOne();
    assertThat(AuditEntries.after(db, before))
        .extracting(AuditEntries.Row::entityId)
        .containsExactly(Long.toString(seed.dispute()), Long.toString(other));
    assertThat(new AuditChainVerifier().verify(db.superuserDataSource()).intact()).isTrue();
  }

  private static Row single(long afterId) throws SQLException {
    List<Row> entries = AuditEntries.after(db, afterId);
    assertThat(entries).hasSize(1);
    return entries.get(0);
  }

  private static JsonNode json(String text) throws IOException {
    return JSON.readTree(text);
  }
}
