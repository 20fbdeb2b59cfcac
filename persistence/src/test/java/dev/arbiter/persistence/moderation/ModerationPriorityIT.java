package dev.arbiter.persistence.moderation;

import static dev.arbiter.persistence.moderation.ModerationFixture.decidedFlag;
import static dev.arbiter.persistence.moderation.ModerationFixture.exec;
import static dev.arbiter.persistence.moderation.ModerationFixture.flag;
import static dev.arbiter.persistence.moderation.ModerationFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Reporter accuracy and item priority, computed by the summary triggers, against figures worked out
 * by hand: weight = (actioned + 1) / (decided + 2), score = 10 x top severity + sum of weights.
 */
class ModerationPriorityIT {

  @Test
  void accuracyAndScoreFollowTheReportersRecordAndMoveWhenItChanges() throws SQLException {
    TestDatabase db = TestDatabase.fresh();
    try (Connection owner = db.migrator();
        Connection moderator = db.as("demo_moderator")) {
      long reliable = ModerationFixture.user(owner);
      long noisy = ModerationFixture.user(owner);
      long newcomer = ModerationFixture.user(owner);
      for (int i = 0; i < 3; i++) {
        decidedFlag(owner, reliable, "actioned");
      }
      for (int i = 0; i < 4; i++) {
        decidedFlag(owner, noisy, "dismissed");
      }
      long x = ModerationFixture.user(owner);
      long y = ModerationFixture.user(owner);
      flag(owner, "user", x, reliable, "fraud", "high");
      flag(owner, "user", x, newcomer, "spam", "low");
      flag(owner, "user", y, noisy, "harassment", "critical");
      flag(owner, "user", y, reliable, "spam", "medium");

      assertThat(accuracy(owner, reliable)).isEqualTo("3/3 1.0000 0.8000");
      assertThat(accuracy(owner, noisy)).isEqualTo("4/0 0.0000 0.1667");
      assertThat(accuracy(owner, newcomer)).isNull();
      // x: 10 x 3 + 0.8 + 0.5; y: 10 x 4 + 1/6 + 0.8
      assertThat(score(owner, x)).isEqualTo("31.300 open 2 3 {fraud,spam}");
      assertThat(score(owner, y)).isEqualTo("40.967 open 2 4 {harassment,spam}");

      exec(moderator, "SELECT moderation_claim('user', ?)", x);
      exec(moderator, "SELECT moderation_decide('user', ?, 'dismiss', 'no_violation', NULL)", x);

      // reliable is now 3 actioned of 4 decided: weight 4/6. Its other open item keeps the old
      // score until the queued re-scoring runs, outside the decision's transaction (V52).
      assertThat(accuracy(owner, reliable)).isEqualTo("4/3 0.7500 0.6667");
      assertThat(accuracy(owner, newcomer)).isEqualTo("1/0 0.0000 0.3333");
      assertThat(score(owner, y)).isEqualTo("40.967 open 2 4 {harassment,spam}");
      assertThat(text(moderator, "SELECT moderation_rescore_pending()")).isEqualTo("1");
      assertThat(score(owner, y)).isEqualTo("40.833 open 2 4 {harassment,spam}");
      assertThat(text(moderator, "SELECT moderation_rescore_pending()")).isEqualTo("0");
      assertThat(text(owner, "SELECT status FROM moderation_items WHERE entity_id = ?", x))
          .isEqualTo("dismissed");
    }
  }

  private static String accuracy(Connection c, long reporter) throws SQLException {
    return text(
        c,
        "SELECT decided || '/' || actioned || ' ' || accuracy || ' ' || weight"
            + " FROM moderation_reporter_accuracy WHERE reporter_id = ?",
        reporter);
  }

  private static String score(Connection c, long user) throws SQLException {
    return text(
        c,
        "SELECT score || ' ' || status || ' ' || open_count || ' ' || max_severity_rank || ' '"
            + " || reasons::text FROM moderation_items WHERE entity_type = 'user' AND entity_id = ?",
        user);
  }
}
