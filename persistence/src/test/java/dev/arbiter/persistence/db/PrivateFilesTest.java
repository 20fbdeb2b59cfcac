package dev.arbiter.persistence.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {

  @TempDir Path folder;

  @BeforeEach
  void posixOnly() {
    assumeTrue(folder.getFileSystem().supportedFileAttributeViews().contains("posix"));
  }

  @Test
  void anAtomicWriteNeverTakesTheModeOfATornTemporaryFile() throws Exception {
    Path file = folder.resolve("server.json");
    Path torn = folder.resolve("server.json.tmp");
    Files.writeString(torn, "{\"half");
    Files.setPosixFilePermissions(torn, PosixFilePermissions.fromString("rw-rw-rw-"));

    PrivateFiles.writeAtomically(file, "{}".getBytes());

    assertThat(Files.readString(file)).isEqualTo("{}");
    assertThat(mode(file)).isEqualTo("rw-------");
    assertThat(torn).doesNotExist();
  }

  @Test
  void anAtomicWriteOverALooseFileLeavesAPrivateOne() throws Exception {
    Path file = folder.resolve("demo_support.json");
    Files.writeString(file, "old");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    PrivateFiles.writeAtomically(file, "new".getBytes());

    assertThat(mode(file)).isEqualTo("rw-------");
  }

  @Test
  void tighteningATreeLeavesTheSkippedFolderAlone() throws Exception {
    Path home = folder.resolve("home");
    Path drafts = Files.createDirectories(home.resolve("drafts"));
    Path pgdata = Files.createDirectories(home.resolve("pgdata"));
    Path draft = Files.writeString(drafts.resolve("a.json"), "{}");
    Path pgFile = Files.writeString(pgdata.resolve("PG_VERSION"), "17");
    for (Path p : new Path[] {home, drafts, pgdata}) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    for (Path p : new Path[] {draft, pgFile}) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
    }

    PrivateFiles.tightenTree(home, Set.of(pgdata));

    assertThat(mode(home)).isEqualTo("rwx------");
    assertThat(mode(drafts)).isEqualTo("rwx------");
    assertThat(mode(draft)).isEqualTo("rw-------");
    assertThat(mode(pgdata)).isEqualTo("rwxr-xr-x");
    assertThat(mode(pgFile)).isEqualTo("rw-r--r--");
  }

  @Test
  void ensuringAFolderCreatesItPrivateAndTightensAnExistingOne() throws Exception {
    Path created = PrivateFiles.ensureFolder(folder.resolve("a/b"));
    Path existing = Files.createDirectory(folder.resolve("c"));
    Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rwxrwxrwx"));

    PrivateFiles.ensureFolder(existing);

    assertThat(mode(created)).isEqualTo("rwx------");
    assertThat(mode(existing)).isEqualTo("rwx------");
  }

  private static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
