package dev.arbiter.app.cli;

import dev.arbiter.persistence.automation.AutomationWorker;
import dev.arbiter.persistence.db.ArbiterHome;
import dev.arbiter.persistence.db.EmbeddedRuntime;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The process behind {@code db start}: it owns the embedded server until it is asked to stop
 * (SIGTERM from {@code db stop}), because zonky stops its server when the owning JVM exits.
 */
public final class ServerDaemon {

  private ServerDaemon() {}

  public static void main(String[] args) throws InterruptedException {
    ArbiterHome home = ArbiterHome.resolve(System.getenv());
    EmbeddedRuntime runtime = EmbeddedRuntime.attachOrStart(home, "daemon");
    if (!runtime.ownsServer()) {
      System.out.println("already running on port " + runtime.port());
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicReference<AutomationWorker> worker = new AtomicReference<>();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  AutomationWorker running = worker.get();
                  if (running != null) {
                    running.close();
                  }
                  runtime.close();
                  stopped.countDown();
                },
                "arbiter-db-stop"));
    EmbeddedPreparation.prepare(runtime, System.out::println);
    // The process that owns the server runs the time-driven rules too; its lines go to server.log.
    EmbeddedAutomation.startIfOwner(runtime, System.out::println).ifPresent(worker::set);
    runtime.markReady();
    System.out.println("ready on port " + runtime.port());
    stopped.await();
  }
}
