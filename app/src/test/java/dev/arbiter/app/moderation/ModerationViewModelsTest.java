package dev.arbiter.app.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.DateTimes;
import dev.arbiter.app.common.SynchronousTaskRunner;
import dev.arbiter.app.common.command.ManualLater;
import dev.arbiter.model.moderation.FlagDecision;
import dev.arbiter.model.moderation.FlagReason;
import dev.arbiter.persistence.moderation.ItemKey;
import dev.arbiter.persistence.moderation.ModerationReason;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ModerationViewModelsTest {

  private static final DateTimes DATES = new DateTimes(Locale.UK, ZoneOffset.UTC);

  private final SynchronousTaskRunner tasks = new SynchronousTaskRunner();

  @Test
  void refreshShowsTheFirstPageAndCountAndSelectsTheTopItem() {
    FakeGateway gateway = new FakeGateway("mo", 120);
    ModerationQueueViewModel queue = new ModerationQueueViewModel(gateway, tasks);

    queue.refresh();

    assertThat(queue.rows()).hasSize(ModerationQueueViewModel.PAGE_SIZE);
    assertThat(queue.list().summaryProperty().get()).isEqualTo("120 items");
    assertThat(queue.selectedProperty().get().key().id()).isEqualTo(1);
    assertThat(queue.list().hasMoreProperty().get()).isTrue();
  }

  @Test
  void movingPastTheLoadedRowsFetchesTheNextKeysetPage() {
    FakeGateway gateway = new FakeGateway("mo", 120);
    ModerationQueueViewModel queue = new ModerationQueueViewModel(gateway, tasks);
    queue.refresh();

    for (int i = 0; i < 49; i++) {
      queue.selectNext();
    }

    assertThat(queue.rows()).hasSize(100);
    assertThat(queue.selectedProperty().get().key().id()).isEqualTo(50);
    queue.selectPrevious();
    assertThat(queue.selectedProperty().get().key().id()).isEqualTo(49);
  }

  @Test
  void changingAFilterReloadsTheQueueWithIt() {
    FakeGateway gateway = new FakeGateway("mo", 3);
    ModerationQueueViewModel queue = new ModerationQueueViewModel(gateway, tasks);

    queue.reasonProperty().set(FlagReason.FRAUD);

    assertThat(gateway.filters)
        .last()
        .satisfies(f -> assertThat(f.reason()).isEqualTo(FlagReason.FRAUD));
  }

  @Test
  void claimingThenDecidingMovesTheSelectionToTheNextItem() {
    FakeGateway gateway = new FakeGateway("mo", 3);
    ModerationQueueViewModel queue = new ModerationQueueViewModel(gateway, tasks);
    ItemViewModel item = itemModel(gateway, queue);
    queue.selectedProperty().addListener((obs, old, row) -> item.show(row));
    queue.refresh();
    assertThat(item.claimTextProperty().get()).startsWith("Unclaimed");

    item.claim();

    assertThat(item.claimedByMeProperty().get()).isTrue();
    assertThat(item.claimTextProperty().get()).startsWith("Claimed by you until");
    item.decide(
        new DecisionFormViewModel(FlagDecision.HIDE_CONTENT, "x")
            .build(queue.selectedProperty().get().key()));

    assertThat(gateway.decided).extracting(r -> r.key().id()).containsExactly(1L);
    assertThat(queue.rows()).hasSize(2);
    assertThat(queue.selectedProperty().get().key().id()).isEqualTo(2);
    assertThat(item.messageProperty().get()).isEqualTo("hide the content: done for Message #1");
  }

  @Test
  void aDecisionLostWithTheConnectionIsSettledByItsKeyAndRetriedUnderIt() {
    FakeGateway gateway = new FakeGateway("mo", 3);
    ModerationQueueViewModel queue = new ModerationQueueViewModel(gateway, tasks);
    ItemViewModel item = itemModel(gateway, queue);
    queue.selectedProperty().addListener((obs, old, row) -> item.show(row));
    queue.refresh();
    item.claim();
    ItemKey first = queue.selectedProperty().get().key();

    gateway.loseBeforeSaving = true;
    item.decide(new DecisionFormViewModel(FlagDecision.HIDE_CONTENT, "x").build(first));

    assertThat(item.pending().stateProperty().get())
        .isEqualTo(PendingDecisionViewModel.State.UNSAVED);
    assertThat(item.pending().textProperty().get()).contains("was not saved");
    assertThat(gateway.decided).isEmpty();

    gateway.loseAfterSaving = true;
    item.retry();

    // Asked for by its key, not sent a third time; the retry kept the first send's key.
    assertThat(gateway.sent).hasSize(2).containsOnly(gateway.sent.get(0));
    assertThat(gateway.decided).extracting(r -> r.key()).containsExactly(first);
    assertThat(item.pending().stateProperty().get()).isEqualTo(PendingDecisionViewModel.State.NONE);
    assertThat(item.messageProperty().get())
        .isEqualTo(
            "hide the content: done for Message #1 (saved before the connection dropped,"
                + " once)");
  }

  @Test
  void anotherModeratorsClaimIsShownAndStopsTheCommands() {
    FakeGateway gateway = new FakeGateway("mo", 2);
    gateway.claims.put(
        new ItemKey(dev.arbiter.model.moderation.FlaggedEntityType.DISPUTE_MESSAGE, 1), "max");
    ModerationQueueViewModel queue = new ModerationQueueViewModel(gateway, tasks);
    ItemViewModel item = itemModel(gateway, queue);
    queue.selectedProperty().addListener((obs, old, row) -> item.show(row));
    queue.refresh();

    assertThat(item.claimedByOtherProperty().get()).isTrue();
    assertThat(item.canClaimProperty().get()).isFalse();
    assertThat(item.claimTextProperty().get()).startsWith("Claimed by max until");
  }

  @Test
  void theDecisionFormOffersReasonsThatFitAndValidatesLikeTheDatabase() {
    DecisionFormViewModel form = new DecisionFormViewModel(FlagDecision.DISMISS, "user 4");
    assertThat(form.reasons())
        .containsExactly(
            ModerationReason.NO_VIOLATION, ModerationReason.DUPLICATE, ModerationReason.OTHER);
    assertThat(form.validProperty().get()).isTrue();

    form.reasonProperty().set(ModerationReason.OTHER);
    assertThat(form.validProperty().get()).isFalse();
    assertThat(form.problemProperty().get()).isEqualTo("Explain the reason in the note");
    form.noteProperty().set("reported twice by the same person");
    assertThat(form.validProperty().get()).isTrue();

    form.decisionProperty().set(FlagDecision.SUSPEND_USER);
    form.suspendDaysProperty().set(3);
    assertThat(form.reasons()).doesNotContain(ModerationReason.NO_VIOLATION);
    assertThat(form.previewProperty().get()).startsWith("Suspend the user for 3 days — user 4.");
  }

  @Test
  void bulkReportsEachItemAndCountsRefusals() {
    FakeGateway gateway = new FakeGateway("mo", 3);
    gateway.claims.put(
        new ItemKey(dev.arbiter.model.moderation.FlaggedEntityType.DISPUTE_MESSAGE, 2), "max");
    int[] refreshed = {0};
    BulkViewModel bulk =
        new BulkViewModel(
            new ModerationWork(
                gateway,
                tasks,
                ManualLater.runner(tasks, gateway::committed),
                () -> refreshed[0]++));

    bulk.useFilter(new ModerationQueueViewModel(gateway, tasks).filter());
    assertThat(bulk.scopeProperty().get()).isEqualTo("3 items match the filter");
    bulk.run(new DecisionFormViewModel(FlagDecision.DISMISS, "x").build(bulk.keys().get(0)));

    assertThat(bulk.summaryProperty().get()).isEqualTo("2 decided, 1 refused");
    assertThat(bulk.results()).hasSize(3);
    assertThat(bulk.results().get(1)).startsWith("✗ Message #2");
    assertThat(refreshed[0]).isEqualTo(1);
  }

  @Test
  void theDecisionLogUndoesOnlyWhatTheDatabaseStillAllows() {
    FakeGateway gateway = new FakeGateway("mo", 2);
    gateway.decide(
        new DecisionFormViewModel(FlagDecision.DISMISS, "x")
            .build(new ItemKey(dev.arbiter.model.moderation.FlaggedEntityType.DISPUTE_MESSAGE, 1)));
    int[] refreshed = {0};
    DecisionLogViewModel log =
        new DecisionLogViewModel(
            new ModerationWork(
                gateway,
                tasks,
                ManualLater.runner(tasks, gateway::committed),
                () -> refreshed[0]++));
    log.refresh();
    assertThat(log.entries()).hasSize(1);
    assertThat(DecisionLogViewModel.describe(log.entries().get(0), DATES))
        .startsWith("#1 · Message #1 · Dismiss (")
        .contains(" · " + DATES.dateTime(log.entries().get(0).decidedAt()) + " · ")
        .endsWith("can be undone");

    log.undo(log.entries().get(0));

    assertThat(gateway.undone).containsExactly(1L);
    assertThat(log.entries().get(0).undoable()).isFalse();
    assertThat(log.statusProperty().get()).isEqualTo("Undid decision 1 on Message #1");
    assertThat(refreshed[0]).isEqualTo(1);
    log.undo(log.entries().get(0));
    assertThat(gateway.undone).containsExactly(1L);
  }

  private ItemViewModel itemModel(FakeGateway gateway, ModerationQueueViewModel queue) {
    return new ItemViewModel(
        new ModerationWork(
            gateway, tasks, ManualLater.runner(tasks, gateway::committed), queue::refresh),
        "mo",
        Locale.US,
        ZoneOffset.UTC);
  }
}
