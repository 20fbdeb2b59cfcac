package dev.arbiter.persistence.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgPassFileTest {

  @TempDir Path folder;

  @Test
  void writtenPasswordReadsBackFromALibpqPasswordFile() throws Exception {
    Path file = folder.resolve("pgpass");
    String password = PgPassFile.newPassword();

    PgPassFile.write(file, password);

    assertThat(PgPassFile.read(file)).contains(password);
    assertThat(Files.readAllLines(file))
        .containsExactly(
            "localhost:*:*:postgres:" + password, "127.0.0.1:*:*:postgres:" + password);
  }

  @Test
  void theFileIsReadableByItsOwnerOnly() throws Exception {
    assumeTrue(folder.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path file = folder.resolve("pgpass");

    PgPassFile.write(file, PgPassFile.newPassword());

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void passwordsAreLongRandomAndNeedNoEscaping() {
    String one = PgPassFile.newPassword();

    assertThat(one).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(PgPassFile.newPassword());
  }

  @Test
  void readingSkipsCommentsAndOtherUsersAndUndoesEscapes() throws Exception {
    Path file = folder.resolve("pgpass");
    Files.writeString(
        file,
        "# kept by hand\nlocalhost:*:*:someone:else\nlocalhost:5432:*:postgres:a\\:b\\\\c:d\n");

    assertThat(PgPassFile.read(file)).contains("a:b\\c:d");
  }

  @Test
  void aMissingFileHasNoPassword() {
    assertThat(PgPassFile.read(folder.resolve("absent"))).isEmpty();
  }
}
