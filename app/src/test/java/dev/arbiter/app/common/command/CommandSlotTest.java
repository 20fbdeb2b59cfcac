package dev.arbiter.app.common.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.DeferredTaskRunner;
import dev.arbiter.app.common.SynchronousTaskRunner;
import dev.arbiter.app.common.command.FakeDatabase.Next;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One view's commands, one at a time, without the toolkit. */
@Timeout(30)
class CommandSlotTest {

  private final FakeDatabase db = new FakeDatabase();
  private final SimpleBooleanProperty online = new SimpleBooleanProperty(true);
  private final SimpleBooleanProperty busy = new SimpleBooleanProperty(false);
  private final CommandSlot slot =
      new CommandSlot(
          new CommandRunner(new SynchronousTaskRunner(), new ManualLater(), online, db::committed),
          busy);
  private final Replies<String> first = new Replies<>();
  private final Replies<String> second = new Replies<>();

  @Test
  void aCommandOnItsWayKeepsTheViewBusyAndTheNextOneIsIgnored() {
    DeferredTaskRunner tasks = new DeferredTaskRunner();
    CommandSlot deferred =
        new CommandSlot(new CommandRunner(tasks, new ManualLater(), online, db::committed), busy);

    assertThat(deferred.send(db.command("k1", "assign"), first)).isTrue();
    assertThat(deferred.send(db.command("k2", "escalate"), second)).isFalse();
    assertThat(busy.get()).isTrue();

    tasks.finishAll();

    assertThat(busy.get()).isFalse();
    assertThat(db.sent).containsExactly("k1");
    assertThat(first.heard).containsExactly("sending", "answered assign #1");
    assertThat(second.heard).isEmpty();
  }

  @Test
  void offlineNothingIsSentAndTheReplyHearsWhy() {
    online.set(false);

    assertThat(slot.send(db.command("k1", "note"), first)).isFalse();

    assertThat(first.heard).containsExactly("offline");
    assertThat(db.sent).isEmpty();
  }

  @Test
  void whileALostAnswerIsLookedUpTheNextCommandIsHeldBack() {
    db.next.add(Next.LOSE_AFTER_SAVING);
    slot.send(db.command("k1", "note"), first);
    assertThat(first.heard).containsExactly("sending", "checking", "saved null");

    db.next.add(Next.LOSE_BEFORE_SAVING);
    db.lookupFailures.add(FakeDatabase.lost());
    slot.send(db.command("k2", "reply"), first);
    assertThat(slot.settling()).isTrue();

    assertThat(slot.send(db.command("k3", "escalate"), second)).isFalse();

    assertThat(second.heard).containsExactly("held");
    assertThat(db.sent).containsExactly("k1", "k2");
  }

  @Test
  void aCommandKnownNotSavedIsRetriedUnderItsKeyAndADoubleClickSendsItOnce() {
    db.next.add(Next.LOSE_BEFORE_SAVING);
    slot.send(db.command("k1", "note"), first);

    assertThat(first.heard).containsExactly("sending", "checking", "not saved");
    assertThat(slot.retryableProperty().get()).isTrue();

    assertThat(slot.retry()).isTrue();
    assertThat(slot.retry()).isFalse();

    assertThat(db.sent).containsExactly("k1", "k1");
    assertThat(db.saved).containsOnlyKeys("k1");
    assertThat(slot.retryableProperty().get()).isFalse();
  }

  @Test
  void aRetryWhileOfflineSendsNothingAndKeepsTheOffer() {
    db.next.add(Next.LOSE_BEFORE_SAVING);
    slot.send(db.command("k1", "note"), first);
    online.set(false);

    assertThat(slot.retry()).isFalse();

    assertThat(first.heard).endsWith("offline");
    assertThat(slot.retryableProperty().get()).isTrue();
    assertThat(db.sent).containsExactly("k1");
  }

  @Test
  void aFailureMayOfferRetryUnderTheSameKey() {
    db.next.add(Next.REFUSE);
    slot.send(db.command("k1", "release"), first);
    assertThat(slot.retryableProperty().get()).isFalse();

    slot.offerRetry();
    slot.retry();

    assertThat(db.sent).containsExactly("k1", "k1");
    assertThat(first.heard).endsWith("answered release #1");
  }

  @Test
  void forgettingDropsTheOfferButNotALookupUnderWay() {
    db.next.add(Next.LOSE_BEFORE_SAVING);
    db.whenLost = () -> online.set(false);
    slot.send(db.command("k1", "note"), first);

    slot.forget();

    assertThat(slot.settling()).isTrue();
    online.set(true);
    assertThat(slot.retryableProperty().get()).isTrue();
    slot.forget();
    assertThat(slot.retryableProperty().get()).isFalse();
    assertThat(slot.retry()).isFalse();
  }

  @Test
  void movingOnFreesTheSlotWhileTheLookupStillReportsToItsReply() {
    db.next.add(Next.LOSE_AFTER_SAVING);
    db.whenLost = () -> online.set(false);
    slot.send(db.command("k1", "decide"), first);

    slot.moveOn();

    assertThat(slot.settling()).isFalse();
    assertThat(slot.send(db.command("k2", "claim"), second)).isFalse();
    assertThat(second.heard).containsExactly("offline");
    online.set(true);

    assertThat(first.heard).containsExactly("sending", "checking", "saved null");
    assertThat(slot.retryableProperty().get()).isFalse();
    assertThat(slot.send(db.command("k2", "claim"), second)).isTrue();
  }
}
