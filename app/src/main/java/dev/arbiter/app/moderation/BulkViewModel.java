package dev.arbiter.app.moderation;

import dev.arbiter.app.common.command.AnswerLost;
import dev.arbiter.app.common.command.BulkRun;
import dev.arbiter.app.common.command.CommandRunner;
import dev.arbiter.app.common.command.StaffCommand;
import dev.arbiter.persistence.moderation.BulkItem;
import dev.arbiter.persistence.moderation.BulkResult;
import dev.arbiter.persistence.moderation.DecisionRequest;
import dev.arbiter.persistence.moderation.ItemKey;
import dev.arbiter.persistence.moderation.QueueFilter;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A bulk action: the selected items, or every item matching the filter (up to {@link #MAX_ITEMS}),
 * previewed as a count before anything happens, then decided one by one, each a command under its
 * own request key sent by the same runner as a single decision ({@link BulkRun}), with a result per
 * item. A run cut short by a lost connection says what was done, checks the item in flight by its
 * key once online, and offers to send the rest again.
 */
public final class BulkViewModel {

  static final int MAX_ITEMS = 500;

  private final ModerationWork work;
  private final CommandRunner commands;
  private final ReadOnlyStringWrapper scope = new ReadOnlyStringWrapper("Counting…");
  private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper canRetry = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper retryable = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
  private final ObservableList<String> results = FXCollections.observableArrayList();
  private List<ItemKey> keys = List.of();
  private List<String> labels = List.of();
  private BulkRun<BulkResult> run;

  /**
   * @param commands sends each item: nothing while offline, and an answer lost with the connection
   *     is looked up by its key once online again
   */
  public BulkViewModel(ModerationWork work) {
    this.work = work;
    this.commands = work.commands();
    retryable.bind(
        Bindings.createBooleanBinding(
            () -> canRetry.get() && commands.isOnline(), canRetry, commands.online()));
  }

  /** Targets exactly the items the moderator selected. */
  public void useSelection(List<ItemKey> selected) {
    keys = List.copyOf(selected);
    scope.set(keys.size() + " selected items");
    ready.set(!keys.isEmpty());
  }

  /** Targets every item matching {@code filter}; counts them first for the preview. */
  public void useFilter(QueueFilter filter) {
    ready.set(false);
    work.tasks()
        .run(
            () ->
                new Matching(work.gateway().count(filter), work.gateway().keys(filter, MAX_ITEMS)))
        .onSuccess(
            matching -> {
              keys = matching.keys();
              scope.set(
                  matching.count() > keys.size()
                      ? matching.count()
                          + " items match the filter; the first "
                          + keys.size()
                          + " by priority will be decided"
                      : matching.count() + " items match the filter");
              ready.set(!keys.isEmpty());
            })
        .onFailure(failure -> scope.set(Refusals.describe(failure)));
  }

  private record Matching(long count, List<ItemKey> keys) {}

  /**
   * Applies {@code template} to every targeted item, each under a request key of its own. When the
   * connection drops mid-run, the answers already in are kept, the item in flight is checked by its
   * key once the console is online, and {@link #retryRest()} sends the rest under their keys.
   */
  public void run(DecisionRequest template) {
    if (!ready.get()) {
      return;
    }
    if (!commands.isOnline()) {
      summary.set(ItemViewModel.OFFLINE);
      return;
    }
    ready.set(false);
    List<BulkItem> plan = BulkItem.plan(keys);
    labels = plan.stream().map(i -> ModerationWords.item(i.key())).toList();
    run =
        new BulkRun<>(
            commands,
            plan.stream().map(i -> decide(i, template)).toList(),
            new BulkRun.Listener<>() {
              @Override
              public void changed(int index, BulkRun.Item<BulkResult> item) {
                show();
                if (item.state() == BulkRun.State.SAVED) {
                  work.queueChanged().run();
                }
              }

              @Override
              public void stopped() {
                show();
                done.set(true);
                work.queueChanged().run();
              }
            });
    summary.set("Working on " + plan.size() + " items…");
    send();
  }

  /**
   * Sends again, under the keys they were first sent with, the items that were not sent or whose
   * answer was lost and found not saved. Offered only once every lost answer has been checked, and
   * only online: offline nothing is sent.
   */
  public void retryRest() {
    if (!canRetry.get()) {
      return;
    }
    if (!commands.isOnline()) {
      summary.set(ItemViewModel.OFFLINE);
      return;
    }
    int rest = run.rest().size();
    summary.set(
        rest == 1 ? "Sending the item left again…" : "Sending the " + rest + " items left again…");
    send();
  }

  private void send() {
    canRetry.set(false);
    run.send();
  }

  // One item's claim and decision under its key. The service reports a lost connection on the item
  // instead of throwing; the runner then settles it by that key like any lost answer.
  private StaffCommand<BulkResult> decide(BulkItem item, DecisionRequest template) {
    return StaffCommand.of(
        item.requestKey(),
        DecisionRequest.describe(template.decision()) + ": " + ModerationWords.item(item.key()),
        () -> {
          BulkResult result = work.gateway().bulk(List.of(item), template).get(0);
          if (!result.answered()) {
            throw new AnswerLost(
                "the connection dropped while " + ModerationWords.item(item.key()) + " was sent");
          }
          return result;
        });
  }

  private void show() {
    results.setAll(BulkOutcomes.lines(run, labels));
    summary.set(BulkOutcomes.summary(run));
    canRetry.set(!run.running() && !run.checking() && !run.rest().isEmpty());
  }

  public List<ItemKey> keys() {
    return keys;
  }

  public ReadOnlyStringProperty scopeProperty() {
    return scope.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty readyProperty() {
    return ready.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty doneProperty() {
    return done.getReadOnlyProperty();
  }

  /** Whether there is a rest to send again (the items not sent, or not saved). */
  public ReadOnlyBooleanProperty retryOfferedProperty() {
    return canRetry.getReadOnlyProperty();
  }

  /** Whether {@link #retryRest()} would send now: a rest is offered and the console is online. */
  public ReadOnlyBooleanProperty retryableProperty() {
    return retryable.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  public ObservableList<String> results() {
    return results;
  }
}
