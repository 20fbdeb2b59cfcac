package dev.arbiter.model.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.model.common.IllegalStatusChangeException;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ModerationFlagTest {

  private static final Instant NOW = Instant.parse("2026-02-01T09:30:00Z");

  /** A moderator's action: a decision, or null to reopen. */
  @Provide
  Arbitrary<List<FlagDecision>> actions() {
    return Arbitraries.of(FlagDecision.class).injectNull(0.4).list().ofMaxSize(12);
  }

  @Property(seed = "20261207")
  void anySequenceOfDecisionsKeepsTheDatabasesInvariants(
      @ForAll("actions") List<FlagDecision> actions) {
    ModerationFlag flag = newFlag();
    for (FlagDecision action : actions) {
      FlagStatus before = flag.getStatus();
      boolean legal = action == null ? before != FlagStatus.OPEN : before == FlagStatus.OPEN;
      try {
        if (action == null) {
          flag.reopen();
        } else {
          flag.decide(action, "seen it", "demo_moderator", NOW);
        }
        assertThat(legal).as("accepted %s from %s", action, before).isTrue();
      } catch (IllegalStatusChangeException refused) {
        assertThat(legal).as("refused %s from %s", action, before).isFalse();
        assertThat(flag.getStatus()).isEqualTo(before);
      }
      // The CHECKs on moderation_flags, restated.
      assertThat(flag.getStatus() == FlagStatus.OPEN).isEqualTo(flag.getDecision() == null);
      assertThat(flag.getStatus() == FlagStatus.DISMISSED)
          .isEqualTo(flag.getDecision() == FlagDecision.DISMISS);
      if (flag.getDecision() != null) {
        assertThat(flag.getDecidedBy()).isNotNull();
        assertThat(flag.getDecidedAt()).isNotNull();
      }
    }
  }

  @Example
  void aDecisionNeedsAReasonAndAClaimNeedsATime() {
    ModerationFlag flag = newFlag();
    assertThatThrownBy(() -> flag.decide(FlagDecision.WARN_USER, " ", "demo_moderator", NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(flag.getStatus()).isEqualTo(FlagStatus.OPEN);

    flag.claim("demo_moderator", NOW);
    assertThat(flag.getClaimedAt()).isEqualTo(NOW);
    flag.unclaim();
    assertThat(flag.getAssignedTo()).isNull();
    assertThat(flag.getClaimedAt()).isNull();
  }

  @Example
  void severityRanksMatchTheGeneratedColumn() {
    assertThat(Severity.LOW.rank()).isEqualTo(1);
    assertThat(Severity.CRITICAL.rank()).isEqualTo(4);
  }

  private static ModerationFlag newFlag() {
    return new ModerationFlag(
        FlaggedEntityType.DISPUTE_MESSAGE, 42, 7L, FlagReason.HARASSMENT, Severity.HIGH, null);
  }
}
