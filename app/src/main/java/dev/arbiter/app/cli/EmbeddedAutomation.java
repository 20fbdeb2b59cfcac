package dev.arbiter.app.cli;

import dev.arbiter.persistence.automation.AutomationWorker;
import dev.arbiter.persistence.db.EmbeddedRuntime;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * On the embedded default the process that owns the server runs the worker too, so the demo's
 * deadlines fire with nothing extra to start. A process that only attached to another's server
 * leaves the automation to that one.
 */
final class EmbeddedAutomation {

  private EmbeddedAutomation() {}

  /** The running worker, or nothing when {@code runtime} belongs to another process. */
  static Optional<AutomationWorker> startIfOwner(EmbeddedRuntime runtime, Consumer<String> log) {
    if (!runtime.ownsServer()) {
      return Optional.empty();
    }
    AutomationWorker worker =
        new AutomationWorker(
            runtime.workerDataSource(),
            AutomationWorker.defaultId(),
            log,
            Optional.empty(),
            Clock.systemUTC());
    worker.start();
    return Optional.of(worker);
  }
}
