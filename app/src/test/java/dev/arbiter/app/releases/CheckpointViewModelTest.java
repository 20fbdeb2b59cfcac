package dev.arbiter.app.releases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.SynchronousTaskRunner;
import dev.arbiter.app.common.command.ManualLater;
import dev.arbiter.persistence.escrow.CheckpointAction;
import dev.arbiter.persistence.escrow.CheckpointDetail;
import dev.arbiter.persistence.escrow.CheckpointGates;
import dev.arbiter.persistence.ledger.MoneyResult;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CheckpointViewModelTest {

  private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

  private final List<CheckpointAction> performed = new ArrayList<>();
  private final List<CheckpointAction.Release> previewed = new ArrayList<>();
  private RuntimeException nextFailure;
  private CheckpointViewModel model;

  @BeforeEach
  void open() {
    model =
        new CheckpointViewModel(
            new CheckpointViewModel.Gateway(
                id -> Optional.of(detail("approved", "someone_else")),
                (action, basis) -> {
                  performed.add(action);
                  if (nextFailure != null) {
                    RuntimeException failure = nextFailure;
                    nextFailure = null;
                    throw failure;
                  }
                  return MoneyResult.parse(
                      "{\"outcome\": \"ok\", \"message\": \"released\", \"status\": \"released\"}");
                },
                release -> {
                  previewed.add(release);
                  return MoneyResult.parse(
                      "{\"outcome\": \"ok\", \"message\": \"released\", \"status\": \"released\","
                          + " \"amount_minor\": 100000, \"fee_minor\": 2500}");
                }),
            new SynchronousTaskRunner(),
            ManualLater.runner(new SynchronousTaskRunner(), key -> false),
            Locale.US,
            Clock.fixed(NOW, ZoneOffset.UTC),
            ZoneOffset.UTC,
            "demo_finance",
            () -> {});
    model.open(7);
  }

  @Test
  void partialReleaseRefusesAnAmountWithMoreDecimalsThanTheCurrencyHas() {
    model.amountProperty().set("12.345");

    model.preparePartialRelease();

    assertThat(model.messageProperty().get())
        .isEqualTo("USD amounts have at most 2 decimals; '12.345' has 3.");
    assertThat(model.messageIsErrorProperty().get()).isTrue();
    assertThat(previewed).isEmpty();
  }

  @Test
  void partialReleaseReadsTheAmountInTheReviewersLocale() {
    model.amountProperty().set("1,250.50");

    model.preparePartialRelease();

    assertThat(previewed)
        .singleElement()
        .satisfies(r -> assertThat(r.amountMinor()).isEqualTo(125_050));
  }

  @Test
  void confirmationShowsExactlyWhatIsPostedAndConfirmingUsesThePreviewedKey() {
    model.prepareFullRelease();

    assertThat(model.confirmationProperty().get())
        .contains("Release $1,000.00 of FP-1001 #2 to Dana Payee (all that is left)")
        .contains("Debit   Escrow holding   $1,000.00")
        .contains("Credit  Dana Payee   $975.00")
        .contains("Credit  Platform fees   $25.00");
    assertThat(performed).isEmpty();

    model.confirmRelease();

    assertThat(performed).singleElement().isEqualTo(previewed.get(0));
    assertThat(model.confirmationProperty().get()).isEmpty();
    assertThat(model.messageProperty().get()).isEqualTo("Released");
  }

  @Test
  void aReleaseThatFailsOnTheWayIsRetriedUnderTheSameKey() {
    model.prepareFullRelease();
    nextFailure = new IllegalStateException("connection reset");

    model.confirmRelease();
    assertThat(model.retryableProperty().get()).isTrue();
    assertThat(model.messageProperty().get()).contains("Retry sends the same request again");
    model.retry();

    assertThat(performed).hasSize(2);
    assertThat(performed.get(1).idempotencyKey()).isEqualTo(performed.get(0).idempotencyKey());
    assertThat(model.retryableProperty().get()).isFalse();
  }

  @Test
  void rejectionWithoutAReasonIsNotSent() {
    model.reject();

    assertThat(performed).isEmpty();
    assertThat(model.messageProperty().get()).startsWith("Write the reason for the rejection");
  }

  @Test
  void theRequesterIsToldUpFrontThatSomeoneElseMustDecide() {
    CheckpointText text =
        new CheckpointText(
            new dev.arbiter.app.common.MoneyFormat(Locale.US),
            Locale.US,
            ZoneOffset.UTC,
            Clock.fixed(NOW, ZoneOffset.UTC));

    CheckpointText.Shown shown = text.of(detail("approved", "demo_finance"), "demo_finance");

    assertThat(shown.canApprove()).isFalse();
    assertThat(shown.canRelease()).isFalse();
    assertThat(shown.fourEyes()).startsWith("You requested this release");
  }

  static CheckpointDetail detail(String status, String requestedBy) {
    return new CheckpointDetail(
        new CheckpointDetail.Checkpoint(
            7,
            2,
            "Design",
            100_000,
            0,
            "USD",
            status,
            "single",
            null,
            NOW,
            null,
            requestedBy,
            null,
            null,
            null,
            null,
            0),
        new CheckpointDetail.Contract(
            1, "FP-1001", "Logo", "fixed_price", "active", new BigDecimal("4.50")),
        new CheckpointDetail.Party(1, "Carl Client", "c@example.test", "active"),
        new CheckpointDetail.Party(2, "Dana Payee", "d@example.test", "active"),
        new CheckpointDetail.EscrowTotals(3, "USD", "held", 200_000, 0, 0),
        new CheckpointGates(
            new BigDecimal("4.50"), null, true, 0, 200_000, 100_000, 1, 1, false, "active"),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }
}
