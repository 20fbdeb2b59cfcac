package dev.arbiter.app.disputes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.SynchronousTaskRunner;
import dev.arbiter.app.common.command.ManualLater;
import dev.arbiter.model.disputes.DisputeOutcome;
import dev.arbiter.model.disputes.DisputePriority;
import dev.arbiter.model.disputes.DisputeStatus;
import dev.arbiter.model.disputes.MessageVisibility;
import dev.arbiter.model.disputes.ReasonCode;
import dev.arbiter.persistence.disputes.ActionResult;
import dev.arbiter.persistence.disputes.DisputeActionRefused;
import dev.arbiter.persistence.disputes.DisputeActionRefused.FieldChange;
import dev.arbiter.persistence.disputes.DisputeActionRefused.Reason;
import dev.arbiter.persistence.disputes.DisputeCase;
import dev.arbiter.persistence.disputes.DisputeCase.ContractInfo;
import dev.arbiter.persistence.disputes.DisputeCase.Header;
import dev.arbiter.persistence.disputes.DisputeCase.Party;
import dev.arbiter.persistence.disputes.DisputeCommand;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The case ViewModel with a fake case and command runner, without the toolkit. */
class DisputeCaseViewModelTest {

  private final List<DisputeCommand> sent = new ArrayList<>();
  private final List<Long> changed = new ArrayList<>();
  private DisputeStatus status = DisputeStatus.UNDER_REVIEW;
  private DisputePriority priority = DisputePriority.NORMAL;
  private int version = 1;
  private String assignee;
  private final List<String> asked = new ArrayList<>();
  private boolean committed;
  private RuntimeException refuseWith;
  private RuntimeException loadFailure;
  private final javafx.beans.property.BooleanProperty online =
      new javafx.beans.property.SimpleBooleanProperty(true);
  // What the case pane said while case 8 was being read, before the read's answer replaced it.
  private String errorWhileOpening8;

  private final DisputeCaseViewModel model =
      new DisputeCaseViewModel(
          id -> {
            if (id == 8) {
              errorWhileOpening8 = this.model.errorProperty().get();
            }
            if (loadFailure != null) {
              throw loadFailure;
            }
            return Optional.of(dispute(id, status, priority, version));
          },
          command -> {
            sent.add(command);
            if (refuseWith != null) {
              throw refuseWith;
            }
            return new ActionResult("Done.", 2, false);
          },
          new SynchronousTaskRunner(),
          ManualLater.runner(
              new SynchronousTaskRunner(),
              online,
              key -> {
                asked.add(key);
                return committed;
              }),
          Clock.fixed(QueueRows.NOW, ZoneOffset.UTC),
          ZoneOffset.UTC,
          "demo_support",
          changed::add);

  @Test
  void aFailedLiveReReadSaysTheCaseIsOutOfDateUntilOneSucceeds() {
    model.open(7);
    loadFailure = new IllegalStateException("canceling statement due to statement timeout");

    model.liveChanged();

    assertThat(model.changedProperty().get())
        .isEqualTo(
            "This case could not be brought up to date (Unexpected error: canceling statement due"
                + " to statement timeout). It shows what was read before.");

    loadFailure = null;
    model.liveChanged();

    assertThat(model.changedProperty().get()).isEmpty();
  }

  @Test
  void anEmptyReplyShowsAMessageAtTheReplyAndSendsNothing() {
    model.open(7);
    model.forms().replyProperty().set("   ");
    model.sendReply();
    assertThat(model.forms().replyErrorProperty().get()).startsWith("Write a message first");
    assertThat(sent).isEmpty();
  }

  @Test
  void anInternalNoteIsSentAsInternalWithTheVersionSeenAndClearsItsField() {
    model.open(7);
    model.forms().noteProperty().set("Looks fine");
    model.addNote();
    assertThat(sent)
        .singleElement()
        .isInstanceOfSatisfying(
            DisputeCommand.PostMessage.class,
            m -> {
              assertThat(m.visibility()).isEqualTo(MessageVisibility.INTERNAL);
              assertThat(m.seen().version()).isEqualTo(1);
              assertThat(m.idempotencyKey()).startsWith("dsp-");
            });
    assertThat(model.forms().noteProperty().get()).isEmpty();
    assertThat(model.noticeProperty().get()).isEqualTo("Done.");
    assertThat(changed).containsExactly(7L);
  }

  @Test
  void splitSharesThatDoNotAddUpAreRefusedBeforeAskingForConfirmation() {
    model.open(7);
    List<String> asked = new ArrayList<>();
    model.setConfirmer(d -> asked.add(d));
    model.forms().outcomeProperty().set(DisputeOutcome.SPLIT);
    model.forms().payeeProperty().set("70.00");
    model.forms().payerProperty().set("40.00");
    model.forms().reasonProperty().set("Agreed on a call");
    model.proposeSettlement();
    assertThat(model.forms().sharesErrorProperty().get()).contains("120.00 USD");
    assertThat(asked).isEmpty();
    assertThat(sent).isEmpty();
  }

  @Test
  void assignToMeIsDisabledWithTheReasonOnceTheCaseIsTheAgents() {
    model.open(7);
    assertThat(model.assignToMeDisabledProperty().get()).isFalse();
    assertThat(model.assignToMeRefusalProperty().get()).isEmpty();

    assignee = "demo_support";
    model.reload();

    assertThat(model.assignToMeDisabledProperty().get()).isTrue();
    assertThat(model.assignToMeRefusalProperty().get())
        .isEqualTo("DSP-000007 is already assigned to you.");
    model.assignToMe();
    assertThat(sent).isEmpty();
  }

  @Test
  void assignToMeIsDisabledOnAResolvedCase() {
    status = DisputeStatus.RESOLVED;

    model.open(7);

    assertThat(model.assignToMeDisabledProperty().get()).isTrue();
    assertThat(model.assignToMeRefusalProperty().get())
        .isEqualTo("DSP-000007 is resolved: its assignee no longer changes.");
  }

  @Test
  void aSettlementOnAnOpenCaseIsRefusedBeforeAskingForConfirmation() {
    status = DisputeStatus.OPEN;
    model.open(7);
    List<String> asked = new ArrayList<>();
    model.setConfirmer(d -> asked.add(d));
    model.forms().outcomeProperty().set(DisputeOutcome.SPLIT);
    model.forms().payeeProperty().set("70.00");
    model.forms().payerProperty().set("50.00");
    model.forms().reasonProperty().set("Agreed on a call");
    model.forms().escalateFirstProperty().set(true);

    model.proposeSettlement();

    assertThat(model.errorProperty().get()).contains("cannot settle from there");
    assertThat(asked).isEmpty();
    assertThat(sent).isEmpty();
  }

  @Test
  void openingAnotherCaseClearsTheRefusalSaidAboutThePreviousOne() {
    status = DisputeStatus.OPEN;
    model.open(7);
    model.forms().outcomeProperty().set(DisputeOutcome.DISMISSED);
    model.forms().reasonProperty().set("Nothing to settle");
    model.proposeSettlement();
    assertThat(model.errorProperty().get()).isNotEmpty();

    model.open(8);

    // Cleared as the other case starts loading, not only once its read answers.
    assertThat(errorWhileOpening8).isEmpty();
    assertThat(model.errorProperty().get()).isEmpty();
    assertThat(model.noticeProperty().get()).isEmpty();
  }

  @Test
  void aDeclinedConfirmationSendsNothingAndAnAcceptedOneSendsTheProposal() {
    model.open(7);
    model.forms().outcomeProperty().set(DisputeOutcome.SPLIT);
    model.forms().payeeProperty().set("70.00");
    model.forms().payerProperty().set("50.00");
    model.forms().reasonProperty().set("Agreed on a call");
    model.forms().escalateFirstProperty().set(true);
    model.setConfirmer(d -> false);
    model.proposeSettlement();
    assertThat(sent).isEmpty();

    model.setConfirmer(d -> d.startsWith("Escalate DSP-000007 and propose to split"));
    model.proposeSettlement();
    assertThat(sent)
        .singleElement()
        .isInstanceOfSatisfying(
            DisputeCommand.ProposeSettlement.class,
            p -> {
              assertThat(p.payeeMinor()).isEqualTo(7000);
              assertThat(p.payerMinor()).isEqualTo(5000);
              assertThat(p.escalateFirst()).isTrue();
            });
  }

  @Test
  void aDeadlineInThePastIsRefusedAtTheField() {
    model.open(7);
    model.forms().dueProperty().set("2025-03-01 11:00");
    model.setDeadline();
    assertThat(model.forms().dueErrorProperty().get()).contains("in the past");
    model.forms().dueProperty().set("tomorrow");
    model.setDeadline();
    assertThat(model.forms().dueErrorProperty().get()).contains("2025-03-01 14:30");
    assertThat(sent).isEmpty();
  }

  @Test
  void aStaleRefusalListsWhatChangedAndKeepsTheTypedText() {
    model.open(7);
    refuseWith =
        new DisputeActionRefused(
            Reason.STALE,
            "DSP-000007 was changed by demo_admin after you opened it, so nothing was saved.",
            null,
            List.of(new FieldChange("priority", "normal", "urgent")));
    model.forms().replyProperty().set("Hello");
    model.sendReply();
    assertThat(model.errorProperty().get()).contains("nothing was saved");
    assertThat(model.staleChanges()).containsExactly("priority: normal → urgent");
    assertThat(model.forms().replyProperty().get()).isEqualTo("Hello");
  }

  @Test
  void aStaleChangeIsReappliedOnTheFreshCaseUnderANewKeyWithTheTypedText() {
    model.open(7);
    model.forms().replyProperty().set("We are on it");
    refuseWith = stale(new FieldChange("status", "under review", "awaiting parties"));
    status = DisputeStatus.AWAITING_PARTIES;
    version = 2;
    model.sendReply();

    assertThat(model.staleChanges()).containsExactly("status: under review → awaiting parties");
    assertThat(model.currentProperty().get().header().version()).isEqualTo(2);
    assertThat(model.canReapplyProperty().get()).isTrue();
    assertThat(model.forms().replyProperty().get()).isEqualTo("We are on it");

    refuseWith = null;
    model.reapply();

    assertThat(sent).hasSize(2);
    DisputeCommand first = sent.get(0);
    DisputeCommand again = sent.get(1);
    assertThat(again.seen().version()).isEqualTo(2);
    assertThat(again.seen().status()).isEqualTo(DisputeStatus.AWAITING_PARTIES);
    assertThat(again.idempotencyKey()).isNotEqualTo(first.idempotencyKey());
    assertThat(((DisputeCommand.PostMessage) again).body()).isEqualTo("We are on it");
    assertThat(model.forms().replyProperty().get()).isEmpty();
    assertThat(model.staleChanges()).isEmpty();
    assertThat(model.canReapplyProperty().get()).isFalse();
  }

  @Test
  void aChangeThatNoLongerAppliesToTheFreshCaseIsNotOfferedForReapplying() {
    model.open(7);
    refuseWith = stale(new FieldChange("status", "under review", "escalated"));
    status = DisputeStatus.ESCALATED;
    version = 2;
    model.escalate();

    assertThat(model.canReapplyProperty().get()).isFalse();
    assertThat(model.reapplyNoteProperty().get())
        .isEqualTo("Your change cannot be re-applied: DSP-000007 is already escalated.");
    model.reapply();
    assertThat(sent).hasSize(1);
  }

  @Test
  void offlineNothingIsSentNotEvenByTheShortcutAndTheTextStays() {
    model.open(7);
    online.set(false);
    model.forms().replyProperty().set("Hello");
    model.sendReply();
    assertThat(sent).isEmpty();
    assertThat(model.errorProperty().get()).startsWith("You are offline, so nothing was sent.");
    assertThat(model.forms().replyProperty().get()).isEqualTo("Hello");
  }

  @Test
  void aSaveWhoseConnectionDroppedIsSettledByItsKeyOnceOnlineAgain() {
    model.open(7);
    model.forms().noteProperty().set("Checked the files");
    refuseWith = connectionLost();
    committed = true;
    online.set(false);
    online.set(true);
    // The feed has not noticed yet: the action goes out and its connection drops.
    model.addNote();

    assertThat(asked).containsExactly(sent.get(0).idempotencyKey());
    assertThat(model.outcomeProperty().get()).isEmpty();
    assertThat(model.noticeProperty().get()).startsWith("Saved: Add an internal note");
    assertThat(model.forms().noteProperty().get()).isEmpty();
    assertThat(sent).hasSize(1);
  }

  @Test
  void anUnsavedActionIsRetriedUnderTheSameKeyAndTheTextStaysUntilItIsSaved() {
    model.open(7);
    model.forms().replyProperty().set("Hello");
    refuseWith = connectionLost();
    committed = false;
    model.sendReply();

    assertThat(model.outcomeProperty().get()).contains("it was not saved");
    assertThat(model.canRetryProperty().get()).isTrue();
    assertThat(model.forms().replyProperty().get()).isEqualTo("Hello");

    refuseWith = null;
    model.retry();
    model.retry();

    assertThat(sent).hasSize(2);
    assertThat(sent.get(1).idempotencyKey()).isEqualTo(sent.get(0).idempotencyKey());
    assertThat(model.forms().replyProperty().get()).isEmpty();
    assertThat(model.canRetryProperty().get()).isFalse();
  }

  private static DisputeActionRefused stale(FieldChange change) {
    return new DisputeActionRefused(
        Reason.STALE,
        "DSP-000007 was changed by user:42 (via demo_backend) after you opened it, so nothing was"
            + " saved.",
        null,
        List.of(change));
  }

  private static RuntimeException connectionLost() {
    return new dev.arbiter.persistence.session.StaffDatabaseException(
        "Could not save", new java.sql.SQLException("I/O error", "08006"));
  }

  @Test
  void manualMovesOfferOnlyLegalDirectChanges() {
    status = DisputeStatus.SETTLING;
    model.open(7);
    assertThat(model.manualMoves()).containsExactly(DisputeStatus.ESCALATED);
    status = DisputeStatus.UNDER_REVIEW;
    model.reload();
    assertThat(model.manualMoves())
        .containsExactly(DisputeStatus.AWAITING_PARTIES, DisputeStatus.ESCALATED);
  }

  private DisputeCase dispute(
      long id, DisputeStatus status, DisputePriority priority, int version) {
    Party party =
        new Party(1, "Pat", "pat@example.test", "client", "active", "DE", List.of(), List.of());
    return new DisputeCase(
        new Header(
            id,
            String.format("DSP-%06d", id),
            status,
            priority,
            ReasonCode.QUALITY,
            assignee,
            null,
            12_000,
            "USD",
            QueueRows.NOW.minusSeconds(86_400),
            null,
            null,
            null,
            null,
            null,
            null,
            50_000L,
            version),
        party,
        party,
        new ContractInfo(
            1, "GO-1001", "gig_order", "Logo", "active", 50_000, "USD", null, List.of()),
        null,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }
}
