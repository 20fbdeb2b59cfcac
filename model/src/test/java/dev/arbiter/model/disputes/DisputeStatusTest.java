package dev.arbiter.model.disputes;

import static dev.arbiter.model.disputes.DisputeStatus.AWAITING_PARTIES;
import static dev.arbiter.model.disputes.DisputeStatus.CLOSED;
import static dev.arbiter.model.disputes.DisputeStatus.ESCALATED;
import static dev.arbiter.model.disputes.DisputeStatus.OPEN;
import static dev.arbiter.model.disputes.DisputeStatus.RESOLVED;
import static dev.arbiter.model.disputes.DisputeStatus.SETTLING;
import static dev.arbiter.model.disputes.DisputeStatus.UNDER_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.model.common.IllegalStatusChangeException;
import dev.arbiter.model.money.Money;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class DisputeStatusTest {

  /** Random walks of legal moves from open; each list element picks among the legal moves. */
  @Provide
  Arbitrary<List<DisputeStatus>> walks() {
    return Arbitraries.integers()
        .between(0, 1000)
        .list()
        .ofMaxSize(40)
        .map(choices -> walk(choices, true));
  }

  /** Random walks that use only moves staff make by writing the status column. */
  @Provide
  Arbitrary<List<DisputeStatus>> directWalks() {
    return Arbitraries.integers()
        .between(0, 1000)
        .list()
        .ofMaxSize(40)
        .map(choices -> walk(choices, false));
  }

  private static List<DisputeStatus> walk(List<Integer> choices, boolean withMoneyMoves) {
    List<DisputeStatus> path = new ArrayList<>(List.of(OPEN));
    for (int choice : choices) {
      DisputeStatus here = path.get(path.size() - 1);
      List<DisputeStatus> next =
          here.nextStatuses().stream()
              .filter(to -> withMoneyMoves || !here.requiresMoneyFunction(to))
              .sorted()
              .toList();
      if (next.isEmpty()) {
        break;
      }
      path.add(next.get(choice % next.size()));
    }
    return path;
  }

  @Property(seed = "20261207")
  void resolvedIsEnteredOnlyFromSettlingThroughTheSettlementFunction(
      @ForAll("walks") List<DisputeStatus> walk) {
    for (int i = 1; i < walk.size(); i++) {
      if (walk.get(i) == RESOLVED) {
        assertThat(walk.get(i - 1)).isEqualTo(SETTLING);
        assertThat(SETTLING.requiresMoneyFunction(RESOLVED)).isTrue();
      }
    }
  }

  @Property(seed = "20261207")
  void closedEndsEveryWalkThatReachesIt(@ForAll("walks") List<DisputeStatus> walk) {
    int closed = walk.indexOf(CLOSED);
    if (closed >= 0) {
      assertThat(closed).isEqualTo(walk.size() - 1);
      assertThat(walk.get(closed - 1)).isEqualTo(RESOLVED);
    }
  }

  @Property(seed = "20261207")
  void aCaseNeverReturnsToOpen(@ForAll("walks") List<DisputeStatus> walk) {
    assertThat(walk.subList(1, walk.size())).doesNotContain(OPEN);
  }

  @Property(seed = "20261207")
  void anEscalatedCaseNeverGoesBackToReviewOrTheParties(@ForAll("walks") List<DisputeStatus> walk) {
    int escalated = walk.indexOf(ESCALATED);
    if (escalated >= 0) {
      assertThat(walk.subList(escalated, walk.size()))
          .doesNotContain(OPEN, UNDER_REVIEW, AWAITING_PARTIES);
    }
  }

  @Property(seed = "20261207")
  void staffAloneCanNeverResolveOrCloseACase(@ForAll("directWalks") List<DisputeStatus> walk) {
    assertThat(walk).doesNotContain(RESOLVED, CLOSED);
  }

  @Property(seed = "20261207")
  void theEntityAcceptsExactlyTheDirectMoves(
      @ForAll("directWalks") List<DisputeStatus> walk, @ForAll DisputeStatus attempt) {
    Dispute dispute = newDispute();
    for (DisputeStatus step : walk.subList(1, walk.size())) {
      dispute.moveTo(step);
    }
    DisputeStatus here = dispute.getStatus();
    boolean direct = here.canMoveTo(attempt) && !here.requiresMoneyFunction(attempt);

    if (direct) {
      dispute.moveTo(attempt);
      assertThat(dispute.getStatus()).isEqualTo(attempt);
    } else {
      assertThatThrownBy(() -> dispute.moveTo(attempt))
          .isInstanceOf(IllegalStatusChangeException.class)
          .satisfies(
              e ->
                  assertThat(((IllegalStatusChangeException) e).moneyFunctionOnly())
                      .isEqualTo(here.canMoveTo(attempt)));
      assertThat(dispute.getStatus()).isEqualTo(here);
    }
  }

  @Example
  void everyStatusIsReachableFromOpen() {
    Set<DisputeStatus> seen = EnumSet.of(OPEN);
    Deque<DisputeStatus> todo = new ArrayDeque<>(seen);
    while (!todo.isEmpty()) {
      for (DisputeStatus next : todo.pop().nextStatuses()) {
        if (seen.add(next)) {
          todo.push(next);
        }
      }
    }
    assertThat(seen).containsExactlyInAnyOrder(DisputeStatus.values());
  }

  @Example
  void onlyResolvedAndClosedAreNotOpenWorkAndOnlyClosedIsTerminal() {
    assertThat(EnumSet.allOf(DisputeStatus.class).stream().filter(s -> !s.isOpen()))
        .containsExactlyInAnyOrder(RESOLVED, CLOSED);
    assertThat(
            EnumSet.allOf(DisputeStatus.class).stream().filter(DisputeStatus.rules()::isTerminal))
        .containsExactly(CLOSED);
    assertThat(DisputeStatus.rules().initial()).isEqualTo(OPEN);
  }

  @Example
  void refusingASettlementMoveExplainsThatFinanceMakesIt() {
    Dispute dispute = newDispute();
    dispute.moveTo(UNDER_REVIEW);
    dispute.moveTo(ESCALATED);
    dispute.moveTo(SETTLING);

    assertThatThrownBy(() -> dispute.moveTo(RESOLVED))
        .isInstanceOf(IllegalStatusChangeException.class)
        .hasMessage("A dispute moves from settling to resolved only through its finance action.");
    assertThatThrownBy(() -> dispute.moveTo(OPEN))
        .hasMessage("A dispute cannot move from settling to open.");
  }

  private static Dispute newDispute() {
    return new Dispute(
        "DSP-000042",
        1L,
        null,
        null,
        7L,
        ReasonCode.QUALITY,
        DisputePriority.NORMAL,
        Money.of(5000, "USD"));
  }
}
