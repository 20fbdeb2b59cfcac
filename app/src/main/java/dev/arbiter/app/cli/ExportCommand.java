package dev.arbiter.app.cli;

import dev.arbiter.persistence.audit.AuditActorRole;
import dev.arbiter.persistence.audit.AuditExportService;
import dev.arbiter.persistence.audit.AuditFilter;
import dev.arbiter.persistence.audit.ChainReadException;
import dev.arbiter.persistence.audit.CommandDatabase;
import dev.arbiter.persistence.audit.ExportFormat;
import dev.arbiter.persistence.session.StaffDatabaseException;
import java.nio.file.Path;
import java.time.Instant;
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
      "Hidden keys (_internal*, private*) are removed unless the login is an admin.",
      "The file is written whole or not at all, readable by its owner only. Its directory must"
          + " exist; an existing file is replaced only with --force, and never anything but a"
          + " regular file."
    })
public final class ExportCommand implements Callable<Integer> {

  @ParentCommand private ArbiterCommand root;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "File to write.")
  Path out;

  @Option(names = "--force", description = "Replace FILE if it is an existing regular file.")
  boolean force;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      converter = AuditFilterValues.Format.class,
      description = "csv or jsonl (default: from the file name, else csv).")
  ExportFormat format;

  @Option(
      names = "--actor",
      converter = AuditFilterValues.Text.class,
      description =
          "Entries by this actor (a login, with what it wrote for users it named; or"
              + " user:4821@ios).")
  String actor;

  @Option(
      names = "--role",
      converter = AuditFilterValues.Role.class,
      description = "Entries by logins in this role: support, finance, moderator, admin, backend.")
  AuditActorRole role;

  @Option(
      names = "--action",
      converter = AuditFilterValues.Action.class,
      description = "insert, update, delete, truncate or note.")
  String action;

  @Option(
      names = "--entity-type",
      paramLabel = "TABLE",
      converter = AuditFilterValues.EntityType.class,
      description = "e.g. disputes.")
  String entityType;

  @Option(
      names = "--entity",
      paramLabel = "ID|REF",
      converter = AuditFilterValues.Entity.class,
      description = "An id (1 or more), DSP-…, a contract ref, or a staff login.")
  String entity;

  @Option(
      names = "--from",
      paramLabel = "TIME",
      converter = TimeBound.Converter.class,
      description = "At or after: a date (UTC day start) or an ISO instant.")
  TimeBound from;

  @Option(
      names = "--to",
      paramLabel = "TIME",
      converter = TimeBound.Converter.class,
      description = "Before: an ISO instant, or a date counted in full (UTC). After --from.")
  TimeBound to;

  @Option(
      names = "--text",
      converter = AuditFilterValues.Text.class,
      description = "Text in the old or new values, ignoring case.")
  String text;

  @Override
  public Integer call() {
    // Everything the user typed is checked before the database is: a mistake costs no connection
    // and leaves no file behind.
    Instant start = from == null ? null : from.start();
    Instant end = to == null ? null : to.end();
    if (start != null && end != null && !start.isBefore(end)) {
      throw new UserFacingException(
          "--from "
              + from.text()
              + " is not before --to "
              + to.text()
              + ": the range holds no time; give --from earlier than --to");
    }
    OutputFile file = OutputFile.checked(out, force);
    ExportFormat chosen = format == null ? formatOf(file.path()) : format;
    AuditFilter filter = new AuditFilter(actor, role, action, entityType, entity, start, end, text);
    try (CommandDatabase db = CommandDatabase.open(root.settings(), "export")) {
      AuditExportService service = new AuditExportService(db.dataSource(), db.revealsHidden());
      long written =
          file.write(
              stream ->
                  service.export(
                      filter,
                      chosen,
                      stream,
                      new ProgressLines(System.err, "exported %d of %d entries%n")::report,
                      () -> false));
      System.out.println(
          "exported " + written + (written == 1 ? " entry" : " entries") + " to " + out);
      return ArbiterCli.OK;
    } catch (StaffDatabaseException | ChainReadException e) {
      throw new UserFacingException(e.getMessage(), e);
    }
  }

  private static ExportFormat formatOf(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".jsonl") || name.endsWith(".ndjson")
        ? ExportFormat.JSON_LINES
        : ExportFormat.CSV;
  }
}
