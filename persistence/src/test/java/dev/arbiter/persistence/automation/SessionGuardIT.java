package dev.arbiter.persistence.automation;

import static dev.arbiter.persistence.contract.Fixtures.update;
import static dev.arbiter.persistence.contract.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.persistence.audit.AuditEntries;
import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.contract.Fixtures.Seed;
import dev.arbiter.persistence.testing.Latency;
import dev.arbiter.persistence.testing.TestDatabase;
import dev.arbiter.persistence.testing.Waits;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One insider cannot hold the others up: a runtime session idle in a transaction it keeps open, or
 * one that took the audit chain head (the seal, V90, by sealing early with SET CONSTRAINTS
 * IMMEDIATE) and then waits, with its own timeouts lifted, is ended by the worker's session guard,
 * and the guard's audit note says whose session it was.
 */
class SessionGuardIT {

  private static TestDatabase db;
  private static Seed seed;

  @BeforeAll
  static void open() throws SQLException {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      seed = Fixtures.seed(owner);
    }
  }

  @Test
  void aSessionIdleInATransactionItKeptOpenOnPurposeIsEnded() throws Exception {
    long before = AuditEntries.lastId(db);
    try (Connection stalling = db.as("demo_support")) {
      update(stalling, "SET idle_in_transaction_session_timeout = 0");
      stalling.setAutoCommit(false);
      update(stalling, "UPDATE disputes SET priority = 'high' WHERE id = ?", seed.dispute());

      String answer = guard("interval '0 seconds'", "interval '1 hour'");

      assertThat(answer).contains("ended demo_support's session (idle in transaction");
      assertThatThrownBy(() -> value(stalling, "SELECT 1")).isInstanceOf(SQLException.class);
    }
    assertThat(
            count(
                "SELECT count(*) FROM disputes WHERE id = "
                    + seed.dispute()
                    + " AND priority = 'high'"))
        .isZero();
    assertThat(AuditEntries.after(db, before))
        .singleElement()
        .satisfies(
            note -> {
              assertThat(note.actor()).isEqualTo("system:session-guard");
              assertThat(note.dbUser()).isEqualTo(TestDatabase.WORKER);
              assertThat(note.newValues()).contains("\"login\": \"demo_support\"");
            });
  }

  @Test
  void aSessionHoldingTheAuditHeadInALongStatementIsEnded() throws Exception {
    Connection stalling = db.as("demo_support");
    update(stalling, "SET statement_timeout = 0");
    stalling.setAutoCommit(false);
    // Made to seal at once rather than at commit, the session takes the head (the seal, V90) and
    // keeps it: no entry enters the chain while it waits.
    update(stalling, "SET CONSTRAINTS ALL IMMEDIATE");
    update(stalling, "UPDATE disputes SET priority = 'low' WHERE id = ?", seed.dispute());
    CompletableFuture<Void> sleeping =
        CompletableFuture.runAsync(
            () -> {
              try {
                value(stalling, "SELECT pg_sleep(600)");
              } catch (SQLException ended) {
                // The guard ends it; that is the point.
              }
            });
    waitUntil(
        () ->
            count(
                    "SELECT count(*) FROM pg_stat_activity WHERE usename = 'demo_support'"
                        + " AND state = 'active' AND query LIKE 'SELECT pg_sleep%'")
                == 1);

    String answer;
    try {
      answer = guard("interval '1 hour'", "interval '0 seconds'");
    } finally {
      count(
          "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
              + " WHERE usename = 'demo_support' AND query LIKE 'SELECT pg_sleep%'");
      sleeping.get();
      stalling.close();
    }
    assertThat(answer).contains("ended demo_support's session (active");
    // Another writer goes ahead at once.
    try (Connection backend = db.as("demo_backend")) {
      assertThat(
              update(
                  backend, "UPDATE contracts SET csat_score = 4.0 WHERE id = ?", seed.contract()))
          .isOne();
    }
  }

  @Test
  void aSessionThatKeepsItsLimitsIsLeftAlone() throws Exception {
    try (Connection working = db.as("demo_support")) {
      working.setAutoCommit(false);
      update(working, "UPDATE disputes SET priority = 'urgent' WHERE id = ?", seed.dispute());
      assertThat(guard("interval '1 hour'", "interval '1 hour'")).doesNotContain("ended");
      assertThat(value(working, "SELECT 1")).isEqualTo(1);
      working.rollback();
    }
  }

  private static String guard(String idle, String holding) throws SQLException {
    try (Connection worker = db.as(TestDatabase.WORKER)) {
      return (String)
          value(
              worker,
              "SELECT automation_end_stalled_sessions(" + idle + ", " + holding + ")::text");
    }
  }

  private static long count(String sql) {
    try (Connection su = db.superuser()) {
      return (Long) value(su, sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void waitUntil(BooleanSupplier condition) {
    Waits.atMost(Latency.target(Duration.ofSeconds(10))).until(condition::getAsBoolean);
  }
}
