package dev.arbiter.persistence.moderation;

import static dev.arbiter.persistence.moderation.ModerationFixture.SECOND_MODERATOR;
import static dev.arbiter.persistence.moderation.ModerationFixture.count;
import static dev.arbiter.persistence.moderation.ModerationFixture.exec;
import static dev.arbiter.persistence.moderation.ModerationFixture.flag;
import static dev.arbiter.persistence.moderation.ModerationFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The moderation functions and the claim guard, called as raw SQL by each role. */
class ModerationFunctionsIT {

  private static TestDatabase db;

  private Connection owner;
  private Connection moderator;
  private Connection moderator2;
  private long author;
  private long message;

  @BeforeAll
  static void createDatabase() throws SQLException {
    db = TestDatabase.fresh();
    ModerationFixture.secondModerator(db);
  }

  @BeforeEach
  void openItem() throws SQLException {
    owner = db.migrator();
    moderator = db.as("demo_moderator");
    moderator2 = DriverManager.getConnection(db.jdbcUrl(), SECOND_MODERATOR, "demo");
    author = ModerationFixture.user(owner);
    message = ModerationFixture.message(owner, author, "pay me on the side, outside the site");
    for (String severity : new String[] {"low", "high", "medium"}) {
      flag(owner, "dispute_message", message, ModerationFixture.user(owner), "spam", severity);
    }
  }

  @AfterEach
  void close() throws SQLException {
    owner.close();
    moderator.close();
    moderator2.close();
  }

  @Test
  void claimByAnotherModeratorIsRefusedWhileItRuns() throws SQLException {
    claim(moderator, message);

    assertThatThrownBy(() -> claim(moderator2, message))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("claimed by demo_moderator")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("MD001");
    assertThat(text(owner, "SELECT assigned_to FROM moderation_items WHERE entity_id = ?", message))
        .isEqualTo("demo_moderator");
  }

  @Test
  void aDecisionIsNeverARawUpdateEvenOnAnItemSomeoneElseClaimed() throws SQLException {
    claim(moderator, message);

    assertThatThrownBy(
            () ->
                exec(
                    moderator2,
                    "UPDATE moderation_flags SET status = 'dismissed', decision = 'dismiss',"
                        + " decided_by = session_user, decided_at = now()"
                        + " WHERE entity_type = 'dispute_message' AND entity_id = ?",
                    message))
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("42501");
    assertThat(openFlags(message)).isEqualTo(3);
  }

  @Test
  void anExpiredClaimCanBeTakenOver() throws SQLException {
    claim(moderator, message);
    exec(
        owner,
        "UPDATE moderation_flags SET claimed_at = now() - interval '31 minutes'"
            + " WHERE entity_type = 'dispute_message' AND entity_id = ?",
        message);

    claim(moderator2, message);

    assertThat(
            count(
                owner,
                "SELECT count(*) FROM moderation_flags WHERE entity_id = ? AND entity_type ="
                    + " 'dispute_message' AND assigned_to = ?",
                message,
                SECOND_MODERATOR))
        .isEqualTo(3);
  }

  @Test
  void decidingRequiresAClaim() throws SQLException {
    assertThatThrownBy(() -> decide(moderator, message, "dismiss", "no_violation", null, null))
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("MD003");
  }

  @Test
  void hidingContentClosesEveryOpenFlagOnTheItemInOneGo() throws SQLException {
    long otherMessage = ModerationFixture.message(owner, author, "another message");
    flag(owner, "dispute_message", otherMessage, author, "harassment", "low");
    claim(moderator, message);

    long decision =
        decide(moderator, message, "hide_content", "off_platform_payment", "link", null);

    assertThat(openFlags(message)).isZero();
    assertThat(
            count(
                owner,
                "SELECT count(*) FROM moderation_flags WHERE entity_type = 'dispute_message'"
                    + " AND entity_id = ? AND status = 'actioned' AND decision = 'hide_content'"
                    + " AND decided_by = 'demo_moderator'"
                    + " AND decision_reason = 'off_platform_payment: link'",
                message))
        .isEqualTo(3);
    assertThat(
            text(owner, "SELECT hidden_at IS NOT NULL FROM dispute_messages WHERE id = ?", message))
        .isEqualTo("t");
    assertThat(
            count(
                owner,
                "SELECT count(*) FROM moderation_hidden_content WHERE decision_id = ?",
                decision))
        .isEqualTo(1);
    assertThat(text(owner, "SELECT status FROM moderation_items WHERE entity_id = ?", message))
        .isEqualTo("actioned");
    assertThat(openFlags(otherMessage)).isEqualTo(1);
    assertThat(
            count(
                owner,
                "SELECT count(*) FROM audit_log WHERE entity_type = 'moderation_decisions'"
                    + " AND entity_id = ? AND actor = 'demo_moderator' AND action = 'insert'",
                Long.toString(decision)))
        .isEqualTo(1);
  }

  @Test
  void suspendingSetsTheUserStatusAndIsAudited() throws SQLException {
    claim(moderator, message);

    decide(moderator, message, "suspend_user", "harassment", null, "3 days");

    assertThat(text(owner, "SELECT status FROM users WHERE id = ?", author)).isEqualTo("suspended");
    assertThat(
            text(
                owner,
                "SELECT suspended_until BETWEEN now() + interval '71 hours'"
                    + " AND now() + interval '73 hours' FROM users WHERE id = ?",
                author))
        .isEqualTo("t");
    assertThat(
            count(
                owner,
                "SELECT count(*) FROM audit_log WHERE entity_type = 'users' AND entity_id = ?"
                    + " AND actor = 'demo_moderator' AND new_values ->> 'status' = 'suspended'",
                Long.toString(author)))
        .isEqualTo(1);
  }

  @Test
  void undoRestoresTheUserAndReopensTheFlagsAsItsOwnAuditedAction() throws SQLException {
    claim(moderator, message);
    long decision = decide(moderator, message, "suspend_user", "fraud", null, "1 day");

    exec(moderator2, "SELECT moderation_undo(?)", decision);

    assertThat(text(owner, "SELECT status FROM users WHERE id = ?", author)).isEqualTo("active");
    assertThat(text(owner, "SELECT suspended_until FROM users WHERE id = ?", author)).isNull();
    assertThat(openFlags(message)).isEqualTo(3);
    assertThat(text(owner, "SELECT assigned_to FROM moderation_items WHERE entity_id = ?", message))
        .isEqualTo(SECOND_MODERATOR);
    assertThat(text(owner, "SELECT undone_by FROM moderation_decisions WHERE id = ?", decision))
        .isEqualTo(SECOND_MODERATOR);
    assertThat(
            count(
                owner,
                "SELECT count(*) FROM audit_log WHERE entity_type = 'moderation_decisions'"
                    + " AND entity_id = ? AND action = 'update' AND actor = ?",
                Long.toString(decision),
                SECOND_MODERATOR))
        .isEqualTo(1);
    assertThatThrownBy(() -> exec(moderator, "SELECT moderation_undo(?)", decision))
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("MD005");
  }

  @Test
  void undoRestoresHiddenContent() throws SQLException {
    claim(moderator, message);
    long decision = decide(moderator, message, "hide_content", "spam", null, null);

    exec(moderator, "SELECT moderation_undo(?)", decision);

    assertThat(text(owner, "SELECT hidden_at FROM dispute_messages WHERE id = ?", message))
        .isNull();
    assertThat(
            count(
                owner,
                "SELECT count(*) FROM moderation_hidden_content WHERE entity_id = ?",
                message))
        .isZero();
  }

  @Test
  void undoIsRefusedAfterTheDayOfTheDecision() throws SQLException {
    claim(moderator, message);
    long decision = decide(moderator, message, "warn_user", "spam", null, null);
    exec(
        owner,
        "UPDATE moderation_decisions SET decided_at = now() - interval '2 days' WHERE id = ?",
        decision);

    assertThatThrownBy(() -> exec(moderator, "SELECT moderation_undo(?)", decision))
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("MD006");
    assertThat(text(owner, "SELECT status FROM users WHERE id = ?", author)).isEqualTo("warned");
  }

  @Test
  void supportMayReadTheQueueButNeitherClaimNorDecide() throws SQLException {
    try (Connection support = db.as("demo_support")) {
      assertThat(
              count(support, "SELECT count(*) FROM moderation_items WHERE entity_id = ?", message))
          .isEqualTo(1);
      assertThatThrownBy(() -> claim(support, message))
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("42501");
      assertThatThrownBy(
              () ->
                  exec(
                      support,
                      "UPDATE moderation_flags SET status = 'dismissed' WHERE entity_id = ?",
                      message))
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("42501");
    }
    assertThat(openFlags(message)).isEqualTo(3);
  }

  @Test
  void theRoleCheckInsideTheFunctionHoldsEvenIfExecuteIsGrantedWrongly() throws SQLException {
    exec(owner, "GRANT EXECUTE ON FUNCTION moderation_claim(text, bigint) TO arbiter_finance");
    try (Connection finance = db.as("demo_finance")) {
      assertThatThrownBy(() -> claim(finance, message))
          .hasMessageContaining("only moderators and admins")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("42501");
    } finally {
      exec(owner, "REVOKE EXECUTE ON FUNCTION moderation_claim(text, bigint) FROM arbiter_finance");
    }
  }

  @Test
  void adminsMayDecideFlags() throws SQLException {
    try (Connection admin = db.as("demo_admin")) {
      claim(admin, message);
      decide(admin, message, "dismiss", "no_violation", "satire", null);
    }
    assertThat(text(owner, "SELECT status FROM moderation_items WHERE entity_id = ?", message))
        .isEqualTo("dismissed");
  }

  @Test
  void aNewFlagOnAClaimedItemJoinsTheClaim() throws SQLException {
    claim(moderator, message);

    long late = flag(owner, "dispute_message", message, author, "fraud", "critical");

    assertThat(text(owner, "SELECT assigned_to FROM moderation_flags WHERE id = ?", late))
        .isEqualTo("demo_moderator");
    assertThat(
            text(
                owner,
                "SELECT open_count || ':' || max_severity_rank FROM moderation_items"
                    + " WHERE entity_type = 'dispute_message' AND entity_id = ?",
                message))
        .isEqualTo("4:4");
  }

  private long openFlags(long messageId) throws SQLException {
    return count(
        owner,
        "SELECT count(*) FROM moderation_flags WHERE entity_type = 'dispute_message'"
            + " AND entity_id = ? AND status = 'open'",
        messageId);
  }

  private static void claim(Connection c, long messageId) throws SQLException {
    exec(c, "SELECT moderation_claim('dispute_message', ?)", messageId);
  }

  private static long decide(
      Connection c, long messageId, String decision, String reason, String note, String duration)
      throws SQLException {
    return Long.parseLong(
        text(
            c,
            "SELECT moderation_decide('dispute_message', ?, ?, ?, ?, CAST(? AS interval))",
            messageId,
            decision,
            reason,
            note,
            duration));
  }
}
