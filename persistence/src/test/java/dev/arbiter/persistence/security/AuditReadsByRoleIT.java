package dev.arbiter.persistence.security;

import static dev.arbiter.persistence.escrow.RawMoney.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.audit.AuditChainVerifier;
import dev.arbiter.persistence.audit.ChainVerification;
import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.escrow.MoneyFixture;
import dev.arbiter.persistence.escrow.MoneyFixture.Deal;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each role reads in audit_log what its job lets it read elsewhere (V88): the ledger's entries are
 * finance's and admins'; a request key's entries are the login's that sent it; a saved view's are
 * its owner's, and everyone's while the view is shared; admins read every entry. The owner and the
 * definer functions that write the chain see every entry whatever the policies say.
 */
class AuditReadsByRoleIT {

  private static final String LEDGER = "entity_type IN ('journals', 'ledger_entries', 'wallets')";

  private static TestDatabase db;
  private static String adminKey;
  private static String supportKey;

  @BeforeAll
  static void entries() throws SQLException {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      Deal deal = MoneyFixture.deal(owner, "USD", 20_000);
      long approved = MoneyFixture.approved(owner, deal, 10_000, "demo_finance2");
      try (Connection fran = db.as("demo_finance")) {
        assertThat(call(fran, "release_checkpoint", approved, null, "role-" + Fixtures.next()).ok())
            .isTrue();
      }
      adminKey = "admin-key-" + Fixtures.next();
      supportKey = "support-key-" + Fixtures.next();
      requestKey("demo_admin", adminKey);
      requestKey("demo_support", supportKey);
      view(owner, "demo_admin", "Admin private", false);
      view(owner, "demo_admin", "Team queue", true);
      view(owner, "demo_support", "Support private", false);
      view(owner, "demo_admin", "Made private", true);
      Fixtures.update(
          owner, "UPDATE dispute_saved_views SET shared = false WHERE name = 'Made private'");
      view(owner, "demo_admin", "Made shared", false);
      Fixtures.update(
          owner, "UPDATE dispute_saved_views SET shared = true WHERE name = 'Made shared'");
    }
    // A support write after the hidden ones: the chain must go on from entries support cannot see.
    requestKey("demo_support", "support-last-" + Fixtures.next());
  }

  @ParameterizedTest(name = "{0} reads {1} ledger entries")
  @CsvSource({"demo_support, none", "demo_moderator, none", "demo_finance, all", "demo_admin, all"})
  void ledgerEntriesAreReadByFinanceAndAdminsOnly(String login, String expected)
      throws SQLException {
    long all = Insider.count(db, "SELECT count(*) FROM audit_log WHERE " + LEDGER);
    assertThat(all).isGreaterThan(3);
    try (Connection c = db.as(login)) {
      assertThat(MoneyFixture.longValue(c, "SELECT count(*) FROM audit_log WHERE " + LEDGER))
          .isEqualTo(expected.equals("all") ? all : 0);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "demo_support, support-key",
    "demo_moderator, ''",
    "demo_finance, ''",
    "demo_admin, admin-key support-key support-last"
  })
  void requestKeysShowInTheLogOnlyToTheLoginThatSentThemAndToAdmins(String login, String prefixes)
      throws SQLException {
    List<String> keys = strings(login, "staff_requests", "idempotency_key");
    List<String> seen = new ArrayList<>();
    for (String key : keys) {
      seen.add(key.substring(0, key.lastIndexOf('-')));
    }
    List<String> expected = new ArrayList<>();
    for (String prefix : prefixes.isBlank() ? new String[0] : prefixes.split(" ")) {
      expected.add(prefix);
    }
    if (login.equals("demo_support")) {
      expected.add("support-last");
    }
    assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // "Made private" was shared when it was created, and that entry shows; "Made shared" was
    // private until its update, whose old image is the private one.
    "demo_support, Made private|Support private|Team queue",
    "demo_moderator, Made private|Team queue",
    "demo_finance, Made private|Team queue",
    "demo_admin, Admin private|Made private|Made shared|Support private|Team queue"
  })
  void savedViewsShowInTheLogToTheirOwnerAndWhileSharedToEveryone(String login, String names)
      throws SQLException {
    assertThat(strings(login, "dispute_saved_views", "name"))
        .containsExactlyInAnyOrder(names.split("\\|"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"demo_support", "demo_moderator", "demo_finance"})
  void staffReadEverythingElse(String login) throws SQLException {
    String others =
        "SELECT count(*) FROM audit_log WHERE entity_type NOT IN ('journals', 'ledger_entries',"
            + " 'wallets', 'staff_requests', 'dispute_saved_views')";
    long all = Insider.count(db, others);
    try (Connection c = db.as(login)) {
      assertThat(MoneyFixture.longValue(c, others)).isEqualTo(all).isGreaterThan(10);
    }
  }

  @Test
  void anAdminReadsEveryEntry() throws SQLException {
    try (Connection admin = db.as("demo_admin")) {
      assertThat(MoneyFixture.longValue(admin, "SELECT count(*) FROM audit_log"))
          .isEqualTo(Insider.count(db, "SELECT count(*) FROM audit_log"));
    }
  }

  @Test
  void theChainGoesOnFromEntriesTheWriterCannotSee() throws SQLException {
    long last = Insider.count(db, "SELECT max(id) FROM audit_log");
    assertThat(Insider.count(db, "SELECT last_id FROM audit_chain_head")).isEqualTo(last);
    assertThat(Insider.count(db, "SELECT count(*) FROM audit_log")).isEqualTo(last);
    ChainVerification full = new AuditChainVerifier().verify(db.superuserDataSource());
    assertThat(full.intact()).as(String.valueOf(full.firstBreak())).isTrue();
    try (Connection support = db.as("demo_support")) {
      assertThat(MoneyFixture.longValue(support, "SELECT max(id) FROM audit_log")).isEqualTo(last);
      assertThat(MoneyFixture.longValue(support, "SELECT audit_chain_last_id()")).isEqualTo(last);
    }
  }

  @Test
  void theLinksOfHiddenEntriesHoldNothingButTheirIdsAndHashes() throws SQLException {
    try (Connection support = db.as("demo_support");
        PreparedStatement ps =
            support.prepareStatement("SELECT * FROM audit_chain_links(0, audit_chain_last_id())")) {
      try (ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData columns = rs.getMetaData();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
          names.add(columns.getColumnName(i));
        }
        assertThat(names).containsExactly("id", "prev_hash", "hash");
        long rows = 0;
        while (rs.next()) {
          rows++;
        }
        assertThat(rows).isEqualTo(Insider.count(db, "SELECT count(*) FROM audit_log"));
      }
    }
  }

  @Test
  void theBackendReadsNeitherTheLogNorItsLinks() throws SQLException {
    try (Connection backend = db.as("demo_backend")) {
      assertThat(Insider.refused(backend, "SELECT count(*) FROM audit_log").getSQLState())
          .isEqualTo("42501");
      assertThat(
              Insider.refused(backend, "SELECT count(*) FROM audit_chain_links(0, 100)")
                  .getSQLState())
          .isEqualTo("42501");
    }
  }

  private static void requestKey(String login, String key) throws SQLException {
    try (Connection c = db.as(login)) {
      Fixtures.update(
          c,
          "INSERT INTO staff_requests (idempotency_key, action, fingerprint, result)"
              + " VALUES (?, 'workspace.note', 'fp', '{}')",
          key);
    }
  }

  private static void view(Connection owner, String login, String name, boolean shared)
      throws SQLException {
    Fixtures.update(
        owner,
        "INSERT INTO dispute_saved_views (owner_login, name, shared, definition)"
            + " VALUES (?, ?, ?, '{}')",
        login,
        name,
        shared);
  }

  /** The distinct {@code key} of every entry of {@code entity} that {@code login} reads. */
  private static List<String> strings(String login, String entity, String key) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection c = db.as(login);
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT DISTINCT coalesce(new_values, old_values) ->> ? FROM audit_log"
                    + " WHERE entity_type = ?")) {
      ps.setString(1, key);
      ps.setString(2, entity);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          values.add(rs.getString(1));
        }
      }
    }
    return values;
  }
}
