package dev.arbiter.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The rules every command that writes a file the user named follows. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OutputFileTest {

  @TempDir Path dir;

  private static void write(Path file, boolean force, String text) {
    OutputFile.checked(file, force)
        .write(
            out -> {
              out.write(text.getBytes(StandardCharsets.UTF_8));
              return null;
            });
  }

  @Test
  void writesANewFileReadableByItsOwnerOnly() throws IOException {
    Path file = dir.resolve("export.csv");

    write(file, false, "id\n1\n");

    assertThat(file).hasContent("id\n1\n");
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    assertThat(dir).isDirectoryNotContaining(OutputFileTest::temporary);
  }

  @Test
  void refusesAnExistingFileWithoutForceAndLeavesItUnchanged() throws IOException {
    Path file = Files.writeString(dir.resolve("export.csv"), "keep me");

    assertThatThrownBy(() -> write(file, false, "new"))
        .isInstanceOf(UserFacingException.class)
        .hasMessage(file + " already exists; add --force to replace it");

    assertThat(file).hasContent("keep me");
  }

  @Test
  void replacesAnExistingRegularFileWithForceAndMakesItOwnerOnly() throws IOException {
    Path file = Files.writeString(dir.resolve("export.csv"), "old");
    Files.setPosixFilePermissions(file, Set.of(PosixFilePermission.values()));

    write(file, true, "new");

    assertThat(file).hasContent("new");
    assertThat(Files.getPosixFilePermissions(file))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  }

  @Test
  void refusesADirectoryEmptyOrNotEvenWithForce() throws IOException {
    Path empty = Files.createDirectory(dir.resolve("empty"));
    Path full = Files.createDirectory(dir.resolve("full"));
    Files.writeString(full.resolve("inside.txt"), "x");

    for (Path directory : new Path[] {empty, full}) {
      assertThatThrownBy(() -> write(directory, true, "new"))
          .hasMessage(
              directory
                  + " is a directory, not a regular file; it is never replaced, not even with"
                  + " --force");
      assertThat(directory).isDirectory();
    }
    assertThat(full.resolve("inside.txt")).hasContent("x");
  }

  @Test
  void refusesASymbolicLinkEvenWithForceAndLeavesItsTargetAlone() throws IOException {
    Path target = Files.writeString(dir.resolve("precious.txt"), "precious");
    Path link = Files.createSymbolicLink(dir.resolve("export.csv"), target);
    Path dangling = Files.createSymbolicLink(dir.resolve("dangling.csv"), dir.resolve("nowhere"));

    assertThatThrownBy(() -> write(link, true, "new")).hasMessageContaining("is a symbolic link");
    assertThatThrownBy(() -> write(dangling, true, "new"))
        .hasMessageContaining("is a symbolic link");

    assertThat(target).hasContent("precious");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(dir.resolve("nowhere")).doesNotExist();
  }

  @Test
  void refusesAFifoEvenWithForce() {
    Path fifo = dir.resolve("export.csv");
    assumeTrue(CliRun.mkfifo(fifo), "mkfifo is not available");

    assertThatThrownBy(() -> write(fifo, true, "new"))
        .hasMessage(
            fifo
                + " is a special file (a FIFO, socket or device), not a regular file; it is never"
                + " replaced, not even with --force");

    assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).isFalse();
    assertThat(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS)).isTrue();
  }

  @Test
  void refusesAMissingDirectoryNamingItAndCreatesNothing() {
    Path missing = dir.resolve("no/such");

    assertThatThrownBy(() -> OutputFile.checked(missing.resolve("export.csv"), true))
        .hasMessage("the directory " + missing + " does not exist; create it first");

    assertThat(dir.resolve("no")).doesNotExist();
  }

  @Test
  void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Path file = Files.writeString(dir.resolve("export.csv"), "old");
    OutputFile output = OutputFile.checked(file, true);

    assertThatThrownBy(
            () ->
                output.write(
                    out -> {
                      out.write("half".getBytes(StandardCharsets.UTF_8));
                      throw new IOException("No space left on device");
                    }))
        .isInstanceOf(UserFacingException.class)
        .hasMessage("could not write " + file + ": No space left on device");

    assertThat(file).hasContent("old");
    assertThat(dir).isDirectoryNotContaining(OutputFileTest::temporary);
  }

  @Test
  void aFileThatAppearedDuringTheWriteIsNotReplacedWithoutForce() throws IOException {
    Path file = dir.resolve("export.csv");
    OutputFile output = OutputFile.checked(file, false);

    assertThatThrownBy(
            () ->
                output.write(
                    out -> {
                      Files.writeString(file, "someone else's");
                      out.write("mine".getBytes(StandardCharsets.UTF_8));
                      return null;
                    }))
        .hasMessage(file + " already exists; add --force to replace it");

    assertThat(file).hasContent("someone else's");
    assertThat(dir).isDirectoryNotContaining(OutputFileTest::temporary);
  }

  @Test
  void aDirectoryThatAppearedDuringTheWriteIsNotReplacedEvenWithForce() {
    Path file = dir.resolve("export.csv");
    OutputFile output = OutputFile.checked(file, true);

    assertThatThrownBy(
            () ->
                output.write(
                    out -> {
                      Files.createDirectory(file);
                      return null;
                    }))
        .hasMessageContaining("is a directory");

    assertThat(file).isDirectory();
    assertThat(dir).isDirectoryNotContaining(OutputFileTest::temporary);
  }

  private static boolean temporary(Path path) {
    return path.getFileName().toString().endsWith(".part");
  }
}
