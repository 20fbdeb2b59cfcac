package dev.arbiter.app.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * STYLE rule 19 over every module's tests: they wait on conditions (Awaitility, through {@code
 * Waits}, {@code StandInWaits} or {@code FxWait}) or move a {@link ManualScheduler}, never for a
 * fixed time and never in a loop of their own. A sleep that is long enough on a quiet machine is
 * too short on a loaded one, and too long everywhere else.
 */
class TestsWaitOnConditionsTest {

  private static final Pattern FIXED_WAIT =
      Pattern.compile(
          "\\.sleep\\(|onSpinWait\\(|parkNanos\\(|WaitForAsyncUtils\\.waitFor\\(|"
              + "while \\(.*(System\\.nanoTime|System\\.currentTimeMillis|Instant\\.now)\\(\\)");

  @Test
  void noTestSleepsOrPollsByHand() {
    List<String> found = new ArrayList<>();
    for (String module : List.of("model", "persistence", "persistence/tools", "app")) {
      Path tests = moduleRoot().resolve(module).resolve("src/test/java");
      if (Files.isDirectory(tests)) {
        found.addAll(fixedWaits(tests));
      }
    }
    assertThat(found).as("fixed-time waits in tests").isEmpty();
  }

  // Surefire runs in the module's folder; the reactor's root is one up.
  private static Path moduleRoot() {
    Path here = Path.of("").toAbsolutePath();
    return Files.isDirectory(here.resolve("src/test/java")) ? here.getParent() : here;
  }

  private static List<String> fixedWaits(Path root) {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          Matcher matcher = FIXED_WAIT.matcher(lines.get(i));
          if (matcher.find()) {
            found.add(root.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }
}
