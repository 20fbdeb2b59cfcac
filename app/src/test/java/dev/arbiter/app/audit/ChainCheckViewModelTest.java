package dev.arbiter.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.SynchronousTaskRunner;
import dev.arbiter.persistence.audit.ChainAnchor;
import dev.arbiter.persistence.audit.ChainBreak;
import dev.arbiter.persistence.audit.ChainBreakKind;
import dev.arbiter.persistence.audit.ChainVerification;
import dev.arbiter.persistence.audit.UnsealedEntries;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class ChainCheckViewModelTest {

  private final List<Double> progress = new ArrayList<>();

  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

  private UnsealedEntries waiting = new UnsealedEntries(0, null, Duration.ofSeconds(5));

  private ChainCheckViewModel model(ChainCheckViewModel.Checker checker) {
    ChainCheckViewModel model =
        new ChainCheckViewModel(
            checker,
            () -> waiting,
            Clock.fixed(NOW, ZoneOffset.UTC),
            new SynchronousTaskRunner(),
            Runnable::run,
            Locale.US);
    model.run().progressProperty().addListener((obs, was, now) -> progress.add(now.doubleValue()));
    return model;
  }

  @Test
  void intactChainSaysSoWithTheCountAfterReportingProgress() {
    ChainCheckViewModel model =
        model(
            options -> {
              options.progress().checked(500, 1000);
              options.progress().checked(1000, 1000);
              return new ChainVerification(12_345, new ChainAnchor(12_345, new byte[32]), null, 0);
            });
    model.verify();
    assertThat(model.stateProperty().get()).isEqualTo(ChainCheckViewModel.State.INTACT);
    assertThat(model.run().messageProperty().get())
        .isEqualTo("Chain intact: 12,345 entries verified up to entry 12,345.");
    assertThat(progress).containsSequence(0.5, 1.0);
    assertThat(model.run().runningProperty().get()).isFalse();
  }

  @Test
  void entriesCheckedByTheirLinksOnlyAreCountedAndAnAdminIsNamedToCheckThem() {
    ChainCheckViewModel model =
        model(
            options ->
                new ChainVerification(12_345, new ChainAnchor(12_345, new byte[32]), null, 2_001));
    model.verify();
    assertThat(model.stateProperty().get()).isEqualTo(ChainCheckViewModel.State.INTACT);
    assertThat(model.run().messageProperty().get())
        .isEqualTo(
            "Chain intact: 12,345 entries verified up to entry 12,345. 2,001 entries you may not"
                + " read were checked by their links only; verify as an admin to check their"
                + " content.");
  }

  @Test
  void brokenChainNamesTheEntryAndTheKind() {
    ChainCheckViewModel model =
        model(
            options ->
                new ChainVerification(
                    56,
                    new ChainAnchor(56, new byte[32]),
                    new ChainBreak(57, ChainBreakKind.CHANGED, "entry 57 was changed"),
                    0));
    model.verify();
    assertThat(model.stateProperty().get()).isEqualTo(ChainCheckViewModel.State.BROKEN);
    assertThat(model.brokenEntryProperty().get()).isEqualTo(57);
    assertThat(model.run().messageProperty().get())
        .isEqualTo("Chain broken at entry 57 (changed): entry 57 was changed.");
  }

  @Test
  void entriesWaitingToBeSealedAreCountedApartFromTheVerdict() {
    ChainCheckViewModel model =
        model(options -> new ChainVerification(120, new ChainAnchor(120, new byte[32]), null, 0));
    waiting = new UnsealedEntries(3, NOW.minusMillis(800), Duration.ofSeconds(5));
    model.verify();
    assertThat(model.stateProperty().get()).isEqualTo(ChainCheckViewModel.State.INTACT);
    assertThat(model.run().messageProperty().get())
        .endsWith(" 3 newer entries wait to be sealed into the chain (within 5 s).");

    waiting = new UnsealedEntries(1, NOW.minusSeconds(9), Duration.ofSeconds(5));
    model.verify();
    assertThat(model.run().messageProperty().get())
        .endsWith(
            " 1 newer entry waits to be sealed into the chain, longer than the 5 s it may:"
                + " is the Arbiter worker running?");
  }

  @Test
  void cancelReachesTheVerifierAndIsReportedAsCancelled() {
    ChainCheckViewModel[] self = new ChainCheckViewModel[1];
    self[0] =
        model(
            options -> {
              self[0].run().cancel();
              if (options.cancelled().getAsBoolean()) {
                throw new CancellationException();
              }
              throw new AssertionError("cancel did not reach the verifier");
            });
    self[0].verify();
    assertThat(self[0].stateProperty().get()).isEqualTo(ChainCheckViewModel.State.CANCELLED);
    assertThat(self[0].run().messageProperty().get()).isEqualTo("Verification cancelled.");
  }

  @Test
  void unreadableChainIsAFailureNotAVerdict() {
    ChainCheckViewModel model =
        model(
            options -> {
              throw new IllegalStateException("connection refused");
            });
    model.verify();
    assertThat(model.stateProperty().get()).isEqualTo(ChainCheckViewModel.State.FAILED);
    assertThat(model.run().messageProperty().get()).startsWith("Could not verify:");
  }
}
