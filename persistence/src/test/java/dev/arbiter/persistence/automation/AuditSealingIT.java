package dev.arbiter.persistence.automation;

import static dev.arbiter.persistence.contract.Fixtures.update;
import static dev.arbiter.persistence.contract.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.audit.AuditChainVerifier;
import dev.arbiter.persistence.audit.AuditEntries;
import dev.arbiter.persistence.audit.ChainVerification;
import dev.arbiter.persistence.audit.CommandDatabase;
import dev.arbiter.persistence.audit.UnsealedEntries;
import dev.arbiter.persistence.audit.VerifyOptions;
import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.contract.Fixtures.Seed;
import dev.arbiter.persistence.testing.TestDatabase;
import dev.arbiter.persistence.testing.Waits;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Writers append without waiting for one another, and what they append enters the chain soon after
 * (V90): at their own commit when the chain head is free, by the worker otherwise. Every test ends
 * with the chain verified intact and nothing left unsealed.
 */
class AuditSealingIT {

  // A writer that would wait for a lock fails at once instead, so "did not wait" is a plain
  // outcome.
  private static final String NO_WAITING = "SET lock_timeout = '200ms'";

  private TestDatabase db;
  private Seed seed;

  @BeforeEach
  void open() throws SQLException {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      seed = Fixtures.seed(owner);
    }
  }

  @Test
  void aWriterHoldingAnAuditedChangeOpenDelaysNoOtherWriterAndBothEnterTheChain() throws Exception {
    long before = AuditEntries.lastId(db);
    try (Connection holding = db.as("demo_support");
        Connection other = db.as("demo_backend")) {
      holding.setAutoCommit(false);
      update(holding, "UPDATE disputes SET priority = 'high' WHERE id = ?", seed.dispute());

      update(other, NO_WAITING);
      update(other, "UPDATE contracts SET csat_score = 4.5 WHERE id = ?", seed.contract());
      // Sealed as it committed, while the other change is still open.
      assertThat(AuditEntries.after(db, before))
          .extracting(AuditEntries.Row::entityType)
          .containsExactly("contracts");

      holding.commit();
    }
    assertThat(AuditEntries.after(db, before))
        .extracting(AuditEntries.Row::entityType)
        .containsExactly("contracts", "disputes");
    assertIntactAndAllSealed();
  }

  @Test
  void aSessionHoldingTheSealStopsNoWriterAndTheWorkerSealsWhatWaitedOnceItEnds() throws Exception {
    AutomationWorker worker = worker();
    long before = AuditEntries.lastId(db);
    try (Connection holder = db.as("demo_support");
        Connection other = db.as("demo_backend")) {
      holder.setAutoCommit(false);
      update(holder, "SET CONSTRAINTS ALL IMMEDIATE");
      update(holder, "UPDATE disputes SET priority = 'urgent' WHERE id = ?", seed.dispute());

      update(other, NO_WAITING);
      update(other, "UPDATE contracts SET csat_score = 3.5 WHERE id = ?", seed.contract());
      assertThat(AuditEntries.unsealed(db)).isOne();
      assertThat(worker.seal()).as("the head is taken: the worker does not wait for it").isZero();

      holder.commit();
    }
    assertThat(worker.seal()).isOne();
    assertThat(AuditEntries.after(db, before))
        .extracting(AuditEntries.Row::entityType)
        .containsExactly("disputes", "contracts");
    assertIntactAndAllSealed();
  }

  @Test
  void verificationReportsUnsealedEntriesApartAndSealsNothing() throws Exception {
    leaveOnePending();
    CommandDatabase cli = CommandDatabase.of(db.superuserDataSource(), "the test");

    ChainVerification result = cli.verify(VerifyOptions.defaults());
    UnsealedEntries unsealed = cli.unsealed();

    assertThat(result.intact()).isTrue();
    assertThat(unsealed.count()).isOne();
    assertThat(unsealed.bound()).isEqualTo(Duration.ofSeconds(5));
    Instant now = Instant.now();
    assertThat(unsealed.overdue(now)).isFalse();
    assertThat(unsealed.overdue(unsealed.oldest().plusSeconds(6))).isTrue();
    assertThat(unsealed.describe(unsealed.oldest().plusSeconds(6)))
        .startsWith("unsealed: 1 entry not yet in the chain, oldest written 6.0 s ago")
        .contains("OVERDUE");
    assertThat(AuditEntries.unsealed(db)).as("verifying seals nothing").isOne();
    AuditEntries.seal(db);
    assertIntactAndAllSealed();
  }

  @Test
  void everyStaffLoginMayAskWhatWaitsButOnlyTheWorkerAndWritersSeal() throws Exception {
    leaveOnePending();
    for (String login : new String[] {"demo_support", "demo_finance", "demo_admin"}) {
      try (Connection c = db.as(login)) {
        assertThat(value(c, "SELECT o_count FROM audit_unsealed()")).isEqualTo(1L);
        assertThat(refusal(c, "SELECT audit_seal(10)")).isEqualTo("42501");
        assertThat(refusal(c, "SELECT count(*) FROM audit_pending")).isEqualTo("42501");
      }
    }
    try (Connection backend = db.as("demo_backend")) {
      assertThat(refusal(backend, "SELECT audit_seal(10)")).isEqualTo("42501");
    }
    assertThat(AuditEntries.unsealed(db)).isOne();
    assertThat(worker().seal()).isOne();
    assertIntactAndAllSealed();
  }

  @Test
  void theWorkerSealsInBatchesAQuarterOfTheBoundApart() throws Exception {
    try (Connection owner = db.migrator()) {
      update(owner, "UPDATE audit_seal_policy SET max_unsealed = interval '2 seconds'");
      owner.setAutoCommit(false);
      owner.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      update(
          owner,
          "INSERT INTO users (email, display_name, kind)"
              + " SELECT 'sealed' || g || '@example.test', 'Sealed ' || g, 'client'"
              + " FROM generate_series(1, ?) g",
          AuditSealer.BATCH * 2 + 5);
      owner.commit();
    }
    AuditSealer sealer = new AuditSealer(db.dataSource(TestDatabase.WORKER, "demo"));

    assertThat(sealer.interval()).isEqualTo(Duration.ofMillis(500));
    assertThat(AuditEntries.unsealed(db)).isEqualTo(AuditSealer.BATCH * 2 + 5L);
    assertThat(sealer.sealAll()).isEqualTo(AuditSealer.BATCH * 2 + 5L);
    assertIntactAndAllSealed();
  }

  @Test
  void aRunningWorkerSealsWhatWritersLeft() throws Exception {
    leaveOnePending();
    try (AutomationWorker worker = worker()) {
      worker.start();
      Waits.atMost(Duration.ofMinutes(1)).until(() -> AuditEntries.unsealed(db) == 0);
    }
    assertIntactAndAllSealed();
  }

  // A REPEATABLE READ writer never seals as it commits, so its entry waits for a sealer.
  private void leaveOnePending() throws SQLException {
    try (Connection support = db.as("demo_support")) {
      support.setAutoCommit(false);
      support.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      update(support, "UPDATE disputes SET priority = 'low' WHERE id = ?", seed.dispute());
      support.commit();
    }
    assertThat(AuditEntries.unsealed(db)).isOne();
  }

  private static String refusal(Connection c, String sql) {
    try {
      value(c, sql);
      return "allowed";
    } catch (SQLException e) {
      return e.getSQLState();
    }
  }

  private AutomationWorker worker() {
    return new AutomationWorker(
        db.dataSource(TestDatabase.WORKER, "demo"),
        "test-sealer",
        line -> {},
        Optional.empty(),
        Clock.systemUTC());
  }

  private void assertIntactAndAllSealed() throws SQLException {
    assertThat(AuditEntries.unsealed(db)).isZero();
    ChainVerification result = new AuditChainVerifier().verify(db.superuserDataSource());
    assertThat(result.firstBreak()).isNull();
    assertThat(result.lastVerified().entryId()).isEqualTo(AuditEntries.lastId(db));
  }
}
