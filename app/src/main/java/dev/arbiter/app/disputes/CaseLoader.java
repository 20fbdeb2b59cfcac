package dev.arbiter.app.disputes;

import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.TaskKey;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.app.disputes.DisputeCaseViewModel.CaseSource;

/**
 * Reads the case off the FX thread. Only the newest read is shown, so a slow read of the case the
 * agent left cannot replace the one they opened since.
 */
final class CaseLoader {

  private final CaseSource source;
  private final TaskRunner tasks;
  private final CaseState state;
  private final CaseWatcher watcher;
  private final TaskKey reads = new TaskKey();

  CaseLoader(CaseSource source, TaskRunner tasks, CaseState state, CaseWatcher watcher) {
    this.source = source;
    this.tasks = tasks;
    this.state = state;
    this.watcher = watcher;
  }

  /** Reads the open case again, if one is open. */
  void reload() {
    if (state.current.get() != null) {
      load(state.id(), false);
    }
  }

  /** Reads the open case again and keeps the refusal on screen, so the agent sees what changed. */
  void reloadKeepingRefusal() {
    load(state.id(), true);
  }

  void load(long id, boolean keepRefusal) {
    state.busy.set(true);
    tasks
        .runLatest(reads, () -> source.load(id))
        .onSuccess(
            found -> {
              if (found.isEmpty()) {
                state.error.set("That dispute no longer exists.");
              } else {
                if (!keepRefusal) {
                  state.error.set("");
                }
                state.current.set(found.get());
              }
              idle();
            })
        .onFailure(
            failure -> {
              state.error.set(ErrorText.describe(failure));
              idle();
            });
  }

  private void idle() {
    state.busy.set(false);
    watcher.settled();
  }
}
