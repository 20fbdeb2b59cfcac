package dev.arbiter.persistence.audit;

import static dev.arbiter.persistence.audit.HiddenEntriesChain.RANGE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Support may not read the ledger's entries, nor an admin's request keys and private views, yet
 * verifies the whole chain: those entries are checked by their links only, what support reads is
 * checked as before, and an admin checks the content of everything. Tampering is done as the
 * superuser with the audit triggers out of the way and committed, so that other logins see it; the
 * log is put back as it was after each check.
 */
class VerificationAcrossHiddenEntriesIT {

  private static TestDatabase db;
  private static List<Long> hidden;
  private static long last;
  private static DataSource support;
  private static DataSource admin;

  @BeforeAll
  static void chain() throws SQLException {
    db = HiddenEntriesChain.build();
    hidden = HiddenEntriesChain.hiddenFrom(db, "demo_support");
    last = HiddenEntriesChain.lastId(db);
    support = db.dataSource("demo_support", "demo");
    admin = db.dataSource("demo_admin", "demo");
    assertThat(hidden).hasSizeGreaterThan(2_400).contains(last);
  }

  @ParameterizedTest(name = "{0} connection(s)")
  @ValueSource(ints = {1, 2})
  void supportVerifiesAChainWithEntriesItMayNotReadAsIntact(int connections) {
    ChainVerification result = verify(support, connections);

    assertThat(result.intact()).as(String.valueOf(result.firstBreak())).isTrue();
    assertThat(result.rowsChecked()).isEqualTo(last);
    assertThat(result.linksOnly()).isEqualTo(hidden.size());
    assertThat(result.lastVerified()).isEqualTo(full().lastVerified());
  }

  @Test
  void anAdminAndTheSuperuserCheckTheContentOfEveryEntry() throws SQLException {
    ChainVerification asAdmin = verify(admin, 2);
    ChainVerification asSuperuser = full();

    assertThat(asAdmin.intact()).isTrue();
    assertThat(asAdmin.rowsChecked()).isEqualTo(last);
    assertThat(asAdmin.linksOnly()).isZero();
    assertThat(asSuperuser.linksOnly()).isZero();
    assertThat(HiddenEntriesChain.hiddenFrom(db, "demo_admin")).isEmpty();
  }

  @Test
  void financeChecksTheLedgerByContentAndAnAdminsRequestKeyByItsLink() throws SQLException {
    ChainVerification result = verify(db.dataSource("demo_finance", "demo"), 2);

    assertThat(result.intact()).isTrue();
    assertThat(result.linksOnly())
        .isEqualTo(HiddenEntriesChain.hiddenFrom(db, "demo_finance").size())
        .isEqualTo(2);
  }

  @ParameterizedTest(name = "{0} connection(s)")
  @ValueSource(ints = {1, 2})
  void supportStillFindsAChangedEntryItMayRead(int connections) throws SQLException {
    long visible = firstVisibleAfter(hidden.get(0));
    ChainVerification result =
        whileTampered(
            () -> verify(support, connections),
            "UPDATE audit_log SET actor = 'mallory' WHERE id = " + visible);

    assertBreak(result, visible, ChainBreakKind.CHANGED);
    assertThat(result.linksOnly()).isPositive();
  }

  @ParameterizedTest(name = "{0} connection(s)")
  @ValueSource(ints = {1, 2})
  void supportFindsARemovedEntryItMayNotRead(int connections) throws SQLException {
    // The middle of the 2,100 wallets: a range support reads nothing of.
    long removed = hidden.get(1_500);
    ChainVerification result =
        whileTampered(
            () -> verify(support, connections), "DELETE FROM audit_log WHERE id = " + removed);

    assertBreak(result, removed, ChainBreakKind.MISSING);
  }

  @ParameterizedTest(name = "{0} connection(s)")
  @ValueSource(ints = {1, 2})
  void supportFindsARemovedEntryItMayRead(int connections) throws SQLException {
    long removed = firstVisibleAfter(hidden.get(2_200));
    ChainVerification result =
        whileTampered(
            () -> verify(support, connections), "DELETE FROM audit_log WHERE id = " + removed);

    assertBreak(result, removed, ChainBreakKind.MISSING);
  }

  @ParameterizedTest(name = "{0} connection(s)")
  @ValueSource(ints = {1, 2})
  void supportFindsAReadableAndAHiddenEntrySwapped(int connections) throws SQLException {
    long readable = firstVisibleAfter(hidden.get(2_200));
    long unreadable = readable + 1;
    assertThat(hidden).contains(unreadable);
    ChainVerification result =
        whileTampered(() -> verify(support, connections), swap(readable, unreadable));

    assertBreak(result, readable, ChainBreakKind.REORDERED);
  }

  @Test
  void supportFindsAHiddenEntryRewrittenWithARecomputedHashAtTheNextLink() throws SQLException {
    long rewritten = hidden.get(2_150);
    ChainVerification result =
        whileTampered(
            () -> verify(support, 2),
            "UPDATE audit_log SET new_values = jsonb_set(new_values, '{balance_minor}', '999999')"
                + " WHERE id = "
                + rewritten,
            "UPDATE audit_log t SET hash = "
                + rehash("t.prev_hash")
                + " WHERE t.id = "
                + rewritten);

    assertBreak(result, rewritten + 1, ChainBreakKind.REORDERED);
  }

  @Test
  void onlyAnAdminFindsAChangeInsideAnEntrySupportMayNotRead() throws SQLException {
    long changed = hidden.get(1_000);
    String tamper =
        "UPDATE audit_log SET new_values = jsonb_set(new_values, '{balance_minor}', '999999')"
            + " WHERE id = "
            + changed;

    ChainVerification asSupport = whileTampered(() -> verify(support, 2), tamper);
    ChainVerification asAdmin = whileTampered(() -> verify(admin, 2), tamper);

    assertThat(asSupport.intact()).as("support takes the hash as given").isTrue();
    assertBreak(asAdmin, changed, ChainBreakKind.CHANGED);
  }

  @Test
  void aHiddenTailRemovedWithoutRewindingTheHeadIsAHeadMismatch() throws SQLException {
    ChainVerification result =
        whileTampered(() -> verify(support, 1), "DELETE FROM audit_log WHERE id = " + last);

    assertBreak(result, last, ChainBreakKind.HEAD_MISMATCH);
  }

  @Test
  void supportVerifiesFromAnEntryItMayNotReadAndAgainstAnAnchorThere() {
    long from = hidden.get(1_000);
    ChainAnchor anchor = new ChainAnchor(last, full().lastVerified().hash());

    ChainVerification result =
        new AuditChainVerifier(RANGE)
            .verify(support, VerifyOptions.defaults().from(from).against(anchor));

    assertThat(result.intact()).as(String.valueOf(result.firstBreak())).isTrue();
    assertThat(result.rowsChecked()).isEqualTo(last - from + 1);
  }

  @Test
  void saltedEntriesAndEntriesFromBeforeSaltsVerifyInOneChain() throws SQLException {
    // Entries written before V88 have no salt and were hashed without one: the first 500 are made
    // so, and everything after is chained again onto them, as the log of an upgraded server is.
    String unsalt =
        """
        DO $$
        DECLARE
          r record;
          prev bytea := decode(repeat('00', 32), 'hex');
        BEGIN
          UPDATE audit_log SET salt = NULL WHERE id <= 500;
          FOR r IN SELECT id FROM audit_log ORDER BY id LOOP
            UPDATE audit_log t SET prev_hash = prev, hash = %s WHERE t.id = r.id
            RETURNING t.hash INTO prev;
          END LOOP;
          UPDATE audit_chain_head SET last_hash = prev;
        END $$"""
            .formatted(rehash("prev"));

    ChainVerification asSupport = whileTampered(() -> verify(support, 2), unsalt);
    ChainVerification asSuperuser = whileTampered(VerificationAcrossHiddenEntriesIT::full, unsalt);

    assertThat(asSupport.intact()).as(String.valueOf(asSupport.firstBreak())).isTrue();
    assertThat(asSuperuser.intact()).as(String.valueOf(asSuperuser.firstBreak())).isTrue();
    assertThat(asSuperuser.rowsChecked()).isEqualTo(last);
    assertThat(asSuperuser.lastVerified()).isNotEqualTo(full().lastVerified());
  }

  @Test
  void everyEntryWrittenNowHasItsOwnSalt() throws SQLException {
    try (Connection c = db.superuser();
        Statement s = c.createStatement();
        var rs =
            s.executeQuery(
                "SELECT count(*) FILTER (WHERE salt IS NULL), count(DISTINCT salt), count(*)"
                    + " FROM audit_log")) {
      rs.next();
      assertThat(rs.getLong(1)).isZero();
      assertThat(rs.getLong(2)).isEqualTo(rs.getLong(3));
    }
  }

  private static ChainVerification verify(DataSource ds, int connections) {
    return new AuditChainVerifier(RANGE)
        .verify(ds, VerifyOptions.defaults().parallelism(connections));
  }

  private static ChainVerification full() {
    return new AuditChainVerifier(RANGE).verify(db.superuserDataSource());
  }

  private static long firstVisibleAfter(long id) {
    long next = id + 1;
    while (hidden.contains(next)) {
      next++;
    }
    return next;
  }

  /**
   * Commits {@code sql} as the superuser with the audit triggers off, runs {@code check} (on
   * connections of its own, which then see the tampering), and puts log and head back as they were.
   */
  private static ChainVerification whileTampered(Supplier<ChainVerification> check, String... sql)
      throws SQLException {
    try (Connection c = db.superuser();
        Statement s = c.createStatement()) {
      s.execute("CREATE TEMPORARY TABLE saved_log AS SELECT * FROM audit_log");
      s.execute("CREATE TEMPORARY TABLE saved_head AS SELECT * FROM audit_chain_head");
      c.setAutoCommit(false);
      s.execute("SET LOCAL session_replication_role = replica");
      for (String statement : sql) {
        s.execute(statement);
      }
      c.commit();
      try {
        return check.get();
      } finally {
        s.execute("SET LOCAL session_replication_role = replica");
        s.execute("DELETE FROM audit_log");
        s.execute("INSERT INTO audit_log SELECT * FROM saved_log");
        s.execute("DELETE FROM audit_chain_head");
        s.execute("INSERT INTO audit_chain_head SELECT * FROM saved_head");
        c.commit();
      }
    }
  }

  private static void assertBreak(ChainVerification result, long id, ChainBreakKind kind) {
    assertThat(result.firstBreak()).as("break found").isNotNull();
    assertThat(result.firstBreak().kind()).as(result.firstBreak().detail()).isEqualTo(kind);
    assertThat(result.firstBreak().entryId()).as(result.firstBreak().detail()).isEqualTo(id);
  }

  private static String rehash(String prev) {
    return "sha256("
        + prev
        + " || convert_to(audit_canonical(t.id, t.occurred_at, t.actor, t.db_user, t.action,"
        + " t.command, t.entity_type, t.entity_id, t.old_values, t.new_values, t.request_id,"
        + " t.client_info, t.salt), 'UTF8'))";
  }

  // Swaps every column but id, hashes included, between two entries.
  private static String swap(long a, long b) {
    return "UPDATE audit_log t SET occurred_at = s.occurred_at, actor = s.actor, db_user = s.db_user,"
        + " action = s.action, command = s.command, entity_type = s.entity_type,"
        + " entity_id = s.entity_id, old_values = s.old_values, new_values = s.new_values,"
        + " request_id = s.request_id, client_info = s.client_info, salt = s.salt,"
        + " prev_hash = s.prev_hash, hash = s.hash"
        + " FROM audit_log s WHERE (t.id, s.id) IN ((%d, %d), (%d, %d))".formatted(a, b, b, a);
  }
}
