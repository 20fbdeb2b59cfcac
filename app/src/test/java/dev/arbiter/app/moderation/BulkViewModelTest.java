package dev.arbiter.app.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.SynchronousTaskRunner;
import dev.arbiter.app.common.command.ManualLater;
import dev.arbiter.model.moderation.FlagDecision;
import dev.arbiter.model.moderation.FlaggedEntityType;
import dev.arbiter.persistence.moderation.BulkItem;
import dev.arbiter.persistence.moderation.DecisionRequest;
import dev.arbiter.persistence.moderation.ItemKey;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

/**
 * A bulk run cut short by a lost connection: what was answered is kept, the item in flight is
 * checked by its request key once online, and Retry the rest sends the leftovers under their keys.
 */
class BulkViewModelTest {

  private final FakeGateway gateway = new FakeGateway("mo", 5);
  private final SimpleBooleanProperty online = new SimpleBooleanProperty(true);
  private final int[] refreshed = {0};
  private final BulkViewModel bulk =
      new BulkViewModel(
          new ModerationWork(
              gateway,
              new SynchronousTaskRunner(),
              ManualLater.runner(new SynchronousTaskRunner(), online, gateway::committed),
              () -> refreshed[0]++));

  @Test
  void theItemInFlightIsCheckedOnceOnlineThenTheRestIsRetriedUnderTheirKeys() {
    gateway.claims.put(key(2), "max");
    gateway.loseBulkAt = 3;
    gateway.whenBulkLost = () -> online.set(false);

    runOn(5);

    assertThat(bulk.results())
        .containsExactly(
            "✓ Message #1 — decision 1",
            "✗ Message #2 — claimed by max",
            "✓ Message #3 — decision 2",
            "? Message #4 — outcome unknown: the connection dropped while it was sent;"
                + " checking…",
            "– Message #5 — not sent: the connection dropped first");
    assertThat(bulk.summaryProperty().get())
        .isEqualTo(
            "Connection lost: 2 decided, 1 refused, 1 being checked…, 1 not sent. Retry the rest"
                + " is offered once the item in flight is checked.");
    assertThat(bulk.retryOfferedProperty().get()).isFalse();

    online.set(true);

    assertThat(bulk.results().get(3))
        .isEqualTo("↻ Message #4 — not decided: the connection dropped before it was saved");
    assertThat(bulk.summaryProperty().get())
        .isEqualTo(
            "Connection lost: 2 decided, 1 refused, 1 not saved, 1 not sent. Retry the rest sends"
                + " those 2 again under the same keys, so each is decided once.");
    assertThat(bulk.retryableProperty().get()).isTrue();

    bulk.retryRest();

    // The run sent items 1 to 4 and stopped at the loss; the rest was 4 again, under the key it
    // was first sent with, then 5, which the run had not reached.
    assertThat(sentItems()).containsExactly(1L, 2L, 3L, 4L, 4L, 5L);
    assertThat(sentKeys().get(4)).isEqualTo(sentKeys().get(3));
    assertThat(Set.copyOf(sentKeys())).hasSize(5);
    assertThat(bulk.summaryProperty().get()).isEqualTo("4 decided, 1 refused");
    assertThat(bulk.results().get(3)).isEqualTo("✓ Message #4 — decision 3");
    assertThat(bulk.retryOfferedProperty().get()).isFalse();
    assertThat(decidedItems()).containsExactly(1L, 3L, 4L, 5L);
    assertThat(refreshed[0]).isEqualTo(2);
  }

  @Test
  void anItemSavedBeforeItsAnswerWasLostIsReportedDecidedAndNotSentAgain() {
    gateway.loseBulkAt = 1;
    gateway.bulkSavedBeforeLoss = true;

    runOn(3);

    assertThat(bulk.results().get(1))
        .isEqualTo("✓ Message #2 — decided, saved before the connection dropped");
    assertThat(bulk.summaryProperty().get())
        .isEqualTo(
            "Connection lost: 2 decided, 0 refused, 1 not sent. Retry the rest sends that item"
                + " again under the same keys, so each is decided once.");

    bulk.retryRest();

    // Item 2 was found saved by its key, so only item 3 went out again.
    assertThat(sentItems()).containsExactly(1L, 2L, 3L);
    assertThat(bulk.summaryProperty().get()).isEqualTo("3 decided, 0 refused");
    assertThat(decidedItems()).containsExactly(1L, 2L, 3L);
  }

  @Test
  void whileOfflineRetryTheRestWaitsAndSendsNothing() {
    gateway.loseBulkAt = 0;
    runOn(2);
    online.set(false);

    assertThat(bulk.retryOfferedProperty().get()).isTrue();
    assertThat(bulk.retryableProperty().get()).isFalse();
    bulk.retryRest();

    assertThat(gateway.bulkSent).hasSize(1);
    assertThat(bulk.summaryProperty().get()).isEqualTo(ItemViewModel.OFFLINE);

    online.set(true);
    assertThat(bulk.retryableProperty().get()).isTrue();
    bulk.retryRest();

    assertThat(sentItems()).containsExactly(1L, 1L, 2L);
    assertThat(bulk.summaryProperty().get()).isEqualTo("2 decided, 0 refused");
  }

  @Test
  void anItemWhoseKeyCannotBeLookedUpIsRetriedUnderItAndDecidedOnce() {
    gateway.loseBulkAt = 0;
    gateway.bulkSavedBeforeLoss = true;
    gateway.committedFailure = new IllegalStateException("permission denied");

    runOn(2);

    assertThat(bulk.results().get(0))
        .startsWith("? Message #1 — outcome unknown (")
        .endsWith("); a retry sends it under the same key, so it is decided once");
    assertThat(bulk.summaryProperty().get())
        .startsWith("Connection lost: 0 decided, 0 refused, 1 of unknown outcome, 1 not sent.");

    bulk.retryRest();

    // The first send was saved after all: sent again under its key, it answers that decision.
    assertThat(sentItems()).containsExactly(1L, 1L, 2L);
    assertThat(sentKeys().get(1)).isEqualTo(sentKeys().get(0));
    assertThat(bulk.results().get(0)).isEqualTo("✓ Message #1 — decision 1");
    assertThat(decidedItems()).containsExactly(1L, 2L);
  }

  private void runOn(int items) {
    bulk.useSelection(IntStream.rangeClosed(1, items).mapToObj(BulkViewModelTest::key).toList());
    bulk.run(new DecisionFormViewModel(FlagDecision.DISMISS, "x").build(key(1)));
  }

  private List<Long> sentItems() {
    return gateway.bulkSent.stream().map(i -> i.key().id()).toList();
  }

  private List<String> sentKeys() {
    return gateway.bulkSent.stream().map(BulkItem::requestKey).toList();
  }

  private List<Long> decidedItems() {
    return gateway.decided.stream().map(DecisionRequest::key).map(ItemKey::id).toList();
  }

  private static ItemKey key(long id) {
    return new ItemKey(FlaggedEntityType.DISPUTE_MESSAGE, id);
  }
}
