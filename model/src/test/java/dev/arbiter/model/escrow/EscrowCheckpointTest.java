package dev.arbiter.model.escrow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.model.common.IllegalStatusChangeException;
import dev.arbiter.model.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EscrowCheckpointTest {

  @Test
  void theMarketplaceOnlySubmitsOrCancelsEveryOtherMoveIsFinances() {
    Set<CheckpointStatus> direct = EnumSet.noneOf(CheckpointStatus.class);
    for (CheckpointStatus from : CheckpointStatus.values()) {
      for (CheckpointStatus to : from.nextStatuses()) {
        if (!from.requiresMoneyFunction(to)) {
          assertThat(from).isEqualTo(CheckpointStatus.PENDING);
          direct.add(to);
        }
      }
    }
    assertThat(direct)
        .containsExactlyInAnyOrder(CheckpointStatus.SUBMITTED, CheckpointStatus.CANCELLED);
  }

  @Test
  void releasedRefundedAndCancelledCheckpointsAreFinal() {
    for (CheckpointStatus s : CheckpointStatus.values()) {
      boolean terminal = CheckpointStatus.rules().isTerminal(s);
      assertThat(terminal)
          .as(s.name())
          .isEqualTo(
              EnumSet.of(
                      CheckpointStatus.RELEASED,
                      CheckpointStatus.REFUNDED,
                      CheckpointStatus.CANCELLED)
                  .contains(s));
    }
    assertThat(CheckpointStatus.APPROVED.canMoveTo(CheckpointStatus.RELEASED)).isTrue();
    assertThat(CheckpointStatus.SUBMITTED.canMoveTo(CheckpointStatus.RELEASED)).isFalse();
  }

  @Test
  void submittingRecordsWhoAndWhenAndCannotBeRepeated() {
    EscrowCheckpoint checkpoint = newCheckpoint(new BigDecimal("4.00"));
    Instant when = Instant.parse("2026-03-01T12:00:00Z");

    checkpoint.submit("user:17", when);

    assertThat(checkpoint.getStatus()).isEqualTo(CheckpointStatus.SUBMITTED);
    assertThat(checkpoint.getSubmittedAt()).isEqualTo(when);
    assertThat(checkpoint.getStatus().isAwaitingReview()).isTrue();
    assertThatThrownBy(() -> checkpoint.submit("user:17", when))
        .isInstanceOf(IllegalStatusChangeException.class);
    assertThatThrownBy(checkpoint::cancel)
        .isInstanceOfSatisfying(
            IllegalStatusChangeException.class, e -> assertThat(e.moneyFunctionOnly()).isFalse());
  }

  @Test
  void csatGateNeedsAScoreAtLeastTheThreshold() {
    EscrowCheckpoint gated = newCheckpoint(new BigDecimal("4.00"));
    assertThat(gated.csatGatePasses(new BigDecimal("4.0"))).isTrue();
    assertThat(gated.csatGatePasses(new BigDecimal("3.99"))).isFalse();
    assertThat(gated.csatGatePasses(null)).isFalse();
    assertThat(newCheckpoint(null).csatGatePasses(null)).isTrue();
  }

  @Test
  void aCheckpointPaysOutAPositiveAmount() {
    assertThatThrownBy(
            () ->
                new EscrowCheckpoint(
                    1L, 1, "Draft", Money.zero("USD"), ApprovalRequirement.SINGLE, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ApprovalRequirement.DUAL.requiredApprovers()).isEqualTo(2);
  }

  private static EscrowCheckpoint newCheckpoint(BigDecimal threshold) {
    return new EscrowCheckpoint(
        1L, 1, "Wireframes", Money.of(25_000, "USD"), ApprovalRequirement.DUAL, threshold);
  }
}
