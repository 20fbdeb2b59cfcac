package dev.arbiter.app.live;

import java.util.function.Consumer;

/**
 * Keeps at most one live re-query of a view in flight. A change arriving while one runs schedules
 * exactly one more when it ends, so the view ends up current without queries piling up behind a
 * slow one. FX thread only.
 */
public final class RefreshGate {

  private final Consumer<Runnable> refresh;
  private boolean running;
  private boolean again;

  /**
   * @param refresh starts a re-query and must call the given {@code done} exactly once when the
   *     re-query has finished (successfully or not)
   */
  public RefreshGate(Consumer<Runnable> refresh) {
    this.refresh = refresh;
  }

  public void request() {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      refresh.accept(this::done);
    } catch (RuntimeException e) {
      // Nothing will call done(); without this the view would never refresh live again.
      running = false;
      again = false;
      throw e;
    }
  }

  private void done() {
    running = false;
    if (again) {
      again = false;
      request();
    }
  }
}
