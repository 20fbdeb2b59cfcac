package dev.arbiter.app.releases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.SynchronousTaskRunner;
import dev.arbiter.app.common.command.ManualLater;
import dev.arbiter.persistence.ledger.MoneyResult;
import dev.arbiter.persistence.settlements.ProposedSettlement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

/** Settlement decisions on a proposal that changed, and while offline. */
class SettlementsLiveViewModelTest {

  private record Sent(long id, int version, String key) {}

  private final List<Sent> sent = new ArrayList<>();
  private final List<Sent> previewed = new ArrayList<>();
  private final SimpleBooleanProperty online = new SimpleBooleanProperty(true);
  private List<ProposedSettlement> rows = List.of(proposal(4_000, 2_000, 1));
  private RuntimeException readFailure;
  private final SettlementsViewModel model =
      new SettlementsViewModel(
          new SettlementsViewModel.Gateway(
              () -> {
                if (readFailure != null) {
                  throw readFailure;
                }
                return rows;
              },
              (id, version, note, key) -> {
                sent.add(new Sent(id, version, key));
                return MoneyResult.parse(
                    version == rows.get(0).version()
                        ? "{\"outcome\": \"ok\", \"message\": \"settled\"}"
                        : "{\"outcome\": \"stale\", \"message\": \"settlement 5 changed\"}");
              },
              (id, version, note, key) -> MoneyResult.parse("{\"outcome\": \"ok\"}"),
              (id, version, note, key) -> {
                previewed.add(new Sent(id, version, key));
                return MoneyResult.parse(
                    version == rows.get(0).version()
                        ? "{\"outcome\": \"ok\", \"fee_minor\": 400}"
                        : "{\"outcome\": \"stale\", \"message\": \"settlement 5 changed\"}");
              }),
          new SynchronousTaskRunner(),
          ManualLater.runner(new SynchronousTaskRunner(), online, key -> false),
          Locale.US,
          ZoneOffset.UTC);

  @Test
  void executingAProposalSupportRevisedIsRefusedWithTheDiffAndReappliedOnTheNewTerms() {
    model.reload();
    model.selectedProperty().set(5L);
    rows = List.of(proposal(5_000, 1_000, 2));

    model.executeSelected();

    assertThat(sent).isEmpty();
    assertThat(model.confirmationProperty().get()).isEmpty();
    assertThat(model.staleDiffProperty().get())
        .isEqualTo(
            "Changed meanwhile:\nTo payee: Dana: $40.00 → Dana: $50.00"
                + "\nTo payer: Carl: $20.00 → Carl: $10.00");
    assertThat(model.reapplyableProperty().get()).isTrue();
    assertThat(model.items()).singleElement().satisfies(i -> assertThat(i.version()).isEqualTo(2));

    model.reapply();

    assertThat(sent).isEmpty();
    assertThat(model.confirmationProperty().get())
        .contains("Credit  Dana (freelancer)   $46.00")
        .contains("Credit  Carl (client)   $10.00");
    model.confirmExecution();

    assertThat(previewed).extracting(Sent::version).containsExactly(1, 2);
    assertThat(sent).extracting(Sent::version).containsExactly(2);
    assertThat(sent.get(0).key()).isEqualTo(previewed.get(1).key());
    assertThat(model.messageProperty().get())
        .isEqualTo(
            "Settlement for D-0009 executed: $10.00 to the client Carl,"
                + " $50.00 to the freelancer Dana");
    assertThat(model.staleDiffProperty().get()).isEmpty();
  }

  @Test
  void executingAsksFirstWithTheJournalItWillPostAndCancelSendsNothing() {
    model.reload();
    model.selectedProperty().set(5L);

    model.executeSelected();

    assertThat(sent).isEmpty();
    assertThat(model.confirmationProperty().get())
        .isEqualTo(
            String.join(
                "\n",
                "Execute the settlement of D-0009 (Split) on FP-1001. Its journal posts:",
                "  Debit   Escrow holding   $40.00",
                "  Credit  Dana (freelancer)   $36.00",
                "  Credit  Platform fees   $4.00",
                "  Debit   Escrow holding   $20.00",
                "  Credit  Carl (client)   $20.00",
                "Total out of escrow: $60.00.",
                "The dispute is then resolved."));

    model.cancelExecution();
    model.confirmExecution();

    assertThat(sent).isEmpty();
    assertThat(model.confirmationProperty().get()).isEmpty();
  }

  @Test
  void aConfirmedExecutionIsSentWithThePreviewsKeyAndItsResultNamesTheDispute() {
    model.reload();
    model.selectedProperty().set(5L);
    model.executeSelected();

    model.confirmExecution();

    assertThat(sent).singleElement().satisfies(s -> assertThat(s.version()).isEqualTo(1));
    assertThat(sent.get(0).key()).isEqualTo(previewed.get(0).key());
    assertThat(model.messageProperty().get())
        .isEqualTo(
            "Settlement for D-0009 executed: $20.00 to the client Carl,"
                + " $40.00 to the freelancer Dana");
    assertThat(model.confirmationProperty().get()).isEmpty();
  }

  @Test
  void aRefusedPreviewIsSaidWithoutAskingAndNamesTheDispute() {
    rows = List.of(proposal(4_000, 2_000, 1));
    SettlementsViewModel refusing =
        new SettlementsViewModel(
            new SettlementsViewModel.Gateway(
                () -> rows,
                (id, version, note, key) -> {
                  sent.add(new Sent(id, version, key));
                  return MoneyResult.parse("{\"outcome\": \"ok\"}");
                },
                (id, version, note, key) -> MoneyResult.parse("{\"outcome\": \"ok\"}"),
                (id, version, note, key) ->
                    MoneyResult.parse(
                        "{\"outcome\": \"self_approval\", \"message\": \"you proposed it\"}")),
            new SynchronousTaskRunner(),
            ManualLater.runner(new SynchronousTaskRunner(), online, key -> false),
            Locale.US,
            ZoneOffset.UTC);
    refusing.reload();
    refusing.selectedProperty().set(5L);

    refusing.executeSelected();

    assertThat(refusing.confirmationProperty().get()).isEmpty();
    assertThat(refusing.messageProperty().get()).startsWith("Settlement for D-0009 not executed: ");
    assertThat(refusing.messageIsErrorProperty().get()).isTrue();
    assertThat(sent).isEmpty();
  }

  @Test
  void selectingAnotherSettlementClearsTheMessageAndTheWaitingConfirmation() {
    rows = List.of(proposal(4_000, 2_000, 1), other());
    model.reload();
    model.selectedProperty().set(5L);
    model.sendBackSelected();
    assertThat(model.messageProperty().get()).isNotEmpty();
    model.executeSelected();
    assertThat(model.confirmationProperty().get()).isNotEmpty();

    model.selectedProperty().set(6L);

    assertThat(model.messageProperty().get()).isEmpty();
    assertThat(model.confirmationProperty().get()).isEmpty();
    model.confirmExecution();
    assertThat(sent).isEmpty();
  }

  @Test
  void aFailedLiveReReadSaysTheProposalsAreOutOfDateUntilOneSucceeds() {
    model.reload();
    readFailure = new IllegalStateException("canceling statement due to statement timeout");

    model.refreshLive(() -> {});

    assertThat(model.messageProperty().get())
        .isEqualTo(
            "The proposals could not be brought up to date (Unexpected error: canceling statement"
                + " due to statement timeout). They show what was read before.");
    assertThat(model.items()).hasSize(1);

    readFailure = null;
    model.refreshLive(() -> {});

    assertThat(model.messageProperty().get()).isEmpty();
  }

  @Test
  void whileOfflineNothingIsSentAndTheNoteIsKept() {
    model.reload();
    model.selectedProperty().set(5L);
    model.noteProperty().set("Both agreed");
    online.set(false);

    model.executeSelected();

    assertThat(sent).isEmpty();
    assertThat(model.messageProperty().get()).isEqualTo(CheckpointViewModel.OFFLINE);
    assertThat(model.noteProperty().get()).isEqualTo("Both agreed");
  }

  private static ProposedSettlement other() {
    ProposedSettlement p = proposal(1_000, 0, 1);
    return new ProposedSettlement(
        6,
        "release_to_payee",
        p.payeeMinor(),
        p.payerMinor(),
        p.currency(),
        p.reason(),
        p.proposedBy(),
        p.proposedByName(),
        p.proposedAt(),
        10,
        "D-0010",
        p.disputeStatus(),
        p.reasonCode(),
        1_000,
        p.disputeSummary(),
        p.contractReference(),
        p.payer(),
        p.payee(),
        p.heldMinor(),
        1);
  }

  private static ProposedSettlement proposal(long payee, long payer, int version) {
    return new ProposedSettlement(
        5,
        "split",
        payee,
        payer,
        "USD",
        "Both parties agreed",
        "demo_support",
        "Sam Support",
        Instant.parse("2025-03-01T10:00:00Z"),
        9,
        "D-0009",
        "settling",
        "quality",
        6_000,
        "Work incomplete",
        "FP-1001",
        "Carl",
        "Dana",
        9_000,
        version);
  }
}
