package dev.arbiter.app.disputes;

import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.app.disputes.DisputeCaseViewModel.CaseSource;
import dev.arbiter.app.live.RefreshGate;
import dev.arbiter.persistence.disputes.DisputeCase;
import dev.arbiter.persistence.disputes.DisputeChanges;
import dev.arbiter.persistence.disputes.DisputeChanges.CaseChange;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Keeps the open case true while others change it. When the feed says the case (or its thread)
 * changed, it reads the case again off the FX thread, one read at a time, and says what changed and
 * who changed it. Changes this console made itself are never announced: while the agent's own
 * action or load runs the watcher waits, and reads afterwards against the case that load showed.
 */
final class CaseWatcher {

  private final CaseSource source;
  private final TaskRunner tasks;
  private final Supplier<DisputeCase> shown;
  private final Supplier<Boolean> quiet;
  private final Consumer<DisputeCase> replace;
  private final RefreshGate gate = new RefreshGate(this::reread);
  private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper("");
  // The case as it was before the changes the banner lists, until the agent acknowledges them.
  private DisputeCase base;
  private boolean deferred;
  // Whether the banner says the last re-read failed, rather than what changed.
  private boolean failed;

  /**
   * @param quiet whether no action or load of the agent's own is running
   * @param replace shows a fresh read of the case
   */
  CaseWatcher(
      CaseSource source,
      TaskRunner tasks,
      Supplier<DisputeCase> shown,
      Supplier<Boolean> quiet,
      Consumer<DisputeCase> replace) {
    this.source = source;
    this.tasks = tasks;
    this.shown = shown;
    this.quiet = quiet;
    this.replace = replace;
  }

  /** The open case may have changed in the database. */
  void changed() {
    if (shown.get() == null) {
      return;
    }
    if (!quiet.get()) {
      deferred = true;
      return;
    }
    gate.request();
  }

  /** The agent's own action or load finished: catch up with what was held back meanwhile. */
  void settled() {
    if (deferred) {
      deferred = false;
      changed();
    }
  }

  /** The agent saw the changes (dismissed the banner, acted, or opened another case). */
  void acknowledge() {
    base = null;
    failed = false;
    banner.set("");
  }

  private void reread(Runnable done) {
    DisputeCase before = shown.get();
    if (before == null) {
      done.run();
      return;
    }
    tasks
        .run(() -> source.load(before.header().id()))
        .onSuccess(
            found -> {
              if (shown.get() != before || !quiet.get()) {
                // The agent's own load or action got there first; compare with what it shows.
                deferred = true;
                if (quiet.get()) {
                  settled();
                }
              } else {
                clearFailure();
                if (found.isPresent() && !found.get().equals(before)) {
                  show(before, found.get());
                }
              }
              done.run();
            })
        .onFailure(
            failure -> {
              // The case shown stays, said to be out of date, unless the banner already lists
              // changes (those matter more); the next change or the reconnect reads it again.
              if (shown.get() == before && (banner.get().isEmpty() || failed)) {
                banner.set(
                    "This case could not be brought up to date ("
                        + ErrorText.describe(failure)
                        + "). It shows what was read before.");
                failed = true;
              }
              done.run();
            });
  }

  private void clearFailure() {
    if (failed) {
      failed = false;
      banner.set("");
    }
  }

  private void show(DisputeCase before, DisputeCase fresh) {
    if (!DisputeChanges.between(before, fresh).isEmpty()) {
      if (base == null || base.header().id() != fresh.header().id()) {
        base = before;
      }
      CaseChange since = DisputeChanges.between(base, fresh);
      banner.set(since.isEmpty() ? "" : since.describe());
    }
    replace.accept(fresh);
  }

  /** What changed under the agent, or empty when nothing did (or they saw it). */
  ReadOnlyStringProperty bannerProperty() {
    return banner.getReadOnlyProperty();
  }
}
