package dev.arbiter.app.disputes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.SynchronousTaskRunner;
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
  private RuntimeException refuseWith;
  private final DisputeCaseViewModel model =
      new DisputeCaseViewModel(
          id -> Optional.of(dispute(id, status)),
          command -> {
            sent.add(command);
            if (refuseWith != null) {
              throw refuseWith;
            }
            return new ActionResult("Done.", 2, false);
          },
          new SynchronousTaskRunner(),
          Clock.fixed(QueueRows.NOW, ZoneOffset.UTC),
          ZoneOffset.UTC,
          "demo_support",
          changed::add);

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
  void manualMovesOfferOnlyLegalDirectChanges() {
    status = DisputeStatus.SETTLING;
    model.open(7);
    assertThat(model.manualMoves()).containsExactly(DisputeStatus.ESCALATED);
    status = DisputeStatus.UNDER_REVIEW;
    model.reload();
    assertThat(model.manualMoves())
        .containsExactly(DisputeStatus.AWAITING_PARTIES, DisputeStatus.ESCALATED);
  }

  private static DisputeCase dispute(long id, DisputeStatus status) {
    Party party =
        new Party(1, "Pat", "pat@example.test", "client", "active", "DE", List.of(), List.of());
    return new DisputeCase(
        new Header(
            id,
            String.format("DSP-%06d", id),
            status,
            DisputePriority.NORMAL,
            ReasonCode.QUALITY,
            null,
            null,
            12_000,
            "USD",
            QueueRows.NOW.minusSeconds(86_400),
            null,
            null,
            null,
            null,
            null,
            50_000L,
            1),
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
