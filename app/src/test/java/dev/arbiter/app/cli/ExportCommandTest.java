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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code arbiter export} refusing bad input and unsafe output files before it connects. The writing
 * itself, and {@code --force}, are in {@link AuditCommandIT}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ExportCommandTest {

  @TempDir Path home;

  private CliRun export(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "export";
    System.arraycopy(args, 0, all, 1, args.length);
    return CliRun.offline(home, all);
  }

  @Test
  void refusesAnExistingFileWithoutForceAndLeavesItUnchanged() throws IOException {
    Path file = Files.writeString(home.resolve("audit.csv"), "earlier export");

    CliRun run = export("--out", file.toString()).refusedInOneLine();

    assertThat(run.err()).contains(file + " already exists; add --force to replace it");
    assertThat(file).hasContent("earlier export");
  }

  @Test
  void refusesADirectoryEmptyOrNotEvenWithForce() throws IOException {
    Path empty = Files.createDirectory(home.resolve("empty"));
    Path full = Files.createDirectory(home.resolve("full"));
    Files.writeString(full.resolve("kept.txt"), "kept");

    assertThat(export("--out", empty.toString(), "--force").refusedInOneLine().err())
        .contains(empty + " is a directory, not a regular file");
    assertThat(export("--out", full.toString(), "--force").refusedInOneLine().err())
        .contains(full + " is a directory, not a regular file");
    assertThat(empty).isEmptyDirectory();
    assertThat(full.resolve("kept.txt")).hasContent("kept");
  }

  @Test
  void refusesASymbolicLinkEvenWithForce() throws IOException {
    Path target = Files.writeString(home.resolve("precious.txt"), "precious");
    Path link = Files.createSymbolicLink(home.resolve("audit.csv"), target);

    assertThat(export("--out", link.toString(), "--force").refusedInOneLine().err())
        .contains(link + " is a symbolic link, not a regular file");
    assertThat(target).hasContent("precious");
  }

  @Test
  void refusesAFifoEvenWithForce() {
    Path fifo = home.resolve("audit.csv");
    assumeTrue(CliRun.mkfifo(fifo), "mkfifo is not available");

    assertThat(export("--out", fifo.toString(), "--force").refusedInOneLine().err())
        .contains(fifo + " is a special file");
  }

  @Test
  void refusesAMissingDirectoryNamingIt() {
    Path missing = home.resolve("exports");

    CliRun run = export("--out", missing.resolve("audit.csv").toString()).refusedInOneLine();

    assertThat(run.err())
        .isEqualTo("arbiter: the directory " + missing + " does not exist; create it first\n");
    assertThat(missing).doesNotExist();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--action explode | invalid value for option '--action': 'explode' is not an action:"
            + " insert, update, delete, truncate or note",
        "--from 2025-03-02 --to 2025-03-01 | --from 2025-03-02 is not before --to 2025-03-01",
        "--from 2025-03-01T10:00:00Z --to 2025-03-01T10:00:00Z | is not before --to",
        "--from 2025-13-01 | invalid value for option '--from': '2025-13-01' is not a date"
            + " (2025-03-01) or an ISO instant (2025-03-01T10:00:00Z)",
        "--to yesterday | invalid value for option '--to': 'yesterday' is not a date",
        "--bogus | unknown option '--bogus'; see 'arbiter export --help'",
        "--role pilot | 'pilot' is not a role: support, finance, moderator, admin or backend",
        "--format xml | 'xml' is not a format: csv or jsonl",
        "--entity 0 | '0' is not an entity: an id of 1 or more",
        "--entity -4 | '-4' is not an entity",
        "--entity-type dis;putes | 'dis;putes' is not a table name",
        "--out | missing required parameter for option '--out'",
        "--action | missing required parameter for option '--action'",
      })
  void badInputIsOneLineOnStderrAndExitTwo(String args, String expected) {
    String[] words = args.split(" ");
    boolean hasOut = args.startsWith("--out");
    CliRun run =
        hasOut
            ? export(words)
            : export(concat(new String[] {"--out", home.resolve("a.csv").toString()}, words));

    run.refusedInOneLine();

    assertThat(run.err()).contains(expected);
    assertThat(home.resolve("a.csv")).doesNotExist();
  }

  @Test
  void withoutOutItSaysOutIsRequired() {
    assertThat(export().refusedInOneLine().err())
        .isEqualTo("arbiter: missing required option: '--out=FILE'; see 'arbiter export --help'\n");
  }

  private static String[] concat(String[] first, String[] second) {
    String[] all = new String[first.length + second.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }
}
