package dev.arbiter.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.live.TableChange;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class LiveUpdatesTest {

  @Test
  void aBurstOfNotificationsIsPublishedAsOneSet() throws Exception {
    List<ChangeSet> published = new CopyOnWriteArrayList<>();
    try (LiveUpdates updates = new LiveUpdates(Runnable::run, Duration.ofMillis(100))) {
      updates.subscribe(published::add);
      for (int i = 0; i < 500; i++) {
        updates.changes(List.of(new TableChange("disputes", "update", Integer.toString(i % 50))));
      }
      waitFor(() -> !published.isEmpty());
      Thread.sleep(250);
    }

    assertThat(published).hasSize(1);
    assertThat(published.get(0).ids("disputes")).hasSize(50);
  }

  @Test
  void aReconnectPublishesAFullRefreshAndFlipsOnline() throws Exception {
    List<ChangeSet> published = new CopyOnWriteArrayList<>();
    try (LiveUpdates updates = new LiveUpdates(Runnable::run, Duration.ofMillis(50))) {
      updates.subscribe(published::add);
      updates.offline("server closed the connection");
      assertThat(updates.onlineProperty().get()).isFalse();
      assertThat(updates.offlineReasonProperty().get()).contains("closed");

      updates.online(true);
      waitFor(() -> !published.isEmpty());

      assertThat(updates.onlineProperty().get()).isTrue();
      assertThat(published.get(0).resync()).isTrue();
    }
  }

  @Test
  void theFirstConnectionAsksForOneRefreshThenNothingIsPublishedWhileNothingChanges()
      throws Exception {
    List<ChangeSet> published = new CopyOnWriteArrayList<>();
    try (LiveUpdates updates = new LiveUpdates(Runnable::run, Duration.ofMillis(20))) {
      updates.subscribe(published::add);
      updates.online(false);
      waitFor(() -> !published.isEmpty());
      Thread.sleep(150);
    }
    // Views loaded before LISTEN was in place re-read once, so a commit in between is not missed.
    assertThat(published).hasSize(1);
    assertThat(published.get(0).resync()).isTrue();
  }

  @Test
  void aSubscriberThatThrowsDoesNotStopLaterPublications() throws Exception {
    List<ChangeSet> published = new CopyOnWriteArrayList<>();
    try (LiveUpdates updates = new LiveUpdates(Runnable::run, Duration.ofMillis(20))) {
      updates.subscribe(
          set -> {
            if (published.isEmpty()) {
              published.add(set);
              throw new IllegalStateException("view failed");
            }
            published.add(set);
          });
      updates.changes(List.of(new TableChange("disputes", "update", "1")));
      waitFor(() -> published.size() == 1);
      updates.changes(List.of(new TableChange("disputes", "update", "2")));
      waitFor(() -> published.size() == 2);
    }
    assertThat(published.get(1).ids("disputes")).containsExactly("2");
  }

  static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).isLessThan(deadline);
      Thread.sleep(5);
    }
  }
}
