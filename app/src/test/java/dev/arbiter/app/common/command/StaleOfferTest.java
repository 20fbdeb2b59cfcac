package dev.arbiter.app.common.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StaleOfferTest {

  private final StaleOffer<String> offer = new StaleOffer<>();

  @Test
  void aRefusalShowsWhatChangedAndOffersTheCommandAgainOnce() {
    offer.offer("Not saved: changed.", List.of("Changed by Felix:", "Status: a → b"), "again");

    assertThat(offer.diffProperty().get()).isEqualTo("Changed by Felix:\nStatus: a → b");
    assertThat(offer.reapplyableProperty().get()).isTrue();
    assertThat(offer.offered()).isEqualTo("again");

    assertThat(offer.take()).isEqualTo("again");

    assertThat(offer.take()).isNull();
    assertThat(offer.changes()).isEmpty();
    assertThat(offer.textProperty().get()).isEmpty();
    assertThat(offer.reapplyableProperty().get()).isFalse();
  }

  @Test
  void aCommandThatNoLongerAppliesShowsTheChangesWithoutAnOffer() {
    offer.offer("It no longer applies.", List.of("Status: a → closed"), null);

    assertThat(offer.changes()).containsExactly("Status: a → closed");
    assertThat(offer.reapplyableProperty().get()).isFalse();
    assertThat(offer.take()).isNull();
  }
}
