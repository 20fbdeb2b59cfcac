package dev.arbiter.persistence.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class CommitOutcomesIT {

  @Test
  void aKeyIsCommittedOnlyOnceTheTableThatGuardsItHoldsIt() throws Exception {
    TestDatabase db = TestDatabase.fresh();
    CommitOutcomes outcomes = new CommitOutcomes(db.access("demo_support"));
    assertThat(outcomes.committed("dsp-unknown-key")).isFalse();
    assertThat(outcomes.committed("rel-unknown-key")).isFalse();

    try (Connection owner = db.migrator();
        Statement s = owner.createStatement()) {
      s.execute(
          "INSERT INTO money_requests (idempotency_key, action, fingerprint, actor, outcome, result)"
              + " VALUES ('rel-0000001', 'release', 'f', 'demo_finance', 'ok', '{}'),"
              + " ('rel-0000002', 'release', 'f', 'demo_finance', 'already_released', '{}')");
    }
    // Each login reads its own money requests, which is all a check of its own lost answer needs.
    CommitOutcomes finance = new CommitOutcomes(db.access("demo_finance"));
    assertThat(outcomes.committed("rel-0000001")).isFalse();
    assertThat(finance.committed("rel-0000001")).isTrue();
    assertThat(finance.outcome("rel-0000001")).contains("ok");
    // A refusal the money function stored is an answer too: a retry replays it, it is not "saved".
    assertThat(finance.committed("rel-0000002")).isTrue();
    assertThat(finance.outcome("rel-0000002")).contains("already_released");
    assertThat(finance.outcome("rel-unknown-key")).isEmpty();

    try (Connection owner = db.migrator()) {
      long dispute = Fixtures.seed(owner).dispute();
      Fixtures.update(
          owner,
          "INSERT INTO dispute_commands (idempotency_key, command, dispute_id, fingerprint,"
              + " description) VALUES ('dsp-0000001', 'dispute.note', ?, 'f', 'Add a note')",
          dispute);
    }
    assertThat(outcomes.committed("dsp-0000001")).isTrue();
    assertThat(outcomes.outcome("dsp-0000001")).contains("ok");
  }

  @Test
  void aStaffRequestKeyIsCommittedForTheLoginThatSentItOnly() throws Exception {
    TestDatabase db = TestDatabase.fresh();
    CommitOutcomes support = new CommitOutcomes(db.access("demo_support"));
    CommitOutcomes admin = new CommitOutcomes(db.access("demo_admin"));
    assertThat(support.committed("ws-0000001")).isFalse();

    try (Connection c = db.as("demo_support")) {
      Fixtures.update(
          c,
          "INSERT INTO staff_requests (idempotency_key, action, fingerprint)"
              + " VALUES ('ws-0000001', 'workspace.add_note', 'f')");
    }
    assertThat(support.committed("ws-0000001")).isTrue();
    assertThat(support.outcome("ws-0000001")).contains("ok");
    // Each login sees only its own keys: a colleague's is not theirs to settle.
    assertThat(admin.committed("ws-0000001")).isFalse();
  }
}
