package dev.arbiter.app.disputes;

import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.app.common.command.BulkRun;
import dev.arbiter.app.common.command.CommandRunner;
import dev.arbiter.app.common.command.StaffCommand;
import dev.arbiter.model.disputes.DisputePriority;
import dev.arbiter.persistence.disputes.DisputeBulkService.Outcome;
import dev.arbiter.persistence.disputes.DisputeCommand;
import dev.arbiter.persistence.disputes.DisputeSnapshot;
import dev.arbiter.persistence.disputes.QueueFilter;
import dev.arbiter.persistence.disputes.QueueSort;
import dev.arbiter.persistence.disputes.SavedView;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the queue's toolbar does: saved views (and remembering the last filter), and bulk assign or
 * priority over the selection or everything matching, with a preview and a per-row result. Each row
 * of a bulk action is a command under its own key, sent one after another by the same runner as a
 * single action ({@link BulkRun}): a row whose answer a lost connection took is looked up by its
 * key before the result is shown.
 */
public final class QueueActionsViewModel {

  /** The saved views and the bulk actions the toolbar reads and sends; called off the FX thread. */
  public interface Port {
    /** The filter and sort the agent last applied, or the defaults. */
    SavedView lastView();

    List<SavedView> savedViews();

    /** Returns the saved view's id. */
    long saveView(String name, boolean shared, QueueFilter filter, QueueSort sort);

    void saveLast(QueueFilter filter, QueueSort sort);

    /** Every row {@code filter} matches; refused when more match than a bulk action takes. */
    List<DisputeSnapshot> matching(QueueFilter filter);

    /** Sends {@code command} to each target under a key derived from {@code batchKey}. */
    List<Outcome> apply(
        List<DisputeSnapshot> targets,
        String batchKey,
        BiFunction<DisputeSnapshot, String, DisputeCommand> command);
  }

  /** What a bulk action would touch, for the agent to confirm. */
  public record Preview(String description, List<DisputeSnapshot> targets) {}

  private final Port port;
  private final DisputeQueueViewModel queue;
  private final TaskRunner tasks;
  private final CommandRunner commands;
  private final String login;
  private final ObservableList<SavedView> savedViews = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

  public QueueActionsViewModel(
      Port port,
      DisputeQueueViewModel queue,
      TaskRunner tasks,
      CommandRunner commands,
      String login) {
    this.port = port;
    this.queue = queue;
    this.tasks = tasks;
    this.commands = commands;
    this.login = login;
  }

  /** Restores the last session's filter and sort, then loads the queue and the saved views. */
  public void start() {
    tasks
        .run(port::lastView)
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
    tasks.run(port::savedViews).onSuccess(savedViews::setAll);
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
        .run(() -> port.saveView(name, shared, filter, sort))
        .onSuccess(id -> loadViews())
        .onFailure(f -> error.set(ErrorText.describe(f)));
  }

  /** Remembers the applied filter and sort for the next start (quietly: it is a convenience). */
  public void rememberCurrent() {
    var filter = queue.appliedProperty().get();
    var sort = queue.sortProperty().get();
    tasks.run(
        () -> {
          port.saveLast(filter, sort);
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
        .run(() -> port.matching(filter))
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
    if (!commands.isOnline()) {
      error.set("You are offline, so nothing was sent; run it again once the connection is back.");
      return;
    }
    String batch = DisputeCommand.newKey();
    new BulkRun<>(
            commands,
            targets.stream().map(t -> row(t, batch, command)).toList(),
            new BulkRun.Listener<Outcome>() {
              @Override
              public void settled(BulkRun<Outcome> run) {
                reported(targets, run, then);
              }
            })
        .send();
  }

  // One row under the key the service derives for it from the batch, so that it can be looked up.
  private StaffCommand<Outcome> row(
      DisputeSnapshot target,
      String batch,
      BiFunction<DisputeSnapshot, String, DisputeCommand> command) {
    String key = batch + "/" + target.id();
    return StaffCommand.of(
        key,
        command.apply(target, key).description(),
        () -> port.apply(List.of(target), batch, command).get(0));
  }

  // A failure other than a lost connection stops the run and is said, as a refusal of the whole
  // action would be; rows already done are shown done in the queue.
  private void reported(
      List<DisputeSnapshot> targets, BulkRun<Outcome> run, Consumer<List<Outcome>> then) {
    queue.refreshRows(targets.stream().map(DisputeSnapshot::id).toList());
    if (run.failure() != null) {
      error.set(ErrorText.describe(run.failure()));
      return;
    }
    error.set("");
    List<BulkRun.Item<Outcome>> items = run.items();
    then.accept(
        java.util.stream.IntStream.range(0, items.size())
            .mapToObj(i -> outcome(targets.get(i), items.get(i)))
            .toList());
  }

  private static Outcome outcome(DisputeSnapshot row, BulkRun.Item<Outcome> item) {
    return switch (item.state()) {
      case ANSWERED -> item.answer();
      case SAVED -> done(row, true, "done; the connection dropped, but it was saved once");
      case NOT_SAVED -> done(row, false, "not done: the connection dropped before it was saved");
      case UNKNOWN ->
          done(
              row,
              false,
              "the connection dropped; whether it was done could not be told ("
                  + ErrorText.describe(item.problem())
                  + ")");
      case NOT_SENT, CHECKING, FAILED -> done(row, false, "not sent: the connection dropped first");
    };
  }

  private static Outcome done(DisputeSnapshot row, boolean done, String message) {
    return new Outcome(row.id(), row.reference(), done, message);
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
