package dev.arbiter.app.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DraftJournalTest {

  @TempDir Path folder;

  @Test
  void draftsSurviveReopeningAndBlankTextRemovesThem() throws Exception {
    Path file = folder.resolve("demo_support.json");
    try (DraftJournal journal = DraftJournal.open(file)) {
      journal.put("dispute:7:reply", "Thanks, we are looking into it.");
      journal.put("dispute:8:note", "Call the client");
      journal.put("dispute:8:note", "  ");
    }

    DraftJournal reopened = DraftJournal.open(file);
    assertThat(reopened.all()).containsOnlyKeys("dispute:7:reply");
    assertThat(reopened.get("dispute:7:reply")).isEqualTo("Thanks, we are looking into it.");
    assertThat(reopened.get("dispute:8:note")).isEmpty();
  }

  @Test
  void typedTextReachesTheDiskWithoutClosingSoACrashKeepsIt() throws Exception {
    Path file = folder.resolve("demo_finance.json");
    DraftJournal journal = DraftJournal.open(file);
    journal.put("checkpoint:3:note", "Approve after the call");

    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!(Files.exists(file) && Files.readString(file).contains("Approve after the call"))) {
      assertThat(System.nanoTime()).isLessThan(deadline);
      Thread.sleep(20);
    }
    assertThat(DraftJournal.open(file).get("checkpoint:3:note"))
        .isEqualTo("Approve after the call");
    assertThat(folder.resolve("demo_finance.json.tmp")).doesNotExist();
  }

  @Test
  void anUnreadableJournalIsSetAsideNotOverwritten() throws Exception {
    Path file = folder.resolve("demo_admin.json");
    Files.writeString(file, "{ half a fi");

    try (DraftJournal journal = DraftJournal.open(file)) {
      assertThat(journal.all()).isEmpty();
      journal.put("workspace:1:note", "new");
    }

    assertThat(Files.readString(folder.resolve("demo_admin.json.unreadable")))
        .isEqualTo("{ half a fi");
    assertThat(DraftJournal.open(file).get("workspace:1:note")).isEqualTo("new");
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

    try (DraftJournal journal = DraftJournal.open(file)) {
      journal.put("dispute:7:reply", "Private words");
      journal.flush();
      assertThat(mode(file)).isEqualTo("rw-------");
    }
    DraftJournal.open(older).close();

    assertThat(mode(drafts)).isEqualTo("rwx------");
    assertThat(mode(older)).isEqualTo("rw-------");
  }

  private static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
