package dev.arbiter.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code arbiter audit anchor --out} follows export's rules for the file it writes, and both audit
 * commands refuse bad input before they connect. Writing an anchor is in {@link AuditCommandIT}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AuditCommandTest {

  @TempDir Path home;

  private CliRun anchor(Path out, String... more) {
    String[] args = new String[3 + more.length];
    args[0] = "audit";
    args[1] = "anchor";
    args[2] = "--out=" + out;
    System.arraycopy(more, 0, args, 3, more.length);
    return CliRun.offline(home, args);
  }

  @Test
  void anchorRefusesAnExistingFileWithoutForceAndLeavesItUnchanged() throws IOException {
    Path file = Files.writeString(home.resolve("head.anchor"), "12:abc");

    assertThat(anchor(file).refusedInOneLine().err())
        .contains(file + " already exists; add --force to replace it");
    assertThat(file).hasContent("12:abc");
  }

  @Test
  void anchorRefusesADirectoryEmptyOrNotEvenWithForce() throws IOException {
    Path empty = Files.createDirectory(home.resolve("empty"));
    Path full = Files.createDirectory(home.resolve("full"));
    Files.writeString(full.resolve("kept.txt"), "kept");

    assertThat(anchor(empty, "--force").refusedInOneLine().err()).contains("is a directory");
    assertThat(anchor(full, "--force").refusedInOneLine().err()).contains("is a directory");
    assertThat(empty).isEmptyDirectory();
    assertThat(full.resolve("kept.txt")).hasContent("kept");
  }

  @Test
  void anchorRefusesASymbolicLinkAndAFifoEvenWithForce() throws IOException {
    Path target = Files.writeString(home.resolve("precious.txt"), "precious");
    Path link = Files.createSymbolicLink(home.resolve("head.anchor"), target);

    assertThat(anchor(link, "--force").refusedInOneLine().err()).contains("is a symbolic link");
    assertThat(target).hasContent("precious");

    Path fifo = home.resolve("fifo.anchor");
    assumeTrue(CliRun.mkfifo(fifo), "mkfifo is not available");
    assertThat(anchor(fifo, "--force").refusedInOneLine().err()).contains("is a special file");
  }

  @Test
  void anchorRefusesAMissingDirectoryLikeExportDoes() {
    Path missing = home.resolve("anchors");

    CliRun run = anchor(missing.resolve("head.anchor")).refusedInOneLine();

    assertThat(run.err())
        .isEqualTo("arbiter: the directory " + missing + " does not exist; create it first\n");
    assertThat(missing).doesNotExist();
  }

  @Test
  void anchorRefusesForceWithoutOut() {
    assertThat(CliRun.offline(home, "audit", "anchor", "--force").refusedInOneLine().err())
        .contains("--force goes with --out FILE");
  }

  @Test
  void verifyRefusesBadNumbersSayingWhatIsAllowed() {
    assertThat(CliRun.offline(home, "audit", "verify", "--from", "0").refusedInOneLine().err())
        .isEqualTo(
            "arbiter: invalid value for option '--from': '0' is not a whole number of 1 or more\n");
    assertThat(CliRun.offline(home, "audit", "verify", "--jobs", "x").refusedInOneLine().err())
        .contains("'x' is not a whole number from 1 to 16");
  }
}
