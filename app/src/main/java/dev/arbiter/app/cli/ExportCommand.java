package dev.arbiter.app.cli;

import dev.arbiter.persistence.audit.AuditActorRole;
import dev.arbiter.persistence.audit.AuditExportService;
import dev.arbiter.persistence.audit.AuditFilter;
import dev.arbiter.persistence.audit.ChainReadException;
import dev.arbiter.persistence.audit.CommandDatabase;
import dev.arbiter.persistence.audit.ExportFormat;
import dev.arbiter.persistence.session.StaffDatabaseException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code export}: the audit entries a filter selects, as CSV or JSON Lines with their hashes. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Export audit entries (newest first) with their chain hashes, as the console's filters"
          + " select them.",
      "Hidden keys (_internal*, private*) are removed unless the login is an admin."
    })
public final class ExportCommand implements Callable<Integer> {

  private static final long PROGRESS_EVERY_NANOS = 2_000_000_000L;

  @ParentCommand private ArbiterCommand root;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "File to write.")
  Path out;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "csv or jsonl (default: from the file name, else csv).")
  String format;

  @Option(
      names = "--actor",
      description =
          "Entries by this actor (a login, with what it wrote for users it named; or"
              + " user:4821@ios).")
  String actor;

  @Option(
      names = "--role",
      description = "Entries by logins in this role: support, finance, moderator, admin, backend.")
  String role;

  @Option(names = "--action", description = "insert, update, delete, truncate or note.")
  String action;

  @Option(names = "--entity-type", paramLabel = "TABLE", description = "e.g. disputes.")
  String entityType;

  @Option(
      names = "--entity",
      paramLabel = "ID|REF",
      description = "An id, DSP-… or a contract ref.")
  String entity;

  @Option(
      names = "--from",
      paramLabel = "TIME",
      description = "At or after: a date (UTC day start) or an ISO instant.")
  String from;

  @Option(
      names = "--to",
      paramLabel = "TIME",
      description = "Before: an ISO instant, or a date counted in full (UTC).")
  String to;

  @Option(names = "--text", description = "Text in the old or new values, ignoring case.")
  String text;

  @Override
  public Integer call() {
    ExportFormat chosen = format();
    AuditFilter filter =
        new AuditFilter(
            actor,
            role(),
            action,
            entityType,
            entity,
            time(from, "--from", false),
            time(to, "--to", true),
            text);
    try (CommandDatabase db = CommandDatabase.open(root.settings(), "export")) {
      AuditExportService service = new AuditExportService(db.dataSource(), db.revealsHidden());
      long[] lastPrinted = {System.nanoTime()};
      long written =
          service.export(
              filter,
              chosen,
              out,
              (rows, total) -> {
                long now = System.nanoTime();
                if (now - lastPrinted[0] >= PROGRESS_EVERY_NANOS && rows < total) {
                  lastPrinted[0] = now;
                  System.err.printf(Locale.ROOT, "exported %d of %d entries%n", rows, total);
                }
              },
              () -> false);
      System.out.println(
          "exported " + written + (written == 1 ? " entry" : " entries") + " to " + out);
      return ArbiterCli.OK;
    } catch (StaffDatabaseException | ChainReadException e) {
      throw new UserFacingException(e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new UserFacingException(
          e.getMessage() + ": " + String.valueOf(e.getCause().getMessage()), e);
    }
  }

  private ExportFormat format() {
    if (format != null) {
      try {
        return ExportFormat.parse(format);
      } catch (IllegalArgumentException e) {
        throw new UserFacingException(e.getMessage(), e);
      }
    }
    String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".jsonl") || name.endsWith(".ndjson")
        ? ExportFormat.JSON_LINES
        : ExportFormat.CSV;
  }

  private AuditActorRole role() {
    if (role == null) {
      return null;
    }
    return Arrays.stream(AuditActorRole.values())
        .filter(r -> r.title().equalsIgnoreCase(role) || r.name().equalsIgnoreCase(role))
        .findFirst()
        .orElseThrow(
            () ->
                new UserFacingException(
                    "unknown role '" + role + "': support, finance, moderator, admin or backend"));
  }

  private static Instant time(String value, String option, boolean endOfRange) {
    if (value == null) {
      return null;
    }
    try {
      if (value.length() == 10) {
        LocalDate day = LocalDate.parse(value);
        return (endOfRange ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new UserFacingException(
          option + " takes a date (2025-03-01) or an ISO instant (2025-03-01T10:00:00Z): " + value,
          e);
    }
  }
}
