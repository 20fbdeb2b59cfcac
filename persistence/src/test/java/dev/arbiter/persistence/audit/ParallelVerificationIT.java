package dev.arbiter.persistence.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Verification spread over two connections names the same first bad entry as one connection does,
 * wherever the ranges fall; {@code from} starts at an entry's own stored link. Ranges here are 1024
 * entries, so entry 1025 opens the second range and entry 1024 closes the first.
 */
class ParallelVerificationIT {

  private static final int RANGE = 1024;
  private static final int USERS = 3_500;

  private static TestDatabase chain() throws SQLException {
    TestDatabase db = TestDatabase.fresh();
    try (Connection owner = db.migrator();
        Statement s = owner.createStatement()) {
      s.execute(
          "INSERT INTO users (email, display_name, kind, metadata)"
              + " SELECT 'p' || g || '@example.test', 'Parallel ' || g, 'client',"
              + " jsonb_build_object('row', g) FROM generate_series(1, "
              + USERS
              + ") g");
    }
    return db;
  }

  private static VerifyOptions twoConnections() {
    return VerifyOptions.defaults().parallelism(2);
  }

  private static ChainVerification verify(DataSource ds, VerifyOptions options) {
    return new AuditChainVerifier(RANGE).verify(ds, options);
  }

  @Test
  void twoConnectionsAgreeWithOneOnAnIntactChain() throws SQLException {
    TestDatabase db = chain();
    DataSource login = db.dataSource("demo_support", "demo");
    AtomicInteger opened = new AtomicInteger();
    DataSource ds = countingConnections(login, opened);
    ChainVerification one = verify(ds, twoConnections().parallelism(1));
    assertThat(opened.getAndSet(0)).isEqualTo(1);
    List<Long> progress = new ArrayList<>();
    ChainVerification two =
        verify(ds, twoConnections().reportingTo((entries, total) -> progress.add(entries)));
    assertThat(opened.get()).as("the coordinator and two readers").isEqualTo(3);

    assertThat(one.intact()).isTrue();
    assertThat(two.intact()).isTrue();
    assertThat(two.rowsChecked()).isEqualTo(one.rowsChecked()).isGreaterThan(USERS);
    assertThat(two.lastVerified()).isEqualTo(one.lastVerified());
    assertThat(progress).isSorted().last().isEqualTo(two.rowsChecked());
    assertThat(verify(ds, twoConnections().against(one.lastVerified())).intact()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          UPDATE audit_log SET actor = 'mallory' WHERE id = 1025                     | 1025 | CHANGED
          UPDATE audit_log SET actor = 'mallory' WHERE id = 2500                     | 2500 | CHANGED
          DELETE FROM audit_log WHERE id = 2049                                      | 2049 | MISSING
          DELETE FROM audit_log WHERE id BETWEEN 1025 AND 2048                       | 1025 | MISSING
          UPDATE audit_log SET actor = 'm' WHERE id IN (1020, 1024); UPDATE audit_log t SET hash = <rehash t.prev_hash> WHERE t.id IN (1020, 1024) | 1021 | REORDERED
          UPDATE audit_log SET actor = 'm' WHERE id = 1024; UPDATE audit_log t SET hash = <rehash t.prev_hash> WHERE t.id = 1024 | 1025 | REORDERED
          UPDATE audit_log t SET prev_hash = p.hash, hash = <rehash p.hash> FROM audit_log p WHERE t.id = 1026 AND p.id = 1023 | 1026 | FORKED
          UPDATE audit_log t SET prev_hash = p.hash, hash = <rehash p.hash> FROM audit_log p WHERE t.id = 1025 AND p.id = 1020 | 1025 | FORKED
          UPDATE audit_chain_head SET last_hash = sha256(last_hash)                  | -1   | HEAD_MISMATCH
          """)
  void twoConnectionsNameTheSameBreakAsOne(String tamper, long entry, ChainBreakKind kind)
      throws SQLException {
    TestDatabase db = chain();
    tamper(
        db,
        tamper
            .replace("<rehash t.prev_hash>", rehash("t.prev_hash"))
            .replace("<rehash p.hash>", rehash("p.hash")));
    DataSource ds = db.dataSource("demo_finance", "demo");

    ChainVerification one = verify(ds, twoConnections().parallelism(1));
    ChainVerification two = verify(ds, twoConnections());

    assertThat(two.firstBreak()).as("one connection: " + one.firstBreak()).isNotNull();
    assertThat(two.firstBreak().kind()).as(two.firstBreak().detail()).isEqualTo(kind);
    if (entry > 0) {
      assertThat(two.firstBreak().entryId()).as(two.firstBreak().detail()).isEqualTo(entry);
    }
    assertThat(two).isEqualTo(one);
  }

  @Test
  void fromStartsAtTheEntrysOwnLinkAndSkipsWhatLiesBefore() throws SQLException {
    TestDatabase db = chain();
    tamper(db, "UPDATE audit_log SET actor = 'mallory' WHERE id = 10");
    DataSource ds = db.dataSource("demo_support", "demo");

    ChainVerification whole = verify(ds, twoConnections());
    ChainVerification fromLater = verify(ds, twoConnections().from(11));
    ChainVerification fromTampered = verify(ds, twoConnections().from(10));

    assertThat(whole.firstBreak().entryId()).isEqualTo(10);
    assertThat(fromLater.intact()).isTrue();
    assertThat(fromLater.rowsChecked()).isEqualTo(fromLater.lastVerified().entryId() - 10);
    assertThat(fromTampered.firstBreak().entryId()).isEqualTo(10);
    assertThat(fromTampered.firstBreak().kind()).isEqualTo(ChainBreakKind.CHANGED);
  }

  @Test
  void fromAMissingEntryNamesItAndFromBeyondTheEndIsRefused() throws SQLException {
    TestDatabase db = chain();
    tamper(db, "DELETE FROM audit_log WHERE id = 30");
    DataSource ds = db.dataSource("demo_support", "demo");

    ChainVerification result = verify(ds, twoConnections().from(30));
    assertThat(result.firstBreak().kind()).isEqualTo(ChainBreakKind.MISSING);
    assertThat(result.firstBreak().entryId()).isEqualTo(30);
    assertThatThrownBy(() -> verify(ds, twoConnections().from(1_000_000)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ends at entry");
  }

  @Test
  void anchorAtTheStartOfFromIsCheckedAgainstTheStoredLink() throws SQLException {
    TestDatabase db = chain();
    DataSource ds = db.dataSource("demo_support", "demo");
    ChainVerification upTo = new AuditChainVerifier(RANGE).verify(ds);
    ChainAnchor anchor = upTo.lastVerified();
    // The newest entry re-linked and re-hashed: only the anchor before it can tell.
    tamper(
        db,
        "UPDATE audit_log SET prev_hash = sha256(prev_hash) WHERE id = "
            + anchor.entryId()
            + "; UPDATE audit_log t SET hash = "
            + rehash("t.prev_hash")
            + " WHERE t.id = "
            + anchor.entryId()
            + "; UPDATE audit_chain_head SET last_hash = (SELECT hash FROM audit_log WHERE id = "
            + anchor.entryId()
            + ")");

    ChainVerification result =
        verify(
            ds,
            twoConnections()
                .from(anchor.entryId())
                .against(new ChainAnchor(anchor.entryId() - 1, hashOf(db, anchor.entryId() - 1))));

    assertThat(result.firstBreak().kind()).isEqualTo(ChainBreakKind.ANCHOR_MISMATCH);
  }

  @Test
  void cancellingStopsTheWalk() throws SQLException {
    TestDatabase db = chain();
    DataSource ds = db.dataSource("demo_support", "demo");
    AtomicInteger polls = new AtomicInteger();
    assertThatThrownBy(
            () -> verify(ds, twoConnections().cancelledWhen(() -> polls.incrementAndGet() > 1)))
        .isInstanceOf(CancellationException.class);
    assertThatThrownBy(() -> verify(ds, twoConnections().parallelism(1).cancelledWhen(() -> true)))
        .isInstanceOf(CancellationException.class);
  }

  private static DataSource countingConnections(DataSource target, AtomicInteger opened) {
    return (DataSource)
        java.lang.reflect.Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getConnection")) {
                opened.incrementAndGet();
              }
              try {
                return method.invoke(target, args);
              } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private static byte[] hashOf(TestDatabase db, long id) throws SQLException {
    try (Connection c = db.superuser();
        var rs = c.createStatement().executeQuery("SELECT hash FROM audit_log WHERE id = " + id)) {
      rs.next();
      return rs.getBytes(1);
    }
  }

  private static void tamper(TestDatabase db, String sql) throws SQLException {
    try (Connection c = db.superuser();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute("SET LOCAL session_replication_role = replica");
      s.execute(sql);
      c.commit();
    }
  }

  private static String rehash(String prev) {
    return "sha256("
        + prev
        + " || convert_to(audit_canonical(t.id, t.occurred_at, t.actor, t.db_user, t.action,"
        + " t.command, t.entity_type, t.entity_id, t.old_values, t.new_values, t.request_id,"
        + " t.client_info, t.salt), 'UTF8'))";
  }
}
