package dev.arbiter.persistence.disputes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.model.audit.AuditActor;
import dev.arbiter.model.disputes.DisputePriority;
import dev.arbiter.model.disputes.DisputeStatus;
import dev.arbiter.model.disputes.MessageVisibility;
import dev.arbiter.model.disputes.ReasonCode;
import dev.arbiter.persistence.disputes.DisputeActionRefused.FieldChange;
import dev.arbiter.persistence.disputes.DisputeCase.ContractInfo;
import dev.arbiter.persistence.disputes.DisputeCase.Header;
import dev.arbiter.persistence.disputes.DisputeCase.MessageInfo;
import dev.arbiter.persistence.disputes.DisputeCase.Party;
import dev.arbiter.persistence.disputes.DisputeCommand.Assign;
import dev.arbiter.persistence.disputes.DisputeCommand.ChangePriority;
import dev.arbiter.persistence.disputes.DisputeCommand.ChangeStatus;
import dev.arbiter.persistence.disputes.DisputeCommand.PostMessage;
import dev.arbiter.persistence.timeline.TimelineEntry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DisputeChangesTest {

  private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

  @Test
  void aCaseChangedUnderTheAgentListsEachFieldNewMessagesAndWhoChangedItThroughWhichLogin() {
    DisputeCase before = dispute(DisputeStatus.UNDER_REVIEW, DisputePriority.NORMAL, null, 1, 10);
    DisputeCase after =
        dispute(DisputeStatus.AWAITING_PARTIES, DisputePriority.URGENT, "demo_support", 3, 12);

    DisputeChanges.CaseChange change = DisputeChanges.between(before, after);

    assertThat(change.changes())
        .containsExactly(
            new FieldChange("status", "under review", "awaiting parties"),
            new FieldChange("priority", "normal", "urgent"),
            new FieldChange("assignee", "—", "demo_support"),
            new FieldChange("messages", "1", "3"));
    assertThat(change.actors())
        .containsExactly(
            new AuditActor("actor-11", "actor-11"), new AuditActor("actor-12", "demo_backend"));
    assertThat(change.describe())
        .isEqualTo(
            "Changed by actor-11, actor-12 (via demo_backend) while you had it open: status under"
                + " review → awaiting parties; priority normal → urgent; assignee — →"
                + " demo_support; 2 new messages.");
  }

  @Test
  void twoLoadsOfAnUnchangedCaseDifferInNothing() {
    DisputeCase one = dispute(DisputeStatus.OPEN, DisputePriority.LOW, null, 2, 5);
    assertThat(DisputeChanges.between(one, one).isEmpty()).isTrue();
  }

  @Test
  void reappliedCommandsKeepTheirIntentOnTheFreshSnapshotUnderTheNewKey() {
    DisputeSnapshot seen =
        dispute(DisputeStatus.UNDER_REVIEW, DisputePriority.LOW, null, 0, 1).snapshot();
    DisputeSnapshot fresh =
        dispute(DisputeStatus.AWAITING_PARTIES, DisputePriority.LOW, null, 0, 2).snapshot();
    PostMessage reply = new PostMessage(seen, MessageVisibility.PARTIES, "Hello", "k1");

    DisputeCommand again = reply.on(fresh, "k2");

    assertThat(again).isEqualTo(new PostMessage(fresh, MessageVisibility.PARTIES, "Hello", "k2"));
    assertThat(again.fingerprint()).isEqualTo(reply.fingerprint());
  }

  @Test
  void aChangeThatNoLongerMakesSenseOnTheFreshCaseIsNotReapplied() {
    Header review = dispute(DisputeStatus.UNDER_REVIEW, DisputePriority.LOW, null, 0, 1).header();
    Header closed = dispute(DisputeStatus.CLOSED, DisputePriority.LOW, null, 0, 1).header();
    DisputeSnapshot seen =
        dispute(DisputeStatus.OPEN, DisputePriority.NORMAL, null, 0, 1).snapshot();

    assertThat(
            DisputeCommandRules.stillApplies(
                new ChangeStatus(seen, DisputeStatus.UNDER_REVIEW, "k"), review, NOW))
        .contains("DSP-000007 is already under review.");
    assertThat(
            DisputeCommandRules.stillApplies(
                new ChangeStatus(seen, DisputeStatus.ESCALATED, "k"), review, NOW))
        .isEmpty();
    assertThat(
            DisputeCommandRules.stillApplies(
                new ChangePriority(seen, DisputePriority.URGENT, "k"), closed, NOW))
        .contains("DSP-000007 is closed now; your change no longer applies.");
    assertThat(
            DisputeCommandRules.stillApplies(
                new PostMessage(seen, MessageVisibility.INTERNAL, "n", "k"), closed, NOW))
        .isPresent();
    assertThat(DisputeCommandRules.stillApplies(new Assign(seen, null, null, "k"), review, NOW))
        .contains("DSP-000007 is already unassigned.");
  }

  private static DisputeCase dispute(
      DisputeStatus status, DisputePriority priority, String assignee, int messages, int audits) {
    Party party =
        new Party(1, "Pat", "pat@example.test", "client", "active", "DE", List.of(), List.of());
    List<MessageInfo> thread =
        java.util.stream.LongStream.rangeClosed(1, messages)
            .mapToObj(
                i ->
                    new MessageInfo(
                        i, "Pat", false, MessageVisibility.PARTIES, "m" + i, NOW, false))
            .toList();
    List<TimelineEntry> timeline =
        java.util.stream.LongStream.rangeClosed(1, audits)
            .mapToObj(
                i ->
                    new TimelineEntry(
                        i,
                        NOW,
                        // Every other entry the backend wrote for the actor it named.
                        new AuditActor("actor-" + i, i % 2 == 0 ? "demo_backend" : "actor-" + i),
                        "update",
                        "disputes",
                        "7",
                        null,
                        ""))
            .toList();
    return new DisputeCase(
        new Header(
            7,
            "DSP-000007",
            status,
            priority,
            ReasonCode.QUALITY,
            assignee,
            null,
            12_000,
            "USD",
            NOW,
            null,
            null,
            null,
            null,
            null,
            null,
            50_000L,
            1),
        party,
        party,
        new ContractInfo(1, "GO-1", "gig_order", "Logo", "active", 50_000, "USD", null, List.of()),
        null,
        List.of(),
        thread,
        List.of(),
        List.of(),
        timeline,
        List.of());
  }
}
