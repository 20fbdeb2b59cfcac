package dev.arbiter.app.releases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.SynchronousTaskRunner;
import dev.arbiter.app.common.command.ManualLater;
import dev.arbiter.persistence.escrow.CheckpointDetail;
import dev.arbiter.persistence.ledger.MoneyResult;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Approve is offered only when it can apply, and otherwise says why before anyone clicks. */
class CheckpointApproveRuleTest {

  private CheckpointDetail detail = Details.submitted().build();
  private final CheckpointViewModel model =
      new CheckpointViewModel(
          new CheckpointViewModel.Gateway(
              id -> Optional.of(detail),
              (action, basis) -> MoneyResult.parse("{\"outcome\": \"ok\"}"),
              release -> MoneyResult.parse("{\"outcome\": \"ok\"}")),
          new SynchronousTaskRunner(),
          ManualLater.runner(new SynchronousTaskRunner(), key -> false),
          Locale.US,
          Clock.fixed(Details.NOW, ZoneOffset.UTC),
          ZoneOffset.UTC,
          "demo_finance",
          () -> {});

  @Test
  void aSubmittedCheckpointTheReviewerHasNotDecidedCanBeApproved() {
    model.open(7);

    assertThat(model.approveDisabledProperty().get()).isFalse();
    assertThat(model.approveRefusalProperty().get()).isEmpty();
  }

  @Test
  void approveIsDisabledOnceTheReviewerApprovedThisSubmissionAndSaysWhy() {
    detail = Details.submitted().approvedBy("demo_finance", "Fay Finance").build();

    model.open(7);

    assertThat(model.approveDisabledProperty().get()).isTrue();
    assertThat(model.approveRefusalProperty().get())
        .isEqualTo("You already approved this submission; another reviewer must approve it.");
  }

  @Test
  void anApprovalOfAnEarlierSubmissionDoesNotCount() {
    detail =
        Details.submitted()
            .approvedBy("demo_finance", "Fay Finance", Details.NOW.minusSeconds(3_600))
            .build();

    model.open(7);

    assertThat(model.approveDisabledProperty().get()).isFalse();
  }

  @Test
  void approveIsDisabledOnACheckpointThatIsNoLongerUpForApproval() {
    detail = Details.submitted().status("released").build();

    model.open(7);

    assertThat(model.approveDisabledProperty().get()).isTrue();
    assertThat(model.approveRefusalProperty().get())
        .isEqualTo(
            "Only a submitted or approved checkpoint can be approved; this one is released.");
  }

  @Test
  void theRequesterCannotApproveTheirOwnRelease() {
    CheckpointViewModel requester =
        new CheckpointViewModel(
            new CheckpointViewModel.Gateway(
                id -> Optional.of(detail),
                (action, basis) -> MoneyResult.parse("{\"outcome\": \"ok\"}"),
                release -> MoneyResult.parse("{\"outcome\": \"ok\"}")),
            new SynchronousTaskRunner(),
            ManualLater.runner(new SynchronousTaskRunner(), key -> false),
            Locale.US,
            Clock.fixed(Details.NOW, ZoneOffset.UTC),
            ZoneOffset.UTC,
            "requester_login",
            () -> {});

    requester.open(7);

    assertThat(requester.approveRefusalProperty().get())
        .isEqualTo("You requested this release: another reviewer must approve it.");
  }
}
