package dev.arbiter.app.cli;

import dev.arbiter.persistence.audit.AnchorFile;
import dev.arbiter.persistence.audit.ChainAnchor;
import dev.arbiter.persistence.audit.ChainBreak;
import dev.arbiter.persistence.audit.ChainHead;
import dev.arbiter.persistence.audit.ChainReadException;
import dev.arbiter.persistence.audit.ChainVerification;
import dev.arbiter.persistence.audit.CommandDatabase;
import dev.arbiter.persistence.audit.UnsealedEntries;
import dev.arbiter.persistence.audit.VerifyOptions;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code audit verify|anchor}: tamper evidence for the audit log, from outside the console. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "Verify the hash-chained audit log, or export its head as an anchor to keep elsewhere.",
      "Embedded: as the local superuser. Shared server: as ARBITER_DB_USER (any staff login;"
          + " entries its role may not read are checked by their links only)."
    })
public final class AuditCommand {

  @ParentCommand private ArbiterCommand root;

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Recompute every entry's hash and check every link, the head and (with --anchor) that the"
            + " chain still reaches an exported anchor.",
        "Entries written but not sealed into the chain yet are counted apart; verifying seals"
            + " nothing.",
        "Exit 0 when intact, 1 naming the first bad entry and how the chain broke there, or when"
            + " an entry has waited to be sealed longer than the bound."
      })
  int verify(
      @Option(
              names = "--from",
              paramLabel = "ID",
              converter = WholeNumbers.EntryId.class,
              description = "Start at entry ID, trusting the link it stores to entry ID-1.")
          Long from,
      @Option(
              names = "--anchor",
              paramLabel = "FILE",
              description = "An anchor written by 'audit anchor'; also catches a removed tail.")
          Path anchorFile,
      @Option(
              names = "--jobs",
              paramLabel = "N",
              converter = WholeNumbers.VerifyJobs.class,
              description = "Connections reading at once, 1 to 16 (default: cores, at most 2).")
          Integer jobs) {
    ChainAnchor anchor = anchorFile == null ? null : readAnchor(anchorFile);
    VerifyOptions options =
        VerifyOptions.defaults()
            .reportingTo(new ProgressLines(System.err, "verified %d of %d entries%n")::report);
    if (from != null) {
      options = options.from(from);
    }
    if (anchor != null) {
      options = options.against(anchor);
    }
    if (jobs != null) {
      options = options.parallelism(jobs);
    }
    ChainVerification result;
    UnsealedEntries unsealed;
    try (CommandDatabase db = CommandDatabase.open(root.settings(), "audit")) {
      result = db.verify(options);
      unsealed = db.unsealed();
    } catch (ChainReadException e) {
      throw new UserFacingException(e.getMessage() + ": " + rootMessage(e), e);
    } catch (IllegalArgumentException e) {
      throw new UserFacingException(e.getMessage(), e);
    }
    long first = from == null ? 1 : from;
    if (result.intact()) {
      System.out.printf(
          Locale.ROOT,
          "intact: %d entries verified (%s)%s%n",
          result.rowsChecked(),
          result.rowsChecked() == 0
              ? "the log is empty"
              : "entries " + first + " to " + result.lastVerified().entryId(),
          anchor == null ? "" : "; the chain still reaches anchor entry " + anchor.entryId());
      result.linksOnlyNote(plainCounts()).ifPresent(System.out::println);
      System.out.println("head " + result.lastVerified().format());
      Instant now = Instant.now();
      System.out.println(unsealed.describe(now));
      return unsealed.overdue(now) ? ArbiterCli.FINDINGS : ArbiterCli.OK;
    }
    ChainBreak found = result.firstBreak();
    System.out.printf(
        Locale.ROOT,
        "BROKEN at entry %d (%s): %s%n",
        found.entryId(),
        found.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '),
        found.detail());
    System.out.println(
        result.rowsChecked() == 0
            ? "no entry before it was proven"
            : "entries " + first + " to " + result.lastVerified().entryId() + " are intact");
    result.linksOnlyNote(plainCounts()).ifPresent(System.out::println);
    System.out.println(unsealed.describe(Instant.now()));
    return ArbiterCli.FINDINGS;
  }

  // Counts as the other lines print them, digits only, so that scripts can read them.
  private static NumberFormat plainCounts() {
    NumberFormat counts = NumberFormat.getIntegerInstance(Locale.ROOT);
    counts.setGroupingUsed(false);
    return counts;
  }

  @Command(
      name = "anchor",
      mixinStandardHelpOptions = true,
      description = {
        "Print the chain head (entry id, hash, time), or write it to FILE, to keep outside the"
            + " database for 'audit verify --anchor FILE'.",
        "FILE is written whole or not at all. Its directory must exist; an existing file is"
            + " replaced only with --force, and never anything but a regular file."
      })
  int anchor(
      @Option(names = "--out", paramLabel = "FILE", description = "Write the anchor to FILE.")
          Path out,
      @Option(names = "--force", description = "Replace FILE if it is an existing regular file.")
          boolean force) {
    if (force && out == null) {
      throw new UserFacingException("--force goes with --out FILE; without it nothing is written");
    }
    // Checked before the database is, so a refused file costs no connection.
    OutputFile file = out == null ? null : OutputFile.checked(out, force);
    try (CommandDatabase db = CommandDatabase.open(root.settings(), "audit")) {
      ChainHead head;
      try {
        head = db.head();
      } catch (IllegalStateException e) {
        System.err.println("arbiter: " + e.getMessage());
        return ArbiterCli.FINDINGS;
      }
      if (file == null) {
        System.out.println(AnchorFile.line(head));
        return ArbiterCli.OK;
      }
      byte[] text =
          AnchorFile.contents(head, db.description(), out.getFileName().toString())
              .getBytes(StandardCharsets.UTF_8);
      file.write(
          stream -> {
            stream.write(text);
            return text.length;
          });
      System.out.println("anchor " + AnchorFile.line(head));
      System.err.println("written to " + file.path());
      return ArbiterCli.OK;
    } catch (ChainReadException e) {
      throw new UserFacingException(e.getMessage() + ": " + rootMessage(e), e);
    }
  }

  private static ChainAnchor readAnchor(Path file) {
    try {
      return AnchorFile.read(file);
    } catch (IllegalArgumentException e) {
      throw new UserFacingException(e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new UserFacingException(e.getMessage() + ": " + IoReasons.of(e), e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return String.valueOf(cause.getMessage());
  }
}
