package dev.arbiter.app.releases;

import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.MoneyFormat;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.app.common.command.BulkRun;
import dev.arbiter.app.common.command.CommandRunner;
import dev.arbiter.app.common.command.StaffCommand;
import dev.arbiter.persistence.escrow.BulkRelease;
import dev.arbiter.persistence.escrow.BulkRelease.Item;
import dev.arbiter.persistence.escrow.BulkRelease.Outcome;
import dev.arbiter.persistence.escrow.BulkRelease.Subject;
import dev.arbiter.persistence.ledger.MoneyResult;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
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

    /**
     * What the chosen checkpoints are called (contract, number, amount left), off the FX thread.
     */
    default Map<Long, Subject> subjects(List<Long> checkpointIds) {
      return Map.of();
    }
  }

  /**
   * One item's line: {@code text} as shown ("GIG-000287 #1 · $150.00 will be released"), {@code
   * result} the database's answer in words.
   */
  public record Line(long checkpointId, String text, String result, boolean ok) {}

  private record Chosen(List<Long> ids, Map<Long, Subject> subjects) {}

  private final Engine engine;
  private final TaskRunner tasks;
  private final CommandRunner commands;
  private final Executor ui;
  private final MoneyFormat money;
  private Map<Long, Subject> subjects = Map.of();
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
      Engine engine, TaskRunner tasks, CommandRunner commands, Executor ui, Locale locale) {
    this.engine = engine;
    this.tasks = tasks;
    this.commands = commands;
    this.ui = ui;
    this.money = new MoneyFormat(locale);
  }

  /** Plans a release of {@code ids} (found off the FX thread) and previews it. */
  public void choose(Supplier<List<Long>> ids) {
    busy.set(true);
    lines.clear();
    summary.set("Selecting…");
    tasks
        .run(
            () -> {
              List<Long> chosen = ids.get();
              return new Chosen(chosen, engine.subjects(chosen));
            })
        .onSuccess(
            chosen -> {
              plan = BulkRelease.plan(chosen.ids());
              subjects = chosen.subjects();
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
                engine.preview(
                    current, o -> ui.execute(() -> report(o.item(), o.result(), total, true))))
        .onSuccess(
            outcomes -> {
              busy.set(false);
              long pass = outcomes.stream().filter(o -> o.result().ok()).count();
              executable.set(pass > 0);
              String totals = totals(outcomes);
              summary.set(
                  "Preview: "
                      + pass
                      + " of "
                      + outcomes.size()
                      + " would be released"
                      + (totals.isEmpty() ? "" : " (" + totals + ")")
                      + ", "
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
                  report(items.get(index), item.answer(), items.size(), false);
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
        item.idempotencyKey(), "Release " + name(item), () -> engine.release(item));
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

  private void report(Item item, MoneyResult result, int total, boolean preview) {
    String answer = result.describe(money::format);
    String subject = name(item) + amount(item, result).map(a -> " · " + a).orElse("");
    String text;
    if (preview) {
      // A preview is about what is to come: nothing has moved yet.
      text = subject + (result.ok() ? " will be released" : " would be refused — " + answer);
    } else {
      text = subject + " — " + answer;
    }
    lines.add(new Line(item.checkpointId(), text, answer, result.ok()));
    progress.set(total == 0 ? 1 : (double) lines.size() / total);
  }

  // "GIG-000287 #1", or the checkpoint's id when it could not be read (deleted since it was
  // chosen).
  private String name(Item item) {
    Subject s = subjects.get(item.checkpointId());
    return s == null ? "Checkpoint " + item.checkpointId() : s.contractReference() + " #" + s.seq();
  }

  // The amount the database would move, else what is left on the checkpoint.
  private Optional<String> amount(Item item, MoneyResult result) {
    Subject s = subjects.get(item.checkpointId());
    if (s == null) {
      return Optional.empty();
    }
    return Optional.of(money.format(result.amountMinor().orElse(s.remainingMinor()), s.currency()));
  }

  // What the items that pass would release, per currency: "$450.00, €20.00".
  private String totals(List<Outcome> outcomes) {
    Map<String, Long> byCurrency = new TreeMap<>();
    for (Outcome o : outcomes) {
      Subject s = subjects.get(o.item().checkpointId());
      if (o.result().ok() && s != null) {
        long amount = o.result().amountMinor().orElse(s.remainingMinor());
        byCurrency.merge(s.currency(), amount, Long::sum);
      }
    }
    return byCurrency.entrySet().stream()
        .map(e -> money.format(e.getValue(), e.getKey()))
        .collect(Collectors.joining(", "));
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
