package dev.arbiter.app.cli;

import dev.arbiter.persistence.automation.AutomationWorker;
import dev.arbiter.persistence.automation.AutomationWorker.Anchoring;
import dev.arbiter.persistence.db.EmbeddedRuntime;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * On the embedded default the process that owns the server runs the worker too, so the demo's
 * deadlines fire with nothing extra to start, and anchors the audit chain head in the home. A
 * process that only attached to another's server leaves the automation to that one.
 */
final class EmbeddedAutomation {

  /** How often the embedded server's worker anchors the chain head, unless told otherwise. */
  static final Duration ANCHOR_EVERY = Duration.ofMinutes(10);

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
            Optional.of(new Anchoring(runtime.home().auditAnchor(), ANCHOR_EVERY)),
            Clock.systemUTC());
    worker.start();
    return Optional.of(worker);
  }
}
