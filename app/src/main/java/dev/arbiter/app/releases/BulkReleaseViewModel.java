package dev.arbiter.app.releases;

import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.OutcomeByKey;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.persistence.escrow.BulkRelease;
import dev.arbiter.persistence.escrow.BulkRelease.Item;
import dev.arbiter.persistence.escrow.BulkRelease.Outcome;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A bulk release: choose checkpoints, preview what the database would say to each, then execute
 * with progress and one line per item. The plan (and each item's key) is made once, so executing
 * again after an interruption finishes the job without paying anything twice.
 */
public final class BulkReleaseViewModel {

  /** The service calls, off the FX thread; progress comes back per item. */
  public interface Engine {
    List<Outcome> preview(BulkRelease plan, Consumer<Outcome> progress);

    List<Outcome> execute(BulkRelease plan, Consumer<Outcome> progress, BooleanSupplier cancelled);
  }

  /** One item's line. */
  public record Line(long checkpointId, String result, boolean ok) {}

  private final Engine engine;
  private final TaskRunner tasks;
  private final ObservableBooleanValue online;
  private final OutcomeByKey outcomes;
  private final Executor ui;
  private final ObservableList<Line> lines = FXCollections.observableArrayList();
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Nothing selected.");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper executable = new ReadOnlyBooleanWrapper(false);
  private final AtomicBoolean cancel = new AtomicBoolean();
  private BulkRelease plan;

  /**
   * @param ui runs per-item progress on the FX thread ({@code Platform::runLater}; direct in tests)
   */
  public BulkReleaseViewModel(
      Engine engine,
      OutcomeByKey.Check committed,
      TaskRunner tasks,
      ObservableBooleanValue online,
      Executor ui) {
    this.engine = engine;
    this.tasks = tasks;
    this.online = online;
    this.outcomes = new OutcomeByKey(committed, tasks, online);
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
    tasks
        .run(() -> engine.preview(current, this::report))
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
    cancel.set(false);
    BulkRelease current = plan;
    tasks
        .run(() -> engine.execute(current, this::report, cancel::get))
        .onSuccess(
            done -> {
              busy.set(false);
              executable.set(false);
              long ok = done.stream().filter(o -> o.result().ok()).count();
              summary.set(
                  ok
                      + " released, "
                      + (done.size() - ok)
                      + " refused"
                      + (done.size() < current.items().size()
                          ? ", " + (current.items().size() - done.size()) + " not started"
                          : "")
                      + ".");
            })
        .onFailure(
            failure -> {
              if (OutcomeByKey.unknown(failure)) {
                settle(current);
              } else {
                failed(failure);
              }
            });
  }

  // Items run one after another, so after a lost connection only the first item without an answer
  // may have committed unseen. It is settled by its key before the summary is final: committed, it
  // is sent once more with the same key only to read the stored answer (a replay).
  private void settle(BulkRelease current) {
    summary.set("Connection lost while releasing; checking whether the item in flight was saved…");
    Set<Long> answered = lines.stream().map(Line::checkpointId).collect(Collectors.toSet());
    Optional<Item> inFlight =
        current.items().stream().filter(i -> !answered.contains(i.checkpointId())).findFirst();
    if (inFlight.isEmpty()) {
      interrupted(current);
      return;
    }
    outcomes.settle(
        inFlight.get().idempotencyKey(),
        committed -> {
          if (!committed) {
            interrupted(current);
            return;
          }
          tasks
              .run(
                  () ->
                      engine.execute(
                          new BulkRelease(List.of(inFlight.get())), this::report, () -> false))
              .onSuccess(replayed -> interrupted(current))
              .onFailure(this::failed);
        },
        this::failed);
  }

  private void interrupted(BulkRelease current) {
    busy.set(false);
    long ok = lines.stream().filter(Line::ok).count();
    long left = current.items().size() - lines.size();
    executable.set(left > 0);
    summary.set(
        ok
            + " released, "
            + (lines.size() - ok)
            + " refused, "
            + left
            + " not released: the connection dropped."
            + (left > 0 ? " Execute again to finish: done items are not paid twice." : ""));
  }

  private boolean refusedOffline() {
    if (online.get()) {
      return false;
    }
    summary.set("Offline: the database cannot be reached. Nothing was sent; try again when back.");
    return true;
  }

  /** Stops an execution between items. */
  public void cancel() {
    cancel.set(true);
  }

  private void start() {
    busy.set(true);
    lines.clear();
    progress.set(0);
  }

  private void report(Outcome outcome) {
    int total = plan.items().size();
    ui.execute(
        () -> {
          lines.add(
              new Line(
                  outcome.item().checkpointId(),
                  outcome.result().describe(),
                  outcome.result().ok()));
          progress.set(total == 0 ? 1 : (double) lines.size() / total);
        });
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
