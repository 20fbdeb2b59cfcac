package dev.arbiter.app.moderation;

import dev.arbiter.app.common.OutcomeByKey;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.persistence.moderation.BulkItem;
import dev.arbiter.persistence.moderation.DecisionRequest;
import dev.arbiter.persistence.moderation.ItemKey;
import dev.arbiter.persistence.moderation.QueueFilter;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A bulk action: the selected items, or every item matching the filter (up to {@link #MAX_ITEMS}),
 * previewed as a count before anything happens, then decided one by one, each under its own request
 * key, with a result per item. A run cut short by a lost connection says what was done, checks the
 * item in flight by its key, and offers to send the rest again.
 */
public final class BulkViewModel {

  static final int MAX_ITEMS = 500;

  private final ModerationGateway gateway;
  private final TaskRunner tasks;
  private final Runnable changed;
  private final ObservableBooleanValue online;
  private final OutcomeByKey checker;
  private final ReadOnlyStringWrapper scope = new ReadOnlyStringWrapper("Counting…");
  private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper canRetry = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper retryable = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
  private final ObservableList<String> results = FXCollections.observableArrayList();
  private List<ItemKey> keys = List.of();
  private DecisionRequest template;
  private BulkOutcomes outcomes;
  private boolean sending;

  public BulkViewModel(ModerationGateway gateway, TaskRunner tasks, Runnable changed) {
    this(gateway, tasks, changed, new SimpleBooleanProperty(true));
  }

  /**
   * @param online false while the database cannot be reached: nothing is sent, and an answer lost
   *     with the connection is looked up by its key once it is true again
   */
  public BulkViewModel(
      ModerationGateway gateway,
      TaskRunner tasks,
      Runnable changed,
      ObservableBooleanValue online) {
    this.gateway = gateway;
    this.tasks = tasks;
    this.changed = changed;
    this.online = online;
    this.checker = new OutcomeByKey(gateway::committed, tasks, online);
    retryable.bind(
        Bindings.createBooleanBinding(() -> canRetry.get() && online.get(), canRetry, online));
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
    tasks
        .run(() -> new Matching(gateway.count(filter), gateway.keys(filter, MAX_ITEMS)))
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
    if (!online.get()) {
      summary.set(ItemViewModel.OFFLINE);
      return;
    }
    ready.set(false);
    this.template = template;
    List<BulkItem> plan = BulkItem.plan(keys);
    outcomes = new BulkOutcomes(plan);
    summary.set("Working on " + plan.size() + " items…");
    send(plan);
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
    if (!online.get()) {
      summary.set(ItemViewModel.OFFLINE);
      return;
    }
    List<BulkItem> rest = outcomes.rest();
    summary.set(
        rest.size() == 1
            ? "Sending the item left again…"
            : "Sending the " + rest.size() + " items left again…");
    send(rest);
  }

  private void send(List<BulkItem> items) {
    sending = true;
    canRetry.set(false);
    DecisionRequest decision = template;
    tasks
        .run(() -> gateway.bulk(items, decision))
        .onSuccess(
            answers -> {
              sending = false;
              List<BulkItem> toCheck = outcomes.record(answers);
              show();
              done.set(true);
              changed.run();
              toCheck.forEach(this::settle);
            })
        .onFailure(
            failure -> {
              // The service reports a lost connection item by item instead of throwing, so this is
              // no connection at all (nothing sent) or a fault. Each item keeps its key, so sending
              // them again cannot decide one twice.
              sending = false;
              summary.set(Refusals.describe(failure));
              canRetry.set(!outcomes.rest().isEmpty());
              done.set(true);
              changed.run();
            });
  }

  // Only after the key is looked up may the item be called decided, or sent again.
  private void settle(BulkItem item) {
    BulkOutcomes current = outcomes;
    checker.settle(
        item.requestKey(),
        committed -> {
          current.settled(item, committed);
          show();
          if (committed) {
            changed.run();
          }
        },
        failure -> {
          current.undetermined(item, Refusals.describe(failure));
          show();
        });
  }

  private void show() {
    results.setAll(outcomes.lines());
    summary.set(outcomes.summary());
    canRetry.set(!sending && !outcomes.checking() && !outcomes.rest().isEmpty());
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
