package dev.arbiter.app.shell;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.app.live.Schedulers;
import dev.arbiter.persistence.db.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's preferences as a small JSON file in Arbiter's home folder. A missing or unreadable
 * file means the defaults (a preference is never worth refusing to start over). Writes go through
 * {@link PrivateFiles#writeAtomically} (0600 like the rest of the home, a crash leaves the previous
 * file whole) on a thread of their own, in order, so the FX thread never waits for the disk.
 */
final class PreferencesFile implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PreferencesFile.class);
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Path file;
  private final ExecutorService writer = Schedulers.daemon("arbiter-preferences");

  /**
   * @param file where the preferences live; null keeps them for this run only (tests)
   */
  PreferencesFile(Path file) {
    this.file = file;
  }

  ConsolePreferences load() {
    if (file == null || !Files.exists(file)) {
      return ConsolePreferences.defaults();
    }
    try {
      return JSON.readValue(file.toFile(), ConsolePreferences.class);
    } catch (IOException | RuntimeException e) {
      LOG.warn("preferences in {} unreadable, starting with the defaults: {}", file, e.toString());
      return ConsolePreferences.defaults();
    }
  }

  /** Queues a write; after {@link #close} (the console is gone) there is nothing left to keep. */
  void save(ConsolePreferences preferences) {
    if (file == null || writer.isShutdown()) {
      return;
    }
    writer.execute(
        () -> {
          try {
            PrivateFiles.ensureFolder(file.toAbsolutePath().getParent());
            PrivateFiles.writeAtomically(file, JSON.writeValueAsBytes(preferences));
          } catch (IOException e) {
            LOG.warn("preferences not saved to {}: {}", file, e.toString());
          }
        });
  }

  /** Waits for the last write (the window's place, written as it closes). */
  @Override
  public void close() {
    writer.shutdown();
    try {
      if (!writer.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("preferences still being written to {} after 5 s", file);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
