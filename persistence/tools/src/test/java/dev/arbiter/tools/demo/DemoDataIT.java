package dev.arbiter.tools.demo;

import static dev.arbiter.tools.demo.DemoFixtures.BASE;
import static dev.arbiter.tools.demo.DemoFixtures.SEED;
import static dev.arbiter.tools.demo.DemoFixtures.TABLES;
import static dev.arbiter.tools.demo.DemoFixtures.catalog;
import static dev.arbiter.tools.demo.DemoFixtures.count;
import static dev.arbiter.tools.demo.DemoFixtures.fingerprints;
import static dev.arbiter.tools.demo.DemoFixtures.load;
import static dev.arbiter.tools.demo.DemoFixtures.loader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.persistence.live.ChangeAnnouncer;
import dev.arbiter.persistence.live.TableChange;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/** How a demo load behaves: reproducible, once only, all or nothing, in either mode. */
class DemoDataIT {

  static TestDatabase base;
  static DemoLoadSummary baseSummary;

  @BeforeAll
  static void loadBaseDemo() throws SQLException {
    base = TestDatabase.fresh();
    baseSummary = load(base, DemoScale.of(1), SEED);
  }

  @Test
  void loadingTwiceIsRefusedAndChangesNothing() throws SQLException {
    try (Connection c = base.migrator()) {
      assertThat(DemoDataLoader.isLoaded(c)).isTrue();
      long before = number("SELECT count(*) FROM audit_log");
      assertThatThrownBy(() -> loader().load(c, DemoScale.of(1), SEED, BASE, ProgressListener.NONE))
          .isInstanceOf(DemoDataAlreadyLoadedException.class);
      assertThat(number("SELECT count(*) FROM audit_log")).isEqualTo(before);
      assertThat(number("SELECT count(*) FROM disputes")).isEqualTo(300);
      assertThat(c.getAutoCommit()).isTrue();
    }
  }

  @Test
  void sameSeedAndBaseTimeGiveIdenticalRows() throws SQLException {
    TestDatabase again = TestDatabase.fresh();
    load(again, DemoScale.of(1), SEED);
    assertThat(fingerprints(again)).isEqualTo(fingerprints(base));
  }

  @Test
  void anotherSeedGivesOtherRows() throws SQLException {
    DemoScale tiny = new DemoScale(1, 40, 20, 10, 5, 1, 1, false);
    TestDatabase one = TestDatabase.fresh();
    TestDatabase other = TestDatabase.fresh();
    load(one, tiny, SEED);
    load(other, tiny, SEED + 1);
    assertThat(fingerprints(other).get("disputes")).isNotEqualTo(fingerprints(one).get("disputes"));
    assertThat(fingerprints(other).get("users")).isNotEqualTo(fingerprints(one).get("users"));
  }

  @Test
  void scaleTwoLoadsTwiceTheDisputes() throws SQLException {
    TestDatabase db = TestDatabase.fresh();
    // Bulk mode only to keep the test quick: the volumes do not depend on the mode.
    DemoLoadSummary summary = load(db, DemoScale.of(2).withBulk(true), SEED);
    assertThat(summary.disputes()).isEqualTo(2 * baseSummary.disputes());
    assertThat(summary.users()).isGreaterThan(baseSummary.users());
    assertThat(summary.rows("contracts")).isGreaterThan(baseSummary.rows("contracts"));
  }

  @Test
  void failedLoadLeavesNothingBehind() throws SQLException {
    TestDatabase db = TestDatabase.fresh();
    long auditBefore;
    try (Connection c = db.migrator()) {
      auditBefore = count(c, "SELECT count(*) FROM audit_log");
      ProgressListener failing =
          (phase, done, total) -> {
            if (phase.equals("contracts")) {
              throw new IllegalStateException("injected failure after " + done + " contracts");
            }
          };
      assertThatThrownBy(() -> loader().load(c, DemoScale.of(1), SEED, BASE, failing))
          .hasMessageContaining("injected failure");
      for (String table : TABLES) {
        assertThat(count(c, "SELECT count(*) FROM " + table)).as(table).isZero();
      }
      assertThat(count(c, "SELECT count(*) FROM audit_log")).isEqualTo(auditBefore);
      assertThat(DemoDataLoader.isLoaded(c)).isFalse();
      // The schema is intact: the same load now succeeds.
      DemoLoadSummary summary =
          loader().load(c, DemoScale.of(1), SEED, BASE, ProgressListener.NONE);
      assertThat(summary.disputes()).isEqualTo(300);
    }
    assertThat(fingerprints(db)).isEqualTo(fingerprints(base));
  }

  @Test
  void bulkModeWritesOneAuditEntryAndRestoresTriggersAndKeys() throws SQLException {
    TestDatabase db = TestDatabase.fresh();
    long auditBefore;
    Map<String, String> catalogBefore;
    try (Connection c = db.superuser()) {
      auditBefore = count(c, "SELECT count(*) FROM audit_log");
      catalogBefore = catalog(c);
    }
    DemoLoadSummary summary = load(db, DemoScale.of(1).withBulk(true), SEED);
    assertThat(summary.bulk()).isTrue();
    try (Connection c = db.superuser()) {
      assertThat(count(c, "SELECT count(*) FROM audit_log")).isEqualTo(auditBefore + 1);
      assertThat(
              count(
                  c,
                  "SELECT count(*) FROM audit_log WHERE entity_type = 'demo_data'"
                      + " AND new_values ->> 'mode' = 'bulk'"
                      + " AND (new_values -> 'rows' ->> 'disputes')::int = 300"))
          .isEqualTo(1);
      assertThat(catalog(c)).containsExactlyInAnyOrderEntriesOf(catalogBefore);
    }
    // Same rows as an audited load: the mode changes the history, not the data.
    assertThat(fingerprints(db)).isEqualTo(fingerprints(base));
  }

  @Test
  void bulkModeAnnouncesNoRowOnTheChangeFeed() throws Exception {
    TestDatabase db = TestDatabase.fresh();
    try (Connection listener = db.superuser()) {
      try (Statement s = listener.createStatement()) {
        s.execute("LISTEN arbiter_changes");
      }
      load(db, DemoScale.of(1).withBulk(true), SEED);
      // A notice per loaded row would queue millions on a large load (and cost minutes); the load
      // announces itself once instead. Moderation items announce themselves per statement (V75),
      // by id only for statements of up to 50 rows.
      List<String> perRow = new ArrayList<>();
      PGConnection feed = listener.unwrap(PGConnection.class);
      // What the load left for the announcer (V96), sent now as a console would.
      ChangeAnnouncer.announce(listener);
      PGNotification[] batch;
      while ((batch = feed.getNotifications(500)).length > 0) {
        for (PGNotification n : batch) {
          if (TableChange.parse(n.getParameter())
              .map(c -> c.id() != null && TABLES.contains(c.table()))
              .orElse(false)) {
            perRow.add(n.getParameter());
          }
        }
      }
      assertThat(perRow).isEmpty();
    }
  }

  @Test
  void failedBulkLoadLeavesRowsTriggersKeysAndIndexesAsTheyWere() throws SQLException {
    TestDatabase db = TestDatabase.fresh();
    try (Connection c = db.migrator()) {
      Map<String, String> catalogBefore = catalog(c);
      long auditBefore = count(c, "SELECT count(*) FROM audit_log");
      ProgressListener failing =
          (phase, done, total) -> {
            if (phase.equals("ledger")) {
              throw new IllegalStateException("injected failure in the ledger");
            }
          };
      DemoScale tinyBulk = new DemoScale(1, 40, 20, 10, 5, 1, 1, true);
      assertThatThrownBy(() -> loader().load(c, tinyBulk, SEED, BASE, failing))
          .hasMessageContaining("injected failure");
      assertThat(catalog(c)).containsExactlyInAnyOrderEntriesOf(catalogBefore);
      assertThat(count(c, "SELECT count(*) FROM audit_log")).isEqualTo(auditBefore);
      for (String table : TABLES) {
        assertThat(count(c, "SELECT count(*) FROM " + table)).as(table).isZero();
      }
    }
  }

  private static long number(String sql) throws SQLException {
    return DemoFixtures.number(base, sql);
  }
}
