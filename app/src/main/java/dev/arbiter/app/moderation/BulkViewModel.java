package dev.arbiter.app.moderation;

import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.persistence.moderation.BulkResult;
import dev.arbiter.persistence.moderation.DecisionRequest;
import dev.arbiter.persistence.moderation.ItemKey;
import dev.arbiter.persistence.moderation.QueueFilter;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A bulk action: the selected items, or every item matching the filter (up to {@link #MAX_ITEMS}),
 * previewed as a count before anything happens, then decided one by one with a result per item.
 */
public final class BulkViewModel {

  static final int MAX_ITEMS = 500;

  private final ModerationGateway gateway;
  private final TaskRunner tasks;
  private final Runnable changed;
  private final ReadOnlyStringWrapper scope = new ReadOnlyStringWrapper("Counting…");
  private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
  private final ObservableList<String> results = FXCollections.observableArrayList();
  private final java.util.function.BooleanSupplier online;
  private List<ItemKey> keys = List.of();

  public BulkViewModel(ModerationGateway gateway, TaskRunner tasks, Runnable changed) {
    this(gateway, tasks, changed, () -> true);
  }

  /**
   * @param online false while the database cannot be reached: the run is refused, nothing is sent
   */
  public BulkViewModel(
      ModerationGateway gateway,
      TaskRunner tasks,
      Runnable changed,
      java.util.function.BooleanSupplier online) {
    this.gateway = gateway;
    this.tasks = tasks;
    this.changed = changed;
    this.online = online;
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

  /** Applies {@code template} to every targeted item. */
  public void run(DecisionRequest template) {
    if (!ready.get()) {
      return;
    }
    if (!online.getAsBoolean()) {
      summary.set(ItemViewModel.OFFLINE);
      return;
    }
    ready.set(false);
    List<ItemKey> targets = keys;
    summary.set("Working on " + targets.size() + " items…");
    tasks
        .run(() -> gateway.bulk(targets, template))
        .onSuccess(
            outcome -> {
              long ok = outcome.stream().filter(BulkResult::succeeded).count();
              results.setAll(outcome.stream().map(BulkViewModel::line).toList());
              summary.set(ok + " decided, " + (outcome.size() - ok) + " refused");
              done.set(true);
              changed.run();
            })
        .onFailure(
            failure -> {
              summary.set(Refusals.describe(failure));
              done.set(true);
              changed.run();
            });
  }

  private static String line(BulkResult result) {
    return result.succeeded()
        ? "✓ " + result.key().label() + " — decision " + result.decisionId()
        : "✗ " + result.key().label() + " — " + result.refusal();
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

  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  public ObservableList<String> results() {
    return results;
  }
}
