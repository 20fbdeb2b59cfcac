package dev.arbiter.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThrottledRefreshTest {

  private long now;
  private final List<Runnable> timers = new ArrayList<>();
  private final List<Duration> delays = new ArrayList<>();
  private final List<Runnable> running = new ArrayList<>();
  private int started;

  private ThrottledRefresh throttle() {
    return new ThrottledRefresh(
        Duration.ofSeconds(1),
        () -> now,
        (delay, action) -> {
          delays.add(delay);
          timers.add(action);
        },
        done -> {
          started++;
          running.add(done);
        });
  }

  private void finishRunning() {
    List<Runnable> done = List.copyOf(running);
    running.clear();
    done.forEach(Runnable::run);
  }

  @Test
  void theFirstRequestStartsAtOnce() {
    throttle().request();
    assertThat(started).isEqualTo(1);
    assertThat(timers).isEmpty();
  }

  @Test
  void aBurstWithinTheIntervalCostsOneMoreReadWhenTheIntervalEnds() {
    ThrottledRefresh throttle = throttle();
    throttle.request();
    finishRunning();
    now += Duration.ofMillis(300).toNanos();
    for (int i = 0; i < 50; i++) {
      throttle.request();
    }
    assertThat(started).isEqualTo(1);
    assertThat(delays).containsExactly(Duration.ofMillis(700));

    now += Duration.ofMillis(700).toNanos();
    timers.remove(0).run();
    assertThat(started).isEqualTo(2);
  }

  @Test
  void aRequestAfterTheIntervalStartsAtOnce() {
    ThrottledRefresh throttle = throttle();
    throttle.request();
    finishRunning();
    now += Duration.ofMillis(1500).toNanos();
    throttle.request();
    assertThat(started).isEqualTo(2);
    assertThat(timers).isEmpty();
  }

  @Test
  void aSlowReadIsNeverOverlappedByTheNext() {
    ThrottledRefresh throttle = throttle();
    throttle.request();
    now += Duration.ofSeconds(3).toNanos();
    throttle.request();
    throttle.request();
    assertThat(started).isEqualTo(1);
    finishRunning();
    assertThat(started).isEqualTo(2);
  }

  @Test
  void anIntervalThatFollowsTheLastReadIsAskedAtEachRequest() {
    Duration[] interval = {Duration.ofSeconds(1)};
    ThrottledRefresh throttle =
        new ThrottledRefresh(
            () -> interval[0],
            () -> now,
            (delay, action) -> {
              delays.add(delay);
              timers.add(action);
            },
            done -> {
              started++;
              running.add(done);
            });
    throttle.request();
    finishRunning();
    interval[0] = Duration.ofSeconds(20);
    now += Duration.ofSeconds(5).toNanos();

    throttle.request();

    assertThat(started).isEqualTo(1);
    assertThat(delays).containsExactly(Duration.ofSeconds(15));
  }
}
