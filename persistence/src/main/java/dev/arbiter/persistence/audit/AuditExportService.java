package dev.arbiter.persistence.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.persistence.access.Jdbc;
import dev.arbiter.persistence.access.Row;
import dev.arbiter.persistence.db.PrivateFiles;
import dev.arbiter.persistence.session.StaffDatabaseException;
import dev.arbiter.persistence.staff.StaffRole;
import dev.arbiter.persistence.staff.StaffSession;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/**
 * Writes exactly the entries an {@link AuditFilter} selects (every page, newest first, as the view
 * lists them) to CSV or JSON Lines, streamed from one snapshot with a server-side cursor, so the
 * file matches the database at one moment whatever its size. Hidden keys are removed for everyone
 * but admins, and such rows say how many were removed (their values then no longer hash to the
 * stored hash, but the hashes themselves still identify the entries).
 */
public final class AuditExportService {

  /** Told how many entries were written of how many match. */
  @FunctionalInterface
  public interface ExportProgress {
    void exported(long rows, long total);

    ExportProgress NONE = (rows, total) -> {};
  }

  private static final int FETCH_SIZE = 2_000;
  private static final int REPORT_EVERY = 2_000;

  /** Values as the server's text, which goes out untouched unless a hidden key is removed. */
  private static final String COLUMNS =
      "id, occurred_at, actor, db_user, action, command, entity_type, entity_id,"
          + " old_values::text AS old_values, new_values::text AS new_values, request_id,"
          + " client_info, prev_hash, hash, salt";

  private final DataSource dataSource;
  private final boolean revealHidden;

  /** Exports as {@code session}'s login; hidden keys stay only for admins. */
  public AuditExportService(StaffSession session) {
    this(session.database().dataSource(), session.staff().has(StaffRole.ADMIN));
  }

  /**
   * Exports on connections of its own from {@code dataSource}: an export streams with a cursor for
   * as long as it takes, outside the console's Hibernate sessions.
   */
  public AuditExportService(DataSource dataSource, boolean revealHidden) {
    this.dataSource = dataSource;
    this.revealHidden = revealHidden;
  }

  /**
   * Writes the export to {@code file} through a temporary file beside it, so a cancelled or failed
   * export never leaves a partial file under the final name. Returns the number of entries.
   *
   * @throws CancellationException when {@code cancelled} turned true; nothing is left behind
   */
  public long export(
      AuditFilter filter,
      ExportFormat format,
      Path file,
      ExportProgress progress,
      BooleanSupplier cancelled) {
    Path target = file.toAbsolutePath();
    Path temporary = target.resolveSibling(target.getFileName() + ".part");
    try {
      long written;
      // An export holds audit data: readable by its owner only, from its first byte.
      Files.deleteIfExists(temporary);
      PrivateFiles.ensureFile(temporary);
      try (OutputStream out = Files.newOutputStream(temporary)) {
        written = export(filter, format, out, progress, cancelled);
      }
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + target, e);
    } finally {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException e) {
        // The export's own outcome matters more than a leftover temporary file.
      }
    }
  }

  /** Writes the export to {@code out} (left open). Returns the number of entries. */
  public long export(
      AuditFilter filter,
      ExportFormat format,
      OutputStream out,
      ExportProgress progress,
      BooleanSupplier cancelled) {
    Writer writer =
        new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    long written;
    try {
      written =
          StreamSnapshot.on(
              dataSource,
              c -> write(c, filter, ExportWriter.of(format, writer), progress, cancelled));
    } catch (SQLException e) {
      throw new StaffDatabaseException("Could not read the audit log for export", e);
    }
    write(writer::flush);
    return written;
  }

  private long write(
      Connection c,
      AuditFilter filter,
      ExportWriter out,
      ExportProgress progress,
      BooleanSupplier cancelled)
      throws SQLException {
    AuditSql.Where where = AuditSql.where(c, filter);
    long total = where.count(c);
    write(out::header);
    progress.exported(0, total);
    long[] written = {0};
    Jdbc.forEach(
        c,
        "SELECT " + COLUMNS + " FROM audit_log WHERE " + where.sql() + " ORDER BY id DESC",
        FETCH_SIZE,
        row -> {
          ExportWriter.Row exported = exported(row);
          if (!visibleMatch(exported, filter.text())) {
            return;
          }
          write(() -> out.row(exported));
          written[0]++;
          if (written[0] % REPORT_EVERY == 0) {
            if (cancelled.getAsBoolean()) {
              throw new CancellationException("audit export cancelled");
            }
            progress.exported(written[0], total);
          }
        },
        where.args());
    progress.exported(written[0], Math.max(written[0], total));
    return written[0];
  }

  @FunctionalInterface
  private interface Output {
    void write() throws IOException;
  }

  private static void write(Output output) {
    try {
      output.write();
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the export", e);
    }
  }

  // Values are parsed only when a hidden key may be in them; otherwise the server's text goes out
  // untouched, which is both faster and exact.
  private ExportWriter.Row exported(Row row) {
    String oldValues = row.text("old_values");
    String newValues = row.text("new_values");
    int hidden = 0;
    if (!revealHidden) {
      HiddenKeys.Masked oldMasked = maskIfNeeded(oldValues);
      HiddenKeys.Masked newMasked = maskIfNeeded(newValues);
      hidden = oldMasked.hiddenCount() + newMasked.hiddenCount();
      if (oldMasked.hiddenCount() > 0) {
        oldValues = JsonValues.jsonbText(oldMasked.value());
      }
      if (newMasked.hiddenCount() > 0) {
        newValues = JsonValues.jsonbText(newMasked.value());
      }
    }
    byte[] salt = row.bytes("salt");
    return new ExportWriter.Row(
        row.getLong("id"),
        row.instant("occurred_at"),
        row.text("actor"),
        row.text("db_user"),
        row.text("action"),
        row.text("command"),
        row.text("entity_type"),
        row.text("entity_id"),
        row.text("request_id"),
        row.text("client_info"),
        oldValues,
        newValues,
        hidden,
        AuditRows.hex(row.bytes("prev_hash")),
        AuditRows.hex(row.bytes("hash")),
        salt == null ? null : AuditRows.hex(salt));
  }

  private static HiddenKeys.Masked maskIfNeeded(String values) {
    if (values == null) {
      return new HiddenKeys.Masked(null, 0);
    }
    String lower = values.toLowerCase(Locale.ROOT);
    if (!lower.contains("\"_internal") && !lower.contains("\"private")) {
      return new HiddenKeys.Masked(null, 0);
    }
    JsonNode parsed = JsonValues.parse(values);
    return HiddenKeys.mask(parsed);
  }

  private static boolean visibleMatch(ExportWriter.Row row, String text) {
    return text == null
        || row.hiddenKeys() == 0
        || AuditRows.containsIgnoringCase(row.oldValues(), row.newValues(), text);
  }
}
