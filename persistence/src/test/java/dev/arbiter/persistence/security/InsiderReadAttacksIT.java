package dev.arbiter.persistence.security;

import static dev.arbiter.persistence.escrow.RawMoney.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.escrow.MoneyFixture;
import dev.arbiter.persistence.escrow.MoneyFixture.Deal;
import dev.arbiter.persistence.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading what one's job does not need, by the direct path and by the side doors: the backend
 * serves the parties and never sees staff's internal notes; the ledger is finance's and admins';
 * evidence bytes are for support, moderators and admins; a money request is its sender's.
 */
class InsiderReadAttacksIT {

  private static final byte[] EVIDENCE = "signed delivery note".getBytes(StandardCharsets.UTF_8);

  private static TestDatabase db;
  private static long dispute;
  private static long internalNote;
  private static long evidence;
  private static String financeKey;

  @BeforeAll
  static void rows() throws Exception {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      Deal deal = MoneyFixture.deal(owner, "USD", 20_000);
      long approved = MoneyFixture.approved(owner, deal, 10_000, "demo_finance2");
      financeKey = "read-" + Fixtures.next();
      try (Connection fran = db.as("demo_finance")) {
        assertThat(call(fran, "release_checkpoint", approved, null, financeKey).ok()).isTrue();
      }
      dispute = MoneyFixture.dispute(owner, deal, null, "under_review", 5_000);
      internalNote =
          Fixtures.id(
              owner,
              "INSERT INTO dispute_messages (dispute_id, author_staff, visibility, body)"
                  + " VALUES (?, 'demo_support', 'internal', 'Client has a history of chargebacks')",
              dispute);
      Fixtures.id(
          owner,
          "INSERT INTO dispute_messages (dispute_id, author_user_id, visibility, body)"
              + " VALUES (?, ?, 'parties', 'The logo is not what we agreed')",
          dispute,
          deal.client());
      evidence =
          Fixtures.id(
              owner,
              "INSERT INTO dispute_evidence (dispute_id, uploaded_by, file_name, mime_type,"
                  + " size_bytes, sha256, content) VALUES (?, ?, 'note.txt', 'text/plain', ?, ?, ?)",
              dispute,
              deal.client(),
              EVIDENCE.length,
              MessageDigest.getInstance("SHA-256").digest(EVIDENCE),
              EVIDENCE);
    }
  }

  @Test
  void theBackendSeesOnlyWhatThePartiesMaySee() throws SQLException {
    try (Connection backend = db.as("demo_backend")) {
      assertThat(
              MoneyFixture.longValue(
                  backend, "SELECT count(*) FROM dispute_messages WHERE dispute_id = ?", dispute))
          .isOne();
      assertThat(
              Fixtures.value(
                  backend, "SELECT body FROM dispute_messages WHERE id = ?", internalNote))
          .isNull();
      assertThat(
              MoneyFixture.longValue(
                  backend, "SELECT count(*) FROM dispute_messages WHERE visibility = 'internal'"))
          .isZero();
      assertThat(Insider.refused(backend, "SELECT count(*) FROM audit_log").getSQLState())
          .isEqualTo("42501");
    }
  }

  @Test
  void theBackendCannotEvenFlagANoteItCannotSee() throws SQLException {
    try (Connection owner = db.migrator()) {
      long reporter = Fixtures.user(owner, "client");
      try (Connection backend = db.as("demo_backend")) {
        assertThat(
                Insider.refused(
                        backend,
                        "INSERT INTO moderation_flags (entity_type, entity_id, reporter_id, reason,"
                            + " severity) VALUES ('dispute_message', ?, ?, 'spam', 'low')",
                        internalNote,
                        reporter)
                    .getSQLState())
            .isEqualTo("23503");
      }
    }
  }

  @ParameterizedTest(name = "{0} reads {1}")
  @CsvSource({
    "demo_support, journals",
    "demo_support, ledger_entries",
    "demo_support, wallets",
    "demo_moderator, journals",
    "demo_moderator, ledger_entries",
    "demo_moderator, wallets"
  })
  void supportAndModeratorsCannotReadTheLedger(String login, String table) throws SQLException {
    try (Connection c = db.as(login)) {
      assertThat(Insider.refused(c, "SELECT count(*) FROM " + table).getSQLState())
          .isEqualTo("42501");
      assertThat(
              Insider.refused(c, "SELECT 1 FROM " + table + " WHERE id = 1 FOR KEY SHARE")
                  .getSQLState())
          .isEqualTo("42501");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"demo_support", "demo_moderator"})
  void supportAndModeratorsReadNoLedgerRowsThroughTheAuditLog(String login) throws SQLException {
    try (Connection c = db.as(login)) {
      assertThat(
              MoneyFixture.longValue(
                  c,
                  "SELECT count(*) FROM audit_log WHERE entity_type IN ('journals',"
                      + " 'ledger_entries', 'wallets') AND new_values IS NOT NULL"))
          .isZero();
    }
  }

  @Test
  void rowsARowPolicyHidesStayHiddenInTheAuditLog() throws SQLException {
    try (Connection admin = db.as("demo_admin")) {
      Insider.exec(
          admin,
          "INSERT INTO staff_requests (idempotency_key, action, fingerprint, result)"
              + " VALUES (?, 'workspace.note', 'fp', '{}')",
          "admin-key-" + Fixtures.next());
    }
    try (Connection owner = db.migrator()) {
      Insider.exec(
          owner,
          "INSERT INTO dispute_saved_views (owner_login, name, definition)"
              + " VALUES ('demo_admin', 'My private queue', '{}')");
    }
    try (Connection support = db.as("demo_support")) {
      assertThat(MoneyFixture.longValue(support, "SELECT count(*) FROM staff_requests")).isZero();
      assertThat(
              MoneyFixture.longValue(
                  support,
                  "SELECT count(*) FROM audit_log WHERE (entity_type = 'staff_requests'"
                      + " AND new_values ->> 'staff_login' <> 'demo_support')"
                      + " OR (entity_type = 'dispute_saved_views'"
                      + " AND new_values ->> 'owner_login' <> 'demo_support'"
                      + " AND NOT (new_values ->> 'shared')::boolean)"))
          .isZero();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"demo_support", "demo_moderator"})
  void everyLoginGrantedCheckpointGatesCanCallIt(String login) throws SQLException {
    try (Connection c = db.as(login)) {
      assertThat(MoneyFixture.longValue(c, "SELECT count(*) FROM checkpoint_gates(NULL)")).isZero();
    }
  }

  @Test
  void financeSeesWhatAnEvidenceFileIsButNotWhatItSays() throws SQLException {
    try (Connection fran = db.as("demo_finance")) {
      assertThat(
              Fixtures.value(fran, "SELECT file_name FROM dispute_evidence WHERE id = ?", evidence))
          .isEqualTo("note.txt");
      for (String read :
          new String[] {
            "SELECT content FROM dispute_evidence WHERE id = ?",
            "SELECT * FROM dispute_evidence WHERE id = ?",
            "SELECT length(content) FROM dispute_evidence WHERE id = ?",
            "SELECT 1 FROM dispute_evidence WHERE id = ? AND content IS NOT NULL"
          }) {
        assertThat(Insider.refused(fran, read, evidence).getSQLState()).as(read).isEqualTo("42501");
      }
      assertThat(
              Fixtures.value(
                  fran,
                  "SELECT jsonb_exists(new_values, 'content') FROM audit_log WHERE entity_type ="
                      + " 'dispute_evidence' AND entity_id = ?",
                  Long.toString(evidence)))
          .isEqualTo(false);
    }
    try (Connection support = db.as("demo_support")) {
      assertThat(
              (byte[])
                  Fixtures.value(
                      support, "SELECT content FROM dispute_evidence WHERE id = ?", evidence))
          .isEqualTo(EVIDENCE);
    }
  }

  @Test
  void aMoneyRequestIsReadOnlyByTheLoginThatSentIt() throws SQLException {
    String count = "SELECT count(*) FROM money_requests WHERE idempotency_key = ?";
    try (Connection fran = db.as("demo_finance")) {
      assertThat(MoneyFixture.longValue(fran, count, financeKey)).isOne();
    }
    for (String other : new String[] {"demo_finance2", "demo_support", "demo_admin"}) {
      try (Connection c = db.as(other)) {
        assertThat(MoneyFixture.longValue(c, count, financeKey)).as(other).isZero();
      }
    }
  }
}
