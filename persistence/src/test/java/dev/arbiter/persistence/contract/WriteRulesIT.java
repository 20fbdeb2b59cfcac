package dev.arbiter.persistence.contract;

import static dev.arbiter.persistence.contract.Fixtures.update;
import static dev.arbiter.persistence.contract.Fixtures.value;
import static dev.arbiter.persistence.contract.Transactions.refusedLeavingNothing;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.contract.Fixtures.Seed;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules on how rows change, whoever writes: legal status moves only (money moves only as the
 * owner, inside the finance functions), no write based on a stale version, and nobody writing in
 * someone else's name. Refused transactions leave no row and no audit entry behind.
 */
class WriteRulesIT {

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
  void disputeCannotJumpFromOpenToResolvedForSupport() throws SQLException {
    long dispute = Fixtures.dispute(owner, seed.contract(), seed.client());
    try (Connection support = db.as("demo_support")) {
      SQLException refusal =
          refusedLeavingNothing(
              db,
              support,
              "23514",
              "dispute_status_transition",
              c -> {
                update(c, "UPDATE disputes SET priority = 'high' WHERE id = ?", dispute);
                update(c, "UPDATE disputes SET status = 'resolved' WHERE id = ?", dispute);
              });
      assertThat(refusal.getMessage()).contains("open -> resolved");
      // The legal first step is accepted for the same login.
      assertThat(
              update(support, "UPDATE disputes SET status = 'under_review' WHERE id = ?", dispute))
          .isEqualTo(1);
    }
    assertThat(value(owner, "SELECT priority FROM disputes WHERE id = ?", dispute))
        .isEqualTo("normal");
  }

  @Test
  void disputeCannotJumpFromOpenToResolvedEvenForTheOwner() throws SQLException {
    long dispute = Fixtures.dispute(owner, seed.contract(), seed.client());
    refusedLeavingNothing(
        db,
        owner,
        "23514",
        "dispute_status_transition",
        c ->
            update(
                c,
                "UPDATE disputes SET status = 'resolved', outcome = 'dismissed', resolved_at = now(),"
                    + " resolved_by = 'demo_support' WHERE id = ?",
                dispute));
    assertThat(value(owner, "SELECT status FROM disputes WHERE id = ?", dispute)).isEqualTo("open");
  }

  @Test
  void checkpointIsReleasedOnlyThroughTheMoneyFunctions() throws SQLException {
    long checkpoint = Fixtures.checkpoint(owner, seed.escrow(), "approved");
    try (Connection backend = db.as("demo_backend")) {
      SQLException refusal =
          refusedLeavingNothing(
              db,
              backend,
              "42501",
              "checkpoint_status_transition",
              c ->
                  update(
                      c,
                      "UPDATE escrow_checkpoints SET status = 'released' WHERE id = ?",
                      checkpoint));
      assertThat(refusal.getMessage()).contains("money functions");
    }
    try (Connection finance = db.as("demo_finance")) {
      SQLException refusal =
          refusedLeavingNothing(
              db,
              finance,
              "42501",
              null,
              c ->
                  update(
                      c,
                      "UPDATE escrow_checkpoints SET status = 'released' WHERE id = ?",
                      checkpoint));
      assertThat(refusal.getMessage()).contains("permission denied");
    }
    // The owner (inside a money function) may make the move.
    assertThat(
            update(
                owner,
                "UPDATE escrow_checkpoints SET status = 'released', released_minor = amount_minor,"
                    + " released_at = now(), released_by = 'demo_finance', payout_reference = ?"
                    + " WHERE id = ?",
                "PO-" + Fixtures.next(),
                checkpoint))
        .isEqualTo(1);
  }

  @Test
  void backendCannotOpenADisputeInALaterStatus() throws SQLException {
    try (Connection backend = db.as("demo_backend")) {
      SQLException refusal =
          refusedLeavingNothing(
              db,
              backend,
              "42501",
              null,
              c ->
                  update(
                      c,
                      "INSERT INTO disputes (reference, contract_id, opened_by, reason_code,"
                          + " amount_disputed_minor, currency, status) VALUES (?, ?, ?, 'scope', 10,"
                          + " 'USD', 'under_review')",
                      Fixtures.disputeReference(),
                      seed.contract(),
                      seed.client()));
      assertThat(refusal.getMessage()).contains("permission denied");
      // A flag starts open and unclaimed: the backend may not even name those columns.
      refusedLeavingNothing(
          db,
          backend,
          "42501",
          null,
          c ->
              update(
                  c,
                  "INSERT INTO moderation_flags (entity_type, entity_id, reporter_id, reason,"
                      + " severity, status, decision, decided_by, decided_at) VALUES ('user', 1, ?,"
                      + " 'spam', 'low', 'actioned', 'warn_user', 'demo_backend', now())",
                  seed.client()));
    }
  }

  @Test
  void staleVersionWriteIsRefusedWithSerializationFailure() throws SQLException {
    long dispute = Fixtures.dispute(owner, seed.contract(), seed.client());
    try (Connection first = db.as("demo_support");
        Connection second = db.as("demo_support")) {
      int read =
          ((Number) value(first, "SELECT version FROM disputes WHERE id = ?", dispute)).intValue();
      // Another console saves first, the way Hibernate does: version read + 1.
      assertThat(
              update(
                  second,
                  "UPDATE disputes SET priority = 'high', version = ? WHERE id = ?",
                  read + 1,
                  dispute))
          .isEqualTo(1);
      SQLException refusal =
          refusedLeavingNothing(
              db,
              first,
              "40001",
              null,
              c ->
                  update(
                      c,
                      "UPDATE disputes SET priority = 'urgent', version = ? WHERE id = ?",
                      read + 1,
                      dispute));
      assertThat(refusal.getMessage()).contains("stale version");
      // A writer that leaves the version out still gets it bumped.
      update(first, "UPDATE disputes SET priority = 'low' WHERE id = ?", dispute);
    }
    assertThat(
            value(owner, "SELECT priority || ':' || version FROM disputes WHERE id = ?", dispute))
        .isEqualTo("low:2");
  }

  @Test
  void moderatorDecidesOnlyThroughTheFunctionsNeverByAnUpdate() throws SQLException {
    long flag = Fixtures.flag(owner, seed.client());
    try (Connection moderator = db.as("demo_moderator")) {
      for (String decider : new String[] {"demo_admin", "demo_moderator"}) {
        refusedLeavingNothing(
            db,
            moderator,
            "42501",
            null,
            c ->
                update(
                    c,
                    "UPDATE moderation_flags SET status = 'dismissed', decision = 'dismiss',"
                        + " decided_by = ?, decided_at = now() WHERE id = ?",
                    decider,
                    flag));
      }
    }
  }

  @Test
  void backendCannotWriteAMessageInAStaffMembersName() throws SQLException {
    try (Connection backend = db.as("demo_backend")) {
      refusedLeavingNothing(
          db,
          backend,
          "42501",
          null,
          c ->
              update(
                  c,
                  "INSERT INTO dispute_messages (dispute_id, author_staff, visibility, body)"
                      + " VALUES (?, 'demo_support', 'internal', 'approve it')",
                  seed.dispute()));
      assertThat(
              update(
                  backend,
                  "INSERT INTO dispute_messages (dispute_id, author_user_id, visibility, body)"
                      + " VALUES (?, ?, 'parties', 'where is my logo?')",
                  seed.dispute(),
                  seed.client()))
          .isEqualTo(1);
    }
  }
}
