package dev.arbiter.app.common.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.SynchronousTaskRunner;
import dev.arbiter.app.common.command.BulkRun.Item;
import dev.arbiter.app.common.command.BulkRun.State;
import dev.arbiter.app.common.command.FakeDatabase.Next;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A bulk action sent item by item through the one runner. */
@Timeout(30)
class BulkRunTest {

  private final FakeDatabase db = new FakeDatabase();
  private final SimpleBooleanProperty online = new SimpleBooleanProperty(true);
  private final CommandRunner runner =
      new CommandRunner(new SynchronousTaskRunner(), new ManualLater(), online, db::committed);
  private final List<String> heard = new ArrayList<>();
  private final BulkRun<String> run =
      new BulkRun<>(
          runner,
          IntStream.rangeClosed(1, 4).mapToObj(i -> db.command("k" + i, "assign " + i)).toList(),
          new BulkRun.Listener<>() {
            @Override
            public void changed(int index, Item<String> item) {
              heard.add(index + " " + item.state());
            }

            @Override
            public void stopped() {
              heard.add("stopped");
            }

            @Override
            public void settled(BulkRun<String> done) {
              heard.add("settled");
            }
          });

  @Test
  void itemsGoOutOneAfterAnotherEachUnderItsOwnKey() {
    assertThat(run.send()).isTrue();

    assertThat(db.sent).containsExactly("k1", "k2", "k3", "k4");
    assertThat(states()).containsOnly(State.ANSWERED);
    assertThat(run.items().get(2).answer()).isEqualTo("assign 3 #3");
    assertThat(heard).endsWith("stopped", "settled");
    assertThat(run.interrupted()).isFalse();
  }

  @Test
  void aLostConnectionStopsTheRunAndTheRestGoesOutUnderTheSameKeysOnce() {
    db.next.addAll(List.of(Next.SAVE, Next.LOSE_BEFORE_SAVING));

    run.send();

    assertThat(db.sent).containsExactly("k1", "k2");
    assertThat(states())
        .containsExactly(State.ANSWERED, State.NOT_SAVED, State.NOT_SENT, State.NOT_SENT);
    assertThat(heard)
        .containsExactly("0 ANSWERED", "1 CHECKING", "stopped", "1 NOT_SAVED", "settled");
    assertThat(run.rest()).hasSize(3);

    run.send();

    assertThat(db.sent).containsExactly("k1", "k2", "k2", "k3", "k4");
    assertThat(states()).containsOnly(State.ANSWERED);
    assertThat(db.saved).hasSize(4);
  }

  @Test
  void anItemSavedBeforeItsAnswerWasLostIsNotSentAgain() {
    db.next.addAll(List.of(Next.SAVE, Next.LOSE_AFTER_SAVING));

    run.send();
    run.send();

    assertThat(db.sent).containsExactly("k1", "k2", "k3", "k4");
    assertThat(states())
        .containsExactly(State.ANSWERED, State.SAVED, State.ANSWERED, State.ANSWERED);
  }

  @Test
  void whileTheItemInFlightIsLookedUpNothingIsSent() {
    db.next.addAll(List.of(Next.SAVE, Next.LOSE_AFTER_SAVING));
    db.lookupFailures.add(FakeDatabase.lost());

    run.send();

    assertThat(run.checking()).isTrue();
    assertThat(run.send()).isFalse();
    assertThat(db.sent).containsExactly("k1", "k2");
  }

  @Test
  void aFailureStopsTheRunAndItsItemIsSentAgainWithTheRest() {
    db.next.addAll(List.of(Next.SAVE, Next.REFUSE));

    run.send();

    assertThat(run.failure()).hasMessage("refused: assign 2");
    assertThat(states())
        .containsExactly(State.ANSWERED, State.FAILED, State.NOT_SENT, State.NOT_SENT);

    run.send();

    assertThat(run.failure()).isNull();
    assertThat(db.sent).containsExactly("k1", "k2", "k2", "k3", "k4");
  }

  @Test
  void offlineNothingIsSent() {
    online.set(false);

    assertThat(run.send()).isFalse();

    assertThat(db.sent).isEmpty();
  }

  @Test
  void aCancelledRunStopsBetweenItems() {
    List<BulkRun<String>> self = new ArrayList<>();
    BulkRun<String> cancelled =
        new BulkRun<>(
            runner,
            List.of(db.command("k1", "one"), db.command("k2", "two")),
            new BulkRun.Listener<>() {
              @Override
              public void changed(int index, Item<String> item) {
                self.get(0).cancel();
              }
            });
    self.add(cancelled);

    cancelled.send();

    assertThat(db.sent).containsExactly("k1");
    assertThat(cancelled.count(State.NOT_SENT)).isOne();
    assertThat(cancelled.running()).isFalse();
  }

  private List<State> states() {
    return run.items().stream().map(Item::state).toList();
  }
}
