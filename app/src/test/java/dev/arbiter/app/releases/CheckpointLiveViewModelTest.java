package dev.arbiter.app.releases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.SynchronousTaskRunner;
import dev.arbiter.app.common.command.ManualLater;
import dev.arbiter.model.audit.AuditActor;
import dev.arbiter.persistence.escrow.CheckpointAction;
import dev.arbiter.persistence.escrow.CheckpointBasis;
import dev.arbiter.persistence.escrow.CheckpointDetail;
import dev.arbiter.persistence.ledger.MoneyResult;
import dev.arbiter.persistence.session.StaffDatabaseException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The checkpoint view model when others change the checkpoint and when the database goes away. */
class CheckpointLiveViewModelTest {

  private static final String APPROVED =
      "{\"outcome\": \"ok\", \"message\": \"approved\", \"status\": \"approved\"}";
  private static final String STALE =
      "{\"outcome\": \"stale\", \"message\": \"checkpoint 7 changed since you read it\"}";

  private record Call(CheckpointAction action, CheckpointBasis basis) {}

  private final SimpleBooleanProperty online = new SimpleBooleanProperty(true);
  private final List<Call> performed = new ArrayList<>();
  private final Deque<Supplier<MoneyResult>> answers = new ArrayDeque<>();
  private final Set<String> committedKeys = new HashSet<>();
  private CheckpointDetail current;
  private RuntimeException loadFailure;
  private CheckpointViewModel model;

  @BeforeEach
  void open() {
    current = Details.submitted().build();
    model =
        new CheckpointViewModel(
            new CheckpointViewModel.Gateway(
                id -> {
                  if (loadFailure != null) {
                    throw loadFailure;
                  }
                  return Optional.of(current);
                },
                (action, basis) -> {
                  performed.add(new Call(action, basis));
                  return answers.isEmpty() ? MoneyResult.parse(APPROVED) : answers.pop().get();
                },
                release -> MoneyResult.parse(APPROVED)),
            new SynchronousTaskRunner(),
            ManualLater.runner(new SynchronousTaskRunner(), online, committedKeys::contains),
            Locale.US,
            Clock.fixed(Details.NOW, ZoneOffset.UTC),
            ZoneOffset.UTC,
            "demo_finance",
            () -> {});
    model.open(7);
  }

  @Test
  void approvalOnAStaleCheckpointIsRefusedWithTheDiffAndReappliedOnTopInOneClick() {
    Details seen = Details.submitted();
    answers.add(
        () -> {
          current =
              seen.copy()
                  .approvedBy("demo_finance2", "Felix Finance")
                  .audited("demo_finance2", "demo_finance2 decided approve")
                  .build();
          return MoneyResult.parse(STALE);
        });
    model.noteProperty().set("Checked against the brief");

    model.approve();

    assertThat(model.staleDiffProperty().get())
        .isEqualTo("Changed by Felix Finance:\nApprovals: none → Felix Finance approved");
    assertThat(model.reapplyableProperty().get()).isTrue();
    assertThat(model.messageProperty().get())
        .isEqualTo(
            "Not done: the checkpoint changed since you opened it. Check what changed; Re-apply"
                + " sends your approval on top of it.");
    assertThat(model.noteProperty().get()).isEqualTo("Checked against the brief");

    model.reapply();

    assertThat(performed).hasSize(2);
    assertThat(performed.get(0).basis()).isEqualTo(new CheckpointBasis(3, 0));
    assertThat(performed.get(1).basis())
        .isEqualTo(new CheckpointBasis(3, CheckpointBasis.decisionsMark(List.of(Details.NOW))));
    assertThat(performed.get(1).action().idempotencyKey())
        .isNotEqualTo(performed.get(0).action().idempotencyKey());
    assertThat(((CheckpointAction.Approve) performed.get(1).action()).note())
        .isEqualTo("Checked against the brief");
    assertThat(model.messageProperty().get()).isEqualTo("Approved");
    assertThat(model.staleDiffProperty().get()).isEmpty();
    assertThat(model.noteProperty().get()).isEmpty();
  }

  @Test
  void aStaleActionThatIsNoLongerPossibleIsNotOfferedAgain() {
    Details seen = Details.submitted();
    answers.add(
        () -> {
          current =
              seen.copy()
                  .status("on_hold")
                  .hold("KYC check")
                  .version(4)
                  .audited("demo_finance2", "status submitted → on_hold")
                  .build();
          return MoneyResult.parse(STALE);
        });

    model.approve();

    assertThat(model.staleDiffProperty().get())
        .isEqualTo(
            "Changed by demo_finance2:\nStatus: Submitted → On hold\nHold reason: — → “KYC check”");
    assertThat(model.reapplyableProperty().get()).isFalse();
    assertThat(model.messageProperty().get())
        .endsWith("Your approval is no longer possible: the checkpoint is now On hold.");
  }

  @Test
  void aFailedLiveReReadSaysTheCheckpointIsOutOfDateUntilOneSucceeds() {
    loadFailure = new IllegalStateException("canceling statement due to statement timeout");

    model.liveRefresh(() -> {});

    assertThat(model.bannerProperty().get())
        .isEqualTo(
            "This checkpoint could not be brought up to date (Unexpected error: canceling"
                + " statement due to statement timeout). It shows what was read before.");

    loadFailure = null;
    model.liveRefresh(() -> {});

    assertThat(model.bannerProperty().get()).isEmpty();
  }

  @Test
  void whileOfflineActionsRefuseAtOnceAndKeepTheNote() {
    online.set(false);
    model.noteProperty().set("Payee asked for a split");

    model.hold();

    assertThat(performed).isEmpty();
    assertThat(model.messageProperty().get()).isEqualTo(CheckpointViewModel.OFFLINE);
    assertThat(model.noteProperty().get()).isEqualTo("Payee asked for a split");
  }

  @Test
  void aLostCommitThatWasSavedIsSettledByItsKeyAndNotSentAsANewRequest() {
    answers.add(
        () -> {
          committedKeys.add(performed.get(0).action().idempotencyKey());
          throw connectionLost();
        });
    answers.add(
        () ->
            MoneyResult.parse(
                "{\"outcome\": \"ok\", \"message\": \"approved\", \"replayed\": true}"));

    model.approve();

    assertThat(model.settlingProperty().get()).isFalse();
    assertThat(model.messageProperty().get())
        .startsWith("The connection dropped, but it was saved: Approved");
    assertThat(performed).hasSize(2);
    assertThat(performed.get(1).action().idempotencyKey())
        .isEqualTo(performed.get(0).action().idempotencyKey());
    assertThat(model.retryableProperty().get()).isFalse();
  }

  @Test
  void aLostCommitThatWasNotSavedWaitsForTheConnectionThenOffersRetryWithTheSameKey() {
    answers.add(
        () -> {
          online.set(false);
          throw connectionLost();
        });

    model.approve();
    assertThat(model.settlingProperty().get()).isTrue();
    assertThat(model.messageProperty().get())
        .isEqualTo("Connection lost while saving; checking whether it was saved…");

    online.set(true);

    assertThat(model.settlingProperty().get()).isFalse();
    assertThat(model.retryableProperty().get()).isTrue();
    assertThat(model.messageProperty().get())
        .startsWith("It was not saved: the connection dropped first.");
    assertThat(performed).hasSize(1);

    model.retry();

    assertThat(performed).hasSize(2);
    assertThat(performed.get(1).action().idempotencyKey())
        .isEqualTo(performed.get(0).action().idempotencyKey());
    assertThat(model.messageProperty().get()).isEqualTo("Approved");
  }

  @Test
  void aChangeByAnotherReviewerShowsTheBannerAndTheReviewersOwnChangeDoesNot() {
    Details seen = Details.submitted();
    current =
        seen.copy()
            .approvedBy("demo_finance2", "Felix Finance")
            .audited("demo_finance2", "demo_finance2 decided approve")
            .build();
    boolean[] done = {false};

    model.liveRefresh(() -> done[0] = true);

    assertThat(done[0]).isTrue();
    assertThat(model.bannerProperty().get())
        .isEqualTo(
            "Changed by Felix Finance while you had it open: Approvals: none → Felix Finance"
                + " approved");

    model.dismissBanner();
    current =
        seen.copy()
            .approvedBy("demo_finance2", "Felix Finance")
            .audited("demo_finance2", "demo_finance2 decided approve")
            .approvedBy("demo_finance", "Fran Finance")
            .audited("demo_finance", "demo_finance decided approve")
            .build();
    model.liveRefresh(() -> {});

    assertThat(model.bannerProperty().get()).isEmpty();
  }

  @Test
  void aBackendWriteInTheReviewersOwnNameIsAnnouncedWithTheLoginThatMadeIt() {
    current =
        Details.submitted()
            .status("on_hold")
            .hold("KYC check")
            .audited(new AuditActor("demo_finance", "demo_backend"), "status submitted → on_hold")
            .build();

    model.liveRefresh(() -> {});

    assertThat(model.bannerProperty().get())
        .isEqualTo(
            "Changed by demo_finance (via demo_backend) while you had it open: Status: Submitted"
                + " → On hold; Hold reason: — → “KYC check”");
  }

  @Test
  void aStaleDiffNamesTheServiceTheBackendActedForAndTheBackendLogin() {
    Details seen = Details.submitted();
    answers.add(
        () -> {
          current =
              seen.copy()
                  .status("on_hold")
                  .hold("KYC check")
                  .version(4)
                  .audited(new AuditActor("svc:risk", "demo_backend"), "status submitted → on_hold")
                  .build();
          return MoneyResult.parse(STALE);
        });

    model.approve();

    assertThat(model.staleDiffProperty().get())
        .startsWith("Changed by svc:risk (via demo_backend):\nStatus: Submitted → On hold");
  }

  private static RuntimeException connectionLost() {
    return new StaffDatabaseException(
        "The approve did not go through", new SQLException("I/O error", "08006"));
  }
}
