package dev.arbiter.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.app.live.DraftJournal;
import dev.arbiter.app.live.Schedulers;
import dev.arbiter.persistence.testing.Waits;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The draft journal when the console dies: a child JVM keeps a draft, says so once the journal is
 * on disk, then keeps rewriting it while it is killed without warning. Whatever instant the kill
 * lands on, the journal must parse and hold the draft.
 */
class DraftJournalCrashIT {

  static final String KEY = "dispute:42:reply";
  static final String DRAFT = "Thanks for the files — we are checking the delivery now.";

  /** The console's side: a draft typed, then busy writing when it is killed. */
  public static final class Child {
    public static void main(String[] args) throws Exception {
      Path file = Path.of(args[0]);
      DraftJournal journal = DraftJournal.open(file, Schedulers.daemon("arbiter-drafts"));
      journal.put(KEY, DRAFT);
      // Wait for the journal's own writer (not a flush from here): that is what a crash races.
      try {
        Waits.atMost(Duration.ofSeconds(30)).until(() -> holds(file, DRAFT));
      } catch (ConditionTimeoutException e) {
        System.out.println("never written");
        System.exit(3);
      }
      System.out.println("written");
      System.out.flush();
      // Large rewrites back to back, so the kill is likely to land in the middle of one.
      String filler = "x".repeat(256 * 1024);
      for (long i = 0; ; i++) {
        journal.put("dispute:43:note", filler + i);
        journal.flush();
      }
    }
  }

  @Test
  void aDraftSurvivesTheConsoleBeingKilledWhileItWritesTheJournal(@TempDir Path folder)
      throws Exception {
    Path file = folder.resolve("demo_support.json");
    Process child = startChild(file);
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("written");
      // Killed once the rewrites are under way, so the kill lands among them.
      Waits.atMost(Duration.ofSeconds(30)).until(() -> holds(file, "dispute:43:note"));
      child.destroyForcibly();
      assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }

    Map<String, String> onDisk =
        new ObjectMapper().readValue(file.toFile(), new TypeReference<Map<String, String>>() {});
    assertThat(onDisk).containsEntry(KEY, DRAFT);
    try (DraftJournal reopened = DraftJournal.open(file, Schedulers.daemon("arbiter-drafts"))) {
      assertThat(reopened.get(KEY)).isEqualTo(DRAFT);
    }
  }

  @Test
  void aHalfWrittenTemporaryFileNeverReplacesTheJournal(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("demo_support.json");
    try (DraftJournal journal = DraftJournal.open(file, Schedulers.daemon("arbiter-drafts"))) {
      journal.put(KEY, DRAFT);
      journal.flush();
    }
    // What a crash in the middle of a write leaves: a torn temporary file beside the journal.
    Path temp = folder.resolve("demo_support.json.tmp");
    Files.writeString(temp, "{\"" + KEY + "\": \"Thanks for the fi");

    try (DraftJournal reopened = DraftJournal.open(file, Schedulers.daemon("arbiter-drafts"))) {
      assertThat(reopened.get(KEY)).isEqualTo(DRAFT);
      reopened.put("dispute:7:note", "Second draft");
      reopened.flush();
    }
    try (DraftJournal again = DraftJournal.open(file, Schedulers.daemon("arbiter-drafts"))) {
      assertThat(again.all())
          .containsEntry(KEY, DRAFT)
          .containsEntry("dispute:7:note", "Second draft");
    }
    assertThat(Files.exists(folder.resolve("demo_support.json.unreadable"))).isFalse();
  }

  private static boolean holds(Path file, String text) throws IOException {
    return Files.exists(file) && Files.readString(file).contains(text);
  }

  private static Process startChild(Path file) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(
            List.of(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Child.class.getName(),
                file.toString()));
    builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process process = builder.start();
    process.getOutputStream().close();
    return process;
  }
}
