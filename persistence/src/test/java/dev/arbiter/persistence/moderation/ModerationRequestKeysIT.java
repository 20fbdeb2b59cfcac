package dev.arbiter.persistence.moderation;

import static dev.arbiter.persistence.moderation.ModerationFixture.SECOND_MODERATOR;
import static dev.arbiter.persistence.moderation.ModerationFixture.count;
import static dev.arbiter.persistence.moderation.ModerationFixture.exec;
import static dev.arbiter.persistence.moderation.ModerationFixture.flag;
import static dev.arbiter.persistence.moderation.ModerationFixture.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.model.moderation.FlagDecision;
import dev.arbiter.persistence.session.CommitOutcomes;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Decisions under a request key (V81): replayed once, refused for others, kept with the decision.
 */
class ModerationRequestKeysIT {

  private static TestDatabase db;

  private Connection owner;
  private ModerationDecisionService moderator;
  private ModerationDecisionService moderator2;
  private long message;
  private List<Long> open;

  @BeforeAll
  static void createDatabase() throws SQLException {
    db = TestDatabase.fresh();
    ModerationFixture.secondModerator(db);
  }

  @BeforeEach
  void openItem() throws SQLException {
    owner = db.migrator();
    moderator = new ModerationDecisionService(db.access("demo_moderator"));
    moderator2 = new ModerationDecisionService(db.access(SECOND_MODERATOR));
    long author = ModerationFixture.user(owner);
    message = ModerationFixture.message(owner, author, "pay me outside the site");
    open =
        List.of(
            flag(owner, "dispute_message", message, ModerationFixture.user(owner), "spam", "low"),
            flag(owner, "dispute_message", message, ModerationFixture.user(owner), "spam", "high"));
  }

  @AfterEach
  void close() throws SQLException {
    owner.close();
  }

  @Test
  void aDecisionSentTwiceUnderItsKeyActsOnceAndAnswersTheSameId() throws SQLException {
    String key = ModerationDecisionService.newRequestKey();
    moderator.claim(item());

    long first = moderator.decide(dismiss(), open, key);
    long again = moderator.decide(dismiss(), open, key);

    assertThat(again).isEqualTo(first);
    assertThat(decisions()).isEqualTo(1);
    assertThat(text(owner, "SELECT staff_login FROM staff_requests WHERE idempotency_key = ?", key))
        .isEqualTo("demo_moderator");
    assertThat(
            text(
                owner,
                "SELECT action || ' ' || (result ->> 'decision_id') FROM staff_requests"
                    + " WHERE idempotency_key = ?",
                key))
        .isEqualTo("moderation.decide " + first);
    // Recorded as the moderator's own request, so a commit check by its key finds it.
    assertThat(new CommitOutcomes(db.access("demo_moderator")).committed(key)).isTrue();
  }

  @Test
  void theSameKeyForAnotherDecisionIsRefused() {
    String key = ModerationDecisionService.newRequestKey();
    moderator.claim(item());
    moderator.decide(dismiss(), open, key);
    long other = otherMessage();
    moderator.claim(ItemKey.of("dispute_message", other));

    assertThatThrownBy(
            () ->
                moderator.decide(
                    dismiss().forItem(ItemKey.of("dispute_message", other)), openFlags(other), key))
        .isInstanceOfSatisfying(
            ModerationRefusal.class,
            r -> {
              assertThat(r.kind()).isEqualTo(ModerationRefusal.Kind.REQUEST_KEY_REUSED);
              assertThat(r.getMessage()).contains("already used for another request");
            });
    assertThat(openFlags(other)).hasSize(1);
  }

  @Test
  void anotherLoginsKeyIsRefusedAndItsRecordStaysInvisible() throws SQLException {
    String key = ModerationDecisionService.newRequestKey();
    moderator.claim(item());
    moderator.decide(dismiss(), open, key);
    long other = otherMessage();
    moderator2.claim(ItemKey.of("dispute_message", other));

    assertThatThrownBy(
            () ->
                moderator2.decide(
                    dismiss().forItem(ItemKey.of("dispute_message", other)), openFlags(other), key))
        .isInstanceOfSatisfying(
            ModerationRefusal.class,
            r -> {
              assertThat(r.kind()).isEqualTo(ModerationRefusal.Kind.REQUEST_KEY_REUSED);
              assertThat(r.getMessage()).contains("another login").doesNotContain("demo_moderator");
            });
    assertThat(openFlags(other)).hasSize(1);
    assertThat(new CommitOutcomes(db.access(SECOND_MODERATOR)).committed(key)).isFalse();
  }

  @Test
  void theKeyIsRecordedOnlyWithItsDecision() throws SQLException {
    String key = ModerationDecisionService.newRequestKey();
    moderator.claim(item());

    // Rolled back with the decision: neither the decision nor the key is kept.
    try (Connection c = db.as("demo_moderator")) {
      c.setAutoCommit(false);
      exec(
          c,
          "SELECT moderation_decide_keyed(?, 'dispute_message', ?, ?, 'dismiss', 'no_violation',"
              + " NULL)",
          key,
          message,
          c.createArrayOf("bigint", open.toArray()));
      c.rollback();
    }
    assertThat(keys(key)).isZero();
    assertThat(decisions()).isZero();

    // Refused (the moderator saw fewer flags than are open): nothing recorded, the key stays free.
    assertThatThrownBy(() -> moderator.decide(dismiss(), open.subList(0, 1), key))
        .isInstanceOfSatisfying(
            ModerationRefusal.class,
            r -> assertThat(r.kind()).isEqualTo(ModerationRefusal.Kind.CHANGED_SINCE_SEEN));
    assertThat(keys(key)).isZero();

    moderator.decide(dismiss(), open, key);
    assertThat(keys(key)).isOne();
    assertThat(decisions()).isOne();
  }

  @Test
  void staffCannotRecordAModerationKeyWithoutTheDecision() {
    assertThatThrownBy(
            () -> {
              try (Connection c = db.as("demo_admin")) {
                exec(
                    c,
                    "INSERT INTO staff_requests (idempotency_key, action, fingerprint)"
                        + " VALUES ('mod-forged-0001', 'moderation.decide', 'f')");
              }
            })
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("row-level security")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("42501");
  }

  private ItemKey item() {
    return ItemKey.of("dispute_message", message);
  }

  private DecisionRequest dismiss() {
    return new DecisionRequest(
        item(), FlagDecision.DISMISS, ModerationReason.NO_VIOLATION, "fine", null);
  }

  private long otherMessage() {
    try {
      long author = ModerationFixture.user(owner);
      long other = ModerationFixture.message(owner, author, "another message");
      flag(owner, "dispute_message", other, author, "harassment", "low");
      return other;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<Long> openFlags(long messageId) {
    try {
      String ids =
          text(
              owner,
              "SELECT string_agg(id::text, ',' ORDER BY id) FROM moderation_flags"
                  + " WHERE entity_type = 'dispute_message' AND entity_id = ? AND status = 'open'",
              messageId);
      return ids == null
          ? List.of()
          : java.util.Arrays.stream(ids.split(",")).map(Long::valueOf).toList();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private long decisions() throws SQLException {
    return count(
        owner,
        "SELECT count(*) FROM moderation_decisions WHERE entity_type = 'dispute_message'"
            + " AND entity_id = ?",
        message);
  }

  private long keys(String key) throws SQLException {
    return count(owner, "SELECT count(*) FROM staff_requests WHERE idempotency_key = ?", key);
  }
}
