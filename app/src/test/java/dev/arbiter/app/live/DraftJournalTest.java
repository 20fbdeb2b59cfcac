package dev.arbiter.app.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.arbiter.app.testing.ManualScheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DraftJournalTest {

  @TempDir Path folder;

  private final ManualScheduler writer = new ManualScheduler();

  @Test
  void draftsSurviveReopeningAndBlankTextRemovesThem() throws Exception {
    Path file = folder.resolve("demo_support.json");
    try (DraftJournal journal = open(file)) {
      journal.put("dispute:7:reply", "Thanks, we are looking into it.");
      journal.put("dispute:8:note", "Call the client");
      journal.put("dispute:8:note", "  ");
    }

    DraftJournal reopened = open(file);
    assertThat(reopened.all()).containsOnlyKeys("dispute:7:reply");
    assertThat(reopened.get("dispute:7:reply")).isEqualTo("Thanks, we are looking into it.");
    assertThat(reopened.get("dispute:8:note")).isEmpty();
  }

  @Test
  void typedTextReachesTheDiskWithoutClosingSoACrashKeepsIt() throws Exception {
    Path file = folder.resolve("demo_finance.json");
    DraftJournal journal = DraftJournal.open(file, writer);
    journal.put("checkpoint:3:note", "Approve after");
    journal.put("checkpoint:3:note", "Approve after the call");

    // Typing is gathered for a moment, then written once, by the journal's own writer.
    writer.advance(Duration.ofMillis(149));
    assertThat(file).doesNotExist();
    writer.advance(Duration.ofMillis(1));
    assertThat(Files.readString(file)).contains("Approve after the call");
    assertThat(writer.pending()).isZero();
    assertThat(open(file).get("checkpoint:3:note")).isEqualTo("Approve after the call");
    assertThat(folder.resolve("demo_finance.json.tmp")).doesNotExist();
  }

  @Test
  void anUnreadableJournalIsSetAsideNotOverwritten() throws Exception {
    Path file = folder.resolve("demo_admin.json");
    Files.writeString(file, "{ half a fi");

    try (DraftJournal journal = open(file)) {
      assertThat(journal.all()).isEmpty();
      journal.put("workspace:1:note", "new");
    }

    assertThat(Files.readString(folder.resolve("demo_admin.json.unreadable")))
        .isEqualTo("{ half a fi");
    assertThat(open(file).get("workspace:1:note")).isEqualTo("new");
  }

  @Test
  void draftsAndTheirFolderAreReadableByTheUserOnlyEvenWhereTheyWereLooser() throws Exception {
    assumeTrue(folder.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path drafts = folder.resolve("drafts");
    Files.createDirectory(drafts);
    Files.setPosixFilePermissions(drafts, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path older = Files.writeString(drafts.resolve("demo_admin.json"), "{}");
    Files.setPosixFilePermissions(older, PosixFilePermissions.fromString("rw-r--r--"));
    Path file = drafts.resolve("demo_support.json");

    try (DraftJournal journal = open(file)) {
      journal.put("dispute:7:reply", "Private words");
      journal.flush();
      assertThat(mode(file)).isEqualTo("rw-------");
    }
    open(older).close();

    assertThat(mode(drafts)).isEqualTo("rwx------");
    assertThat(mode(older)).isEqualTo("rw-------");
  }

  private static DraftJournal open(Path file) {
    return DraftJournal.open(file, new ManualScheduler());
  }

  private static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
