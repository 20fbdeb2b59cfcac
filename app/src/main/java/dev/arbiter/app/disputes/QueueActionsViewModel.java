package dev.arbiter.app.disputes;

import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.model.disputes.DisputePriority;
import dev.arbiter.persistence.disputes.DisputeBulkService;
import dev.arbiter.persistence.disputes.DisputeBulkService.Outcome;
import dev.arbiter.persistence.disputes.DisputeCommand;
import dev.arbiter.persistence.disputes.DisputeSnapshot;
import dev.arbiter.persistence.disputes.SavedView;
import dev.arbiter.persistence.disputes.SavedViewService;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the queue's toolbar does: saved views (and remembering the last filter), and bulk assign or
 * priority over the selection or everything matching, with a preview and a per-row result.
 */
public final class QueueActionsViewModel {

  /** What a bulk action would touch, for the agent to confirm. */
  public record Preview(String description, List<DisputeSnapshot> targets) {}

  private final SavedViewService views;
  private final DisputeBulkService bulk;
  private final DisputeQueueViewModel queue;
  private final TaskRunner tasks;
  private final String login;
  private final ObservableList<SavedView> savedViews = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

  public QueueActionsViewModel(
      SavedViewService views,
      DisputeBulkService bulk,
      DisputeQueueViewModel queue,
      TaskRunner tasks,
      String login) {
    this.views = views;
    this.bulk = bulk;
    this.queue = queue;
    this.tasks = tasks;
    this.login = login;
  }

  /** Restores the last session's filter and sort, then loads the queue and the saved views. */
  public void start() {
    tasks
        .run(views::last)
        .onSuccess(
            last -> {
              queue.form().show(last.filter());
              queue.sortProperty().set(last.sort());
              queue.apply();
            })
        .onFailure(
            failure -> {
              error.set(ErrorText.describe(failure));
              queue.apply();
            });
    loadViews();
  }

  public void loadViews() {
    tasks.run(views::list).onSuccess(savedViews::setAll);
  }

  /** Shows a saved view's filter and sort. */
  public void applyView(SavedView view) {
    queue.form().show(view.filter());
    queue.sortBy(view.sort());
  }

  /** Saves the filter and sort on screen under {@code name}. */
  public void saveView(String name, boolean shared) {
    var filter = queue.form().toFilter();
    if (filter == null) {
      return;
    }
    var sort = queue.sortProperty().get();
    tasks
        .run(() -> views.save(name, shared, filter, sort))
        .onSuccess(id -> loadViews())
        .onFailure(f -> error.set(ErrorText.describe(f)));
  }

  /** Remembers the applied filter and sort for the next start (quietly: it is a convenience). */
  public void rememberCurrent() {
    var filter = queue.appliedProperty().get();
    var sort = queue.sortProperty().get();
    tasks.run(
        () -> {
          views.saveLast(filter, sort);
          return null;
        });
  }

  /** Works out the rows a bulk action would touch: the selection, or all matching the filter. */
  public void preview(
      List<QueueItem> selection, boolean allMatching, String verb, Consumer<Preview> then) {
    if (!allMatching) {
      List<DisputeSnapshot> targets =
          selection.stream().map(i -> DisputeSnapshot.of(i.row())).toList();
      if (targets.isEmpty()) {
        error.set("Select rows first (Shift or Ctrl with click or arrows).");
        return;
      }
      then.accept(new Preview(verb + " " + count(targets.size()) + " (selected)?", targets));
      return;
    }
    var filter = queue.appliedProperty().get();
    tasks
        .run(() -> bulk.matching(filter))
        .onSuccess(
            targets ->
                then.accept(
                    new Preview(
                        verb + " all " + count(targets.size()) + " matching the filter?", targets)))
        .onFailure(f -> error.set(ErrorText.describe(f)));
  }

  public void assignToMe(List<DisputeSnapshot> targets, Consumer<List<Outcome>> then) {
    run(targets, (row, key) -> new DisputeCommand.Assign(row, login, "you", key), then);
  }

  public void setPriority(
      List<DisputeSnapshot> targets, DisputePriority priority, Consumer<List<Outcome>> then) {
    run(targets, (row, key) -> new DisputeCommand.ChangePriority(row, priority, key), then);
  }

  private void run(
      List<DisputeSnapshot> targets,
      BiFunction<DisputeSnapshot, String, DisputeCommand> command,
      Consumer<List<Outcome>> then) {
    String batch = DisputeCommand.newKey();
    tasks
        .run(() -> bulk.apply(targets, batch, command))
        .onSuccess(
            outcomes -> {
              error.set("");
              queue.refreshRows(targets.stream().map(DisputeSnapshot::id).toList());
              then.accept(outcomes);
            })
        .onFailure(f -> error.set(ErrorText.describe(f)));
  }

  private static String count(int n) {
    return n == 1 ? "1 dispute" : n + " disputes";
  }

  public ObservableList<SavedView> savedViews() {
    return savedViews;
  }

  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }
}
