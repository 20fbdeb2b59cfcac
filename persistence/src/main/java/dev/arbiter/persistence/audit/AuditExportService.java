package dev.arbiter.persistence.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.persistence.db.PrivateFiles;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
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
  private static final HexFormat HEX = HexFormat.of();

  private final AuditReader reader;
  private final AuditRows rows;

  /** Exports as {@code session}'s login; hidden keys stay only for admins. */
  public AuditExportService(StaffSession session) {
    this(session.database().dataSource(), session.staff().has(StaffRole.ADMIN));
  }

  public AuditExportService(DataSource dataSource, boolean revealHidden) {
    this.reader = new AuditReader(dataSource);
    this.rows = new AuditRows(revealHidden);
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
    long written =
        reader.read(
            "the audit log for export",
            c -> {
              try {
                return write(c, filter, ExportWriter.of(format, writer), progress, cancelled);
              } catch (IOException e) {
                throw new UncheckedIOException("could not write the export", e);
              }
            });
    try {
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the export", e);
    }
    return written;
  }

  private long write(
      Connection c,
      AuditFilter filter,
      ExportWriter out,
      ExportProgress progress,
      BooleanSupplier cancelled)
      throws SQLException, IOException {
    AuditSql.Where where = AuditSql.where(c, filter);
    long total = count(c, where);
    out.header();
    progress.exported(0, total);
    long written = 0;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + AuditRows.COLUMNS
                + " FROM audit_log WHERE "
                + where.sql()
                + " ORDER BY id DESC")) {
      ps.setFetchSize(FETCH_SIZE);
      where.bind(ps, 1);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ExportWriter.Row row = row(rs);
          if (!visibleMatch(row, filter.text())) {
            continue;
          }
          out.row(row);
          written++;
          if (written % REPORT_EVERY == 0) {
            if (cancelled.getAsBoolean()) {
              throw new CancellationException("audit export cancelled");
            }
            progress.exported(written, total);
          }
        }
      }
    }
    progress.exported(written, Math.max(written, total));
    return written;
  }

  private static long count(Connection c, AuditSql.Where where) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT count(*) FROM audit_log WHERE " + where.sql())) {
      where.bind(ps, 1);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  // Values are parsed only when a hidden key may be in them; otherwise the server's text goes out
  // untouched, which is both faster and exact.
  private ExportWriter.Row row(ResultSet rs) throws SQLException {
    String oldValues = rs.getString(9);
    String newValues = rs.getString(10);
    int hidden = 0;
    if (!rows.revealsHidden()) {
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
    byte[] prev = rs.getBytes(13);
    byte[] hash = rs.getBytes(14);
    byte[] salt = rs.getBytes(15);
    return new ExportWriter.Row(
        rs.getLong(1),
        rs.getObject(2, OffsetDateTime.class).toInstant(),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(11),
        rs.getString(12),
        oldValues,
        newValues,
        hidden,
        prev == null ? "" : HEX.formatHex(prev),
        hash == null ? "" : HEX.formatHex(hash),
        salt == null ? null : HEX.formatHex(salt));
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

  private boolean visibleMatch(ExportWriter.Row row, String text) {
    if (text == null || row.hiddenKeys() == 0) {
      return true;
    }
    String needle = text.toLowerCase(Locale.ROOT);
    return (row.oldValues() != null && row.oldValues().toLowerCase(Locale.ROOT).contains(needle))
        || (row.newValues() != null && row.newValues().toLowerCase(Locale.ROOT).contains(needle));
  }
}
