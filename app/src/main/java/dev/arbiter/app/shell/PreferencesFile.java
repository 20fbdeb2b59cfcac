package dev.arbiter.app.shell;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's preferences as a small JSON file in Arbiter's home folder. A missing or unreadable
 * file means the defaults (a preference is never worth refusing to start over), and a write
 * replaces the file whole, so a crash mid-write leaves the previous preferences, not half of them.
 */
final class PreferencesFile {

  private static final Logger LOG = LoggerFactory.getLogger(PreferencesFile.class);
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Path file;

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

  /** Written on the FX thread: a few hundred bytes, once per deliberate change. */
  void save(ConsolePreferences preferences) {
    if (file == null) {
      return;
    }
    try {
      Files.createDirectories(file.getParent());
      Path next = file.resolveSibling(file.getFileName() + ".new");
      JSON.writerWithDefaultPrettyPrinter().writeValue(next.toFile(), preferences);
      Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      LOG.warn("preferences not saved to {}: {}", file, e.toString());
    }
  }
}
