package dev.arbiter.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.testing.ManualScheduler;
import dev.arbiter.persistence.live.TableChange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The flusher's clock is the test's: every interval that passes is one the test moved. */
class LiveUpdatesTest {

  private final ManualScheduler clock = new ManualScheduler();
  private final List<ChangeSet> published = new ArrayList<>();

  @Test
  void aBurstOfNotificationsIsPublishedAsOneSet() {
    try (LiveUpdates updates = new LiveUpdates(Runnable::run, clock, Duration.ofMillis(100))) {
      updates.subscribe(published::add);
      for (int i = 0; i < 500; i++) {
        updates.changes(List.of(new TableChange("disputes", "update", Integer.toString(i % 50))));
      }
      clock.advance(Duration.ofMillis(99));
      assertThat(published).isEmpty();

      clock.advance(Duration.ofMillis(1));
      clock.advance(Duration.ofMillis(250));
    }

    assertThat(published).hasSize(1);
    assertThat(published.get(0).ids("disputes")).hasSize(50);
  }

  @Test
  void aReconnectPublishesAFullRefreshAndFlipsOnline() {
    try (LiveUpdates updates = new LiveUpdates(Runnable::run, clock, Duration.ofMillis(50))) {
      updates.subscribe(published::add);
      updates.offline("server closed the connection");
      assertThat(updates.onlineProperty().get()).isFalse();
      assertThat(updates.offlineReasonProperty().get()).contains("closed");

      updates.online(true);
      clock.advance(Duration.ofMillis(50));

      assertThat(updates.onlineProperty().get()).isTrue();
      assertThat(published).hasSize(1);
      assertThat(published.get(0).resync()).isTrue();
    }
  }

  @Test
  void theFirstConnectionAsksForOneRefreshThenNothingIsPublishedWhileNothingChanges() {
    try (LiveUpdates updates = new LiveUpdates(Runnable::run, clock, Duration.ofMillis(20))) {
      updates.subscribe(published::add);
      updates.online(false);
      clock.advance(Duration.ofMillis(20));
      assertThat(published).hasSize(1);

      clock.advance(Duration.ofSeconds(10));
    }
    // Views loaded before LISTEN was in place re-read once, so a commit in between is not missed.
    assertThat(published).hasSize(1);
    assertThat(published.get(0).resync()).isTrue();
  }

  @Test
  void aSubscriberThatThrowsDoesNotStopLaterPublications() {
    try (LiveUpdates updates = new LiveUpdates(Runnable::run, clock, Duration.ofMillis(20))) {
      updates.subscribe(
          set -> {
            published.add(set);
            if (published.size() == 1) {
              throw new IllegalStateException("view failed");
            }
          });
      updates.changes(List.of(new TableChange("disputes", "update", "1")));
      clock.advance(Duration.ofMillis(20));
      assertThat(published).hasSize(1);

      updates.changes(List.of(new TableChange("disputes", "update", "2")));
      clock.advance(Duration.ofMillis(20));
    }
    assertThat(published).hasSize(2);
    assertThat(published.get(1).ids("disputes")).containsExactly("2");
  }

  @Test
  void closingStopsTheFlusher() {
    LiveUpdates updates = new LiveUpdates(Runnable::run, clock, Duration.ofMillis(20));
    updates.subscribe(published::add);

    updates.close();
    updates.changes(List.of(new TableChange("disputes", "update", "1")));
    clock.advance(Duration.ofSeconds(1));

    assertThat(clock.isShutdown()).isTrue();
    assertThat(published).isEmpty();
  }
}
