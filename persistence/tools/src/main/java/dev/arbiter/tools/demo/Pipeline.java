package dev.arbiter.tools.demo;

import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;

/**
 * Runs the generator on its own thread while the caller's thread copies the batches, so that
 * generating rows and inserting them overlap. A failure on either side stops both.
 */
final class Pipeline {

  /** Writes one batch on the caller's thread. */
  @FunctionalInterface
  interface Writer {
    void write(Batch batch) throws SQLException;
  }

  private static final Object END = new Object();

  private record Failure(Throwable cause) {}

  private Pipeline() {}

  static void run(DemoGenerator generator, Writer writer) throws SQLException {
    BlockingQueue<Object> queue = new ArrayBlockingQueue<>(2);
    Thread producer =
        new Thread(
            () -> {
              Object last = END;
              try {
                generator.run(
                    batch -> {
                      try {
                        queue.put(batch);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new CancellationException("demo load cancelled");
                      }
                    });
              } catch (CancellationException e) {
                return;
              } catch (Throwable t) { // handed to the loading thread, which rethrows it
                last = new Failure(t);
              }
              try {
                queue.put(last);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "demo-data-generator");
    producer.setDaemon(true);
    producer.start();
    boolean finished = false;
    try {
      while (true) {
        Object next = queue.take();
        if (next == END) {
          finished = true;
          return;
        }
        if (next instanceof Failure failure) {
          finished = true;
          throw rethrow(failure.cause());
        }
        writer.write((Batch) next);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while loading demo data", e);
    } finally {
      if (!finished) {
        producer.interrupt();
      }
      try {
        producer.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static RuntimeException rethrow(Throwable cause) {
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IllegalStateException("demo data generation failed", cause);
  }
}
