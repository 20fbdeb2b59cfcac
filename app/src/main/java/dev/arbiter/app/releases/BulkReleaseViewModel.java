package dev.arbiter.app.releases;

import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.app.common.command.BulkRun;
import dev.arbiter.app.common.command.CommandRunner;
import dev.arbiter.app.common.command.StaffCommand;
import dev.arbiter.persistence.escrow.BulkRelease;
import dev.arbiter.persistence.escrow.BulkRelease.Item;
import dev.arbiter.persistence.escrow.BulkRelease.Outcome;
import dev.arbiter.persistence.ledger.MoneyResult;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A bulk release: choose checkpoints, preview what the database would say to each, then execute
 * with progress and one line per item. The plan (and each item's key) is made once, and every item
 * is a command of its own sent by the same runner as a single release ({@link BulkRun}), so
 * executing again after an interruption finishes the job without paying anything twice: done items
 * replay their answer.
 */
public final class BulkReleaseViewModel {

  /** The service calls, off the FX thread. */
  public interface Engine {
    /** What each item would get, run and rolled back; progress comes back per item. */
    List<Outcome> preview(BulkRelease plan, Consumer<Outcome> progress);

    /** Releases one item under its key; sent again under it, the first answer is replayed. */
    MoneyResult release(Item item);
  }

  /** One item's line. */
  public record Line(long checkpointId, String result, boolean ok) {}

  private final Engine engine;
  private final TaskRunner tasks;
  private final CommandRunner commands;
  private final Executor ui;
  private final ObservableList<Line> lines = FXCollections.observableArrayList();
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Nothing selected.");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper executable = new ReadOnlyBooleanWrapper(false);
  private BulkRelease plan;
  private BulkRun<MoneyResult> run;

  /**
   * @param commands sends the releases: nothing while offline, and the item whose answer was lost
   *     with the connection is looked up by its key
   * @param ui runs preview progress on the FX thread ({@code Platform::runLater}; direct in tests)
   */
  public BulkReleaseViewModel(
      Engine engine, TaskRunner tasks, CommandRunner commands, Executor ui) {
    this.engine = engine;
    this.tasks = tasks;
    this.commands = commands;
    this.ui = ui;
  }

  /** Plans a release of {@code ids} (found off the FX thread) and previews it. */
  public void choose(Supplier<List<Long>> ids) {
    busy.set(true);
    lines.clear();
    summary.set("Selecting…");
    tasks
        .run(ids::get)
        .onSuccess(
            chosen -> {
              plan = BulkRelease.plan(chosen);
              busy.set(false);
              preview();
            })
        .onFailure(this::failed);
  }

  /** Asks the database what each item would get, without keeping anything. */
  public void preview() {
    if (plan == null || plan.items().isEmpty()) {
      summary.set("Nothing selected: choose approved checkpoints in the queue.");
      executable.set(false);
      return;
    }
    if (refusedOffline()) {
      return;
    }
    start();
    BulkRelease current = plan;
    int total = current.items().size();
    tasks
        .run(
            () ->
                engine.preview(current, o -> ui.execute(() -> report(o.item(), o.result(), total))))
        .onSuccess(
            outcomes -> {
              busy.set(false);
              long pass = outcomes.stream().filter(o -> o.result().ok()).count();
              executable.set(pass > 0);
              summary.set(
                  "Preview: "
                      + pass
                      + " of "
                      + outcomes.size()
                      + " would be released, "
                      + (outcomes.size() - pass)
                      + " would be refused. Nothing has moved yet.");
            })
        .onFailure(this::failed);
  }

  /** Releases every item of the plan, each in its own transaction under its own key. */
  public void execute() {
    if (plan == null || busy.get() || refusedOffline()) {
      return;
    }
    start();
    List<Item> items = plan.items();
    run =
        new BulkRun<>(
            commands,
            items.stream().map(this::release).toList(),
            new BulkRun.Listener<>() {
              @Override
              public void changed(int index, BulkRun.Item<MoneyResult> item) {
                if (item.answer() != null) {
                  report(items.get(index), item.answer(), items.size());
                }
              }

              @Override
              public void stopped() {
                if (run.checking()) {
                  summary.set(
                      "Connection lost while releasing; checking whether the item in flight was"
                          + " saved…");
                }
              }

              @Override
              public void settled(BulkRun<MoneyResult> done) {
                finished(done);
              }
            });
    if (!run.send()) {
      // The console went offline between the check above and the send.
      busy.set(false);
      refusedOffline();
    }
  }

  // Found saved after its answer was lost, an item is sent once more under its key only to read
  // the stored answer (a replay), so its line says what the database did.
  private StaffCommand<MoneyResult> release(Item item) {
    return StaffCommand.replaying(
        item.idempotencyKey(),
        "Release checkpoint " + item.checkpointId(),
        () -> engine.release(item));
  }

  private void finished(BulkRun<MoneyResult> run) {
    busy.set(false);
    List<BulkRun.Item<MoneyResult>> items = run.items();
    long answered = items.stream().filter(i -> i.answer() != null).count();
    long ok = items.stream().filter(i -> i.answer() != null && i.answer().ok()).count();
    Throwable problem =
        run.failure() != null
            ? run.failure()
            : items.stream()
                .map(BulkRun.Item::problem)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
    if (problem != null) {
      failed(problem);
    } else if (run.interrupted()) {
      long left = items.size() - answered;
      executable.set(left > 0);
      summary.set(
          ok
              + " released, "
              + (answered - ok)
              + " refused, "
              + left
              + " not released: the connection dropped."
              + (left > 0 ? " Execute again to finish: done items are not paid twice." : ""));
    } else {
      executable.set(false);
      long notStarted = run.count(BulkRun.State.NOT_SENT);
      summary.set(
          ok
              + " released, "
              + (answered - ok)
              + " refused"
              + (notStarted > 0 ? ", " + notStarted + " not started" : "")
              + ".");
    }
  }

  private boolean refusedOffline() {
    if (commands.isOnline()) {
      return false;
    }
    summary.set("Offline: the database cannot be reached. Nothing was sent; try again when back.");
    return true;
  }

  /** Stops an execution between items. */
  public void cancel() {
    if (run != null) {
      run.cancel();
    }
  }

  private void start() {
    busy.set(true);
    lines.clear();
    progress.set(0);
  }

  private void report(Item item, MoneyResult result, int total) {
    lines.add(new Line(item.checkpointId(), result.describe(), result.ok()));
    progress.set(total == 0 ? 1 : (double) lines.size() / total);
  }

  private void failed(Throwable failure) {
    busy.set(false);
    executable.set(plan != null);
    summary.set(
        ErrorText.describe(failure) + " Execute again to finish: done items are not paid twice.");
  }

  public ObservableList<Line> lines() {
    return lines;
  }

  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty executableProperty() {
    return executable.getReadOnlyProperty();
  }
}
