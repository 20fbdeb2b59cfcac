package dev.arbiter.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefreshGateTest {

  @Test
  void requestsDuringARefreshBecomeExactlyOneMore() {
    List<Runnable> running = new ArrayList<>();
    RefreshGate gate = new RefreshGate(running::add);

    gate.request();
    gate.request();
    gate.request();
    assertThat(running).hasSize(1);

    running.get(0).run();
    assertThat(running).hasSize(2);

    running.get(1).run();
    gate.request();
    assertThat(running).hasSize(3);
  }

  @Test
  void aRefreshThatFailsToStartDoesNotShutTheGate() {
    List<Runnable> running = new ArrayList<>();
    boolean[] fail = {true};
    RefreshGate gate =
        new RefreshGate(
            done -> {
              if (fail[0]) {
                throw new IllegalStateException("runner closed");
              }
              running.add(done);
            });

    org.assertj.core.api.Assertions.assertThatThrownBy(gate::request)
        .isInstanceOf(IllegalStateException.class);
    fail[0] = false;
    gate.request();

    assertThat(running).hasSize(1);
  }
}
