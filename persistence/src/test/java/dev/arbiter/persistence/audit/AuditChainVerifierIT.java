package dev.arbiter.persistence.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Tampering as the superuser, with the audit triggers out of the way, is found and named. Each
 * tamper happens in a transaction that the verifier reads and that is then rolled back, so every
 * test starts from the same clean chain.
 */
class AuditChainVerifierIT {

  private static TestDatabase db;
  private static ChainAnchor head;

  @BeforeAll
  static void buildChain() throws SQLException {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator();
        Statement s = owner.createStatement()) {
      long client = Fixtures.user(owner, "client");
      s.execute(
          "INSERT INTO users (email, display_name, kind, metadata)"
              + " SELECT 'user' || g || '@example.test', 'Üser ' || g || ' 😀', 'freelancer',"
              + " jsonb_build_object('note', 'line' || chr(10) || 'two \\ \"quoted\"', 'n', g)"
              + " FROM generate_series(1, 300) g");
      s.execute("UPDATE users SET status = 'warned' WHERE id % 3 = 0");
      // The owner's sessions may record any context (runtime logins are held to a shape), so they
      // write the awkward values the canonical form must keep inside their fields.
      try (Connection backend = db.migrator();
          Statement b = backend.createStatement()) {
        backend.setAutoCommit(false);
        // An actor holding the field separator: the canonical form must keep it inside its field.
        b.execute("SELECT set_config('arbiter.actor', 'user' || chr(31) || '42', true)");
        b.execute("SET LOCAL arbiter.request_id = 'req\\1'");
        b.execute("UPDATE users SET country = 'DE' WHERE id = " + client);
        backend.commit();
      }
    }
    ChainVerification clean = new AuditChainVerifier().verify(db.superuserDataSource());
    assertThat(clean.firstBreak()).isNull();
    head = clean.lastVerified();
    assertThat(head.entryId()).isGreaterThan(400);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 50_000})
  void cleanChainIsIntactWhateverTheRangeSize(int batchSize) {
    ChainVerification result =
        new AuditChainVerifier(batchSize).verify(db.superuserDataSource(), head);
    assertThat(result.intact()).isTrue();
    assertThat(result.rowsChecked()).isEqualTo(head.entryId());
    assertThat(result.lastVerified()).isEqualTo(head);
  }

  @Test
  void textResultsVerifyLikeBinaryOnes() {
    PGSimpleDataSource text = new PGSimpleDataSource();
    text.setUrl(db.jdbcUrl());
    text.setUser("demo_support");
    text.setPassword("demo");
    text.setBinaryTransfer(false);
    ChainVerification result = new AuditChainVerifier(100).verify(text, head);
    assertThat(result.intact()).isTrue();
    assertThat(result.rowsChecked()).isEqualTo(head.entryId());
  }

  @Test
  void anyStaffLoginCanVerify() {
    ChainVerification result =
        new AuditChainVerifier().verify(db.dataSource("demo_moderator", "demo"), head);
    assertThat(result.intact()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "UPDATE audit_log SET actor = 'mallory' WHERE id = 57",
        "UPDATE audit_log SET new_values = jsonb_set(new_values, '{display_name}', '\"M\"') WHERE id = 57",
        "UPDATE audit_log SET old_values = '{}' WHERE id = 57",
        "UPDATE audit_log SET occurred_at = occurred_at + interval '1 microsecond' WHERE id = 57",
        "UPDATE audit_log SET action = 'note' WHERE id = 57",
        "UPDATE audit_log SET entity_id = '9999' WHERE id = 57",
        // A NULL request_id and the two characters \N once hashed alike.
        "UPDATE audit_log SET request_id = chr(92) || 'N' WHERE id = 57 AND request_id IS NULL",
        "UPDATE audit_log SET command = chr(92) || 'N' WHERE id = 57 AND command IS NULL",
        "UPDATE audit_log SET hash = sha256(hash) WHERE id = 57"
      })
  void changedFieldIsNamedAtItsEntry(String tamper) throws SQLException {
    ChainVerification result = verifyTampered(null, 7, tamper);
    assertBreak(result, 57, ChainBreakKind.CHANGED);
    assertThat(result.rowsChecked()).isEqualTo(56);
  }

  @Test
  void movedFieldBoundaryIsDetected() throws SQLException {
    long id = head.entryId();
    ChainVerification result =
        verifyTampered(
            null,
            100,
            "UPDATE audit_log SET actor = 'user', db_user = '42' || chr(31) || db_user WHERE id = "
                + id);
    assertBreak(result, id, ChainBreakKind.CHANGED);
  }

  @Test
  void deletedEntryIsNamedMissing() throws SQLException {
    try (Connection c = db.superuser()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("ALTER TABLE audit_log DISABLE TRIGGER USER");
        s.execute("DELETE FROM audit_log WHERE id = 120");
        assertBreak(new AuditChainVerifier(7).verify(c, null), 120, ChainBreakKind.MISSING);
      } finally {
        c.rollback();
      }
    }
  }

  @Test
  void deletedFirstEntryIsNamedMissing() throws SQLException {
    assertBreak(
        verifyTampered(null, 7, "DELETE FROM audit_log WHERE id = 1"), 1, ChainBreakKind.MISSING);
  }

  @Test
  void swappedEntriesAreNamedAtTheFirst() throws SQLException {
    ChainVerification result = verifyTampered(null, 7, swap(true, 200, 230));
    assertBreak(result, 200, ChainBreakKind.REORDERED);
  }

  @Test
  void swappedContentUnderTheOriginalHashesIsNamedAtTheFirst() throws SQLException {
    ChainVerification result = verifyTampered(null, 7, swap(false, 200, 230));
    assertBreak(result, 200, ChainBreakKind.CHANGED);
  }

  @Test
  void entryRechainedOntoAnEarlierEntryIsAFork() throws SQLException {
    ChainVerification result =
        verifyTampered(
            null,
            7,
            "UPDATE audit_log t SET prev_hash = p.hash, hash = "
                + rehash("t", "p.hash")
                + " FROM audit_log p WHERE t.id = 150 AND p.id = 148");
    assertBreak(result, 150, ChainBreakKind.FORKED);
    assertThat(result.firstBreak().detail()).contains("entry 148");
  }

  @Test
  void entryRewrittenWithARecomputedHashBreaksTheNextLink() throws SQLException {
    ChainVerification result =
        verifyTampered(
            null,
            7,
            "UPDATE audit_log SET actor = 'mallory' WHERE id = 90",
            "UPDATE audit_log t SET hash = " + rehash("t", "t.prev_hash") + " WHERE t.id = 90");
    assertBreak(result, 91, ChainBreakKind.REORDERED);
  }

  @Test
  void fullyRechainedHistoryIsCaughtOnlyByTheAnchor() throws SQLException {
    String[] rewrite = {
      "UPDATE audit_log SET actor = 'mallory' WHERE id = 90",
      """
      DO $$
      DECLARE
        r record;
        prev bytea := (SELECT hash FROM audit_log WHERE id = 89);
      BEGIN
        FOR r IN SELECT * FROM audit_log WHERE id >= 90 ORDER BY id LOOP
          UPDATE audit_log t SET prev_hash = prev, hash = sha256(prev || convert_to(audit_canonical(
            t.id, t.occurred_at, t.actor, t.db_user, t.action, t.command, t.entity_type, t.entity_id,
            t.old_values, t.new_values, t.request_id, t.client_info, t.salt), 'UTF8'))
           WHERE t.id = r.id RETURNING t.hash INTO prev;
        END LOOP;
        UPDATE audit_chain_head SET last_hash = prev;
      END $$"""
    };
    assertThat(verifyTampered(null, 7, rewrite).intact()).isTrue();
    assertBreak(verifyTampered(head, 7, rewrite), head.entryId(), ChainBreakKind.ANCHOR_MISMATCH);
  }

  @Test
  void truncatedTailIsCaughtOnlyByTheAnchor() throws SQLException {
    long keep = head.entryId() - 5;
    String[] truncate = {
      "DELETE FROM audit_log WHERE id > " + keep,
      "UPDATE audit_chain_head SET last_id = "
          + keep
          + ", last_hash = (SELECT hash FROM audit_log WHERE id = "
          + keep
          + ")"
    };
    ChainVerification withoutAnchor = verifyTampered(null, 7, truncate);
    assertThat(withoutAnchor.intact()).isTrue();
    assertThat(withoutAnchor.rowsChecked()).isEqualTo(keep);
    assertBreak(verifyTampered(head, 7, truncate), keep + 1, ChainBreakKind.TRUNCATED);
  }

  @Test
  void tailRemovedWithoutRewindingTheHeadIsAHeadMismatch() throws SQLException {
    long keep = head.entryId() - 3;
    assertBreak(
        verifyTampered(null, 7, "DELETE FROM audit_log WHERE id > " + keep),
        keep + 1,
        ChainBreakKind.HEAD_MISMATCH);
  }

  @Test
  void headHoldingAnotherHashIsAHeadMismatch() throws SQLException {
    assertBreak(
        verifyTampered(null, 7, "UPDATE audit_chain_head SET last_hash = sha256(last_hash)"),
        head.entryId(),
        ChainBreakKind.HEAD_MISMATCH);
  }

  @Test
  void anchorSurvivesItsTextForm() {
    assertThat(ChainAnchor.parse(head.format() + "\n")).isEqualTo(head);
  }

  private static ChainVerification verifyTampered(ChainAnchor anchor, int batchSize, String... sql)
      throws SQLException {
    try (Connection c = db.superuser()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("SET LOCAL session_replication_role = replica");
        for (String statement : sql) {
          s.execute(statement);
        }
        return new AuditChainVerifier(batchSize).verify(c, anchor);
      } finally {
        c.rollback();
      }
    }
  }

  private static void assertBreak(ChainVerification result, long id, ChainBreakKind kind) {
    assertThat(result.firstBreak()).as("break found").isNotNull();
    assertThat(result.firstBreak().kind()).as(result.firstBreak().detail()).isEqualTo(kind);
    assertThat(result.firstBreak().entryId()).as(result.firstBreak().detail()).isEqualTo(id);
  }

  private static String rehash(String row, String prev) {
    return "sha256("
        + prev
        + " || convert_to(audit_canonical(%1$s.id, %1$s.occurred_at, %1$s.actor, %1$s.db_user,"
            .formatted(row)
        + " %1$s.action, %1$s.command, %1$s.entity_type, %1$s.entity_id, %1$s.old_values,"
            .formatted(row)
        + " %1$s.new_values, %1$s.request_id, %1$s.client_info, %1$s.salt), 'UTF8'))"
            .formatted(row);
  }

  // Swaps every column but id between two entries; with chained = false the hash columns stay put.
  private static String swap(boolean chained, long a, long b) {
    return "UPDATE audit_log t SET occurred_at = s.occurred_at, actor = s.actor, db_user = s.db_user,"
        + " action = s.action, command = s.command, entity_type = s.entity_type,"
        + " entity_id = s.entity_id, old_values = s.old_values, new_values = s.new_values,"
        + " request_id = s.request_id, client_info = s.client_info"
        + (chained ? ", prev_hash = s.prev_hash, hash = s.hash" : "")
        + " FROM audit_log s WHERE (t.id, s.id) IN ((%d, %d), (%d, %d))".formatted(a, b, b, a);
  }
}
