package dev.arbiter.app.cli;

import dev.arbiter.persistence.db.ArbiterHome;
import dev.arbiter.persistence.db.EmbeddedRuntime;
import java.util.concurrent.CountDownLatch;

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
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  runtime.close();
                  stopped.countDown();
                },
                "arbiter-db-stop"));
    EmbeddedPreparation.prepare(runtime, System.out::println);
    runtime.markReady();
    System.out.println("ready on port " + runtime.port());
    stopped.await();
  }
}
