package dev.arbiter.model.disputes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.model.common.IllegalStatusChangeException;
import dev.arbiter.model.money.Money;
import org.junit.jupiter.api.Test;

class SettlementTest {

  private static final Money DISPUTED = Money.of(10000, "EUR");

  @Test
  void eachOutcomeAcceptsOnlyItsShapeOfShares() {
    assertThat(DisputeOutcome.SPLIT.sharesProblem(6000, 4000, 10000)).isEmpty();
    assertThat(DisputeOutcome.SPLIT.sharesProblem(6000, 3000, 10000)).isPresent();
    assertThat(DisputeOutcome.SPLIT.sharesProblem(10000, 0, 10000)).isPresent();
    assertThat(DisputeOutcome.RELEASE_TO_PAYEE.sharesProblem(10000, 0, 10000)).isEmpty();
    assertThat(DisputeOutcome.RELEASE_TO_PAYEE.sharesProblem(0, 0, 10000)).isPresent();
    assertThat(DisputeOutcome.REFUND_TO_PAYER.sharesProblem(0, 2500, 10000)).isEmpty();
    assertThat(DisputeOutcome.REFUND_TO_PAYER.sharesProblem(1, 2500, 10000)).isPresent();
    assertThat(DisputeOutcome.DISMISSED.sharesProblem(0, 0, 10000)).isEmpty();
    assertThat(DisputeOutcome.DISMISSED.sharesProblem(0, 1, 10000)).isPresent();
    assertThat(DisputeOutcome.RELEASE_TO_PAYEE.sharesProblem(10001, 0, 10000))
        .contains("The shares add up to more than the disputed amount.");
    assertThat(DisputeOutcome.SPLIT.sharesProblem(Long.MAX_VALUE, Long.MAX_VALUE, 10000))
        .isPresent();
  }

  @Test
  void aProposalIsInTheDisputesCurrencyWithAReason() {
    Settlement split =
        Settlement.propose(
            55,
            DISPUTED,
            DisputeOutcome.SPLIT,
            Money.of(6000, "EUR"),
            Money.of(4000, "EUR"),
            "Half done");
    assertThat(split.getStatus()).isEqualTo(SettlementStatus.PROPOSED);
    assertThat(split.getPayee()).isEqualTo(Money.of(6000, "EUR"));

    assertThatThrownBy(
            () ->
                Settlement.propose(
                    55,
                    DISPUTED,
                    DisputeOutcome.SPLIT,
                    Money.of(6000, "USD"),
                    Money.of(4000, "USD"),
                    "Half done"))
        .hasMessageContaining("EUR");
    assertThatThrownBy(
            () ->
                Settlement.propose(
                    55,
                    DISPUTED,
                    DisputeOutcome.DISMISSED,
                    Money.zero("EUR"),
                    Money.zero("EUR"),
                    ""))
        .hasMessage("A settlement needs a reason.");
  }

  @Test
  void supportMayWithdrawButNotExecuteAProposal() {
    Settlement s =
        Settlement.propose(
            55,
            DISPUTED,
            DisputeOutcome.REFUND_TO_PAYER,
            Money.zero("EUR"),
            Money.of(10000, "EUR"),
            "Never delivered");

    // Support withdraws through withdraw_settlement; the rule it applies is this one.
    SettlementStatus.rules().checkDirectMove(s.getStatus(), SettlementStatus.WITHDRAWN);
    assertThatThrownBy(
            () ->
                SettlementStatus.rules()
                    .checkDirectMove(SettlementStatus.WITHDRAWN, SettlementStatus.WITHDRAWN))
        .isInstanceOf(IllegalStatusChangeException.class);
    assertThat(SettlementStatus.PROPOSED.requiresMoneyFunction(SettlementStatus.EXECUTED)).isTrue();
  }
}
