package dev.arbiter.app.audit;

import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.persistence.audit.AuditExportService.ExportProgress;
import dev.arbiter.persistence.audit.AuditFilter;
import dev.arbiter.persistence.audit.ExportFormat;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/** Exports the applied filter's entries (all pages) to a file, with progress and cancel. */
public final class AuditExportViewModel {

  /** Writes the export; called off the FX thread. Returns the number of entries written. */
  @FunctionalInterface
  public interface Exporter {
    long export(
        AuditFilter filter,
        ExportFormat format,
        Path file,
        ExportProgress progress,
        BooleanSupplier cancelled);
  }

  private final Exporter exporter;
  private final TaskRunner tasks;
  private final NumberFormat counts;
  private final LongRun run;

  public AuditExportViewModel(
      Exporter exporter, TaskRunner tasks, Executor fxThread, Locale locale) {
    this.exporter = exporter;
    this.tasks = tasks;
    this.counts = NumberFormat.getIntegerInstance(locale);
    this.run = new LongRun(fxThread, "Exporting…", "");
  }

  /** Writes every entry {@code filter} selects to {@code file}; ignored while one runs. */
  public void export(AuditFilter filter, ExportFormat format, Path file) {
    run.start().ifPresent(started -> export(filter, format, file, started));
  }

  private void export(AuditFilter filter, ExportFormat format, Path file, LongRun.Started run) {
    tasks
        .run(() -> exporter.export(filter, format, file, run.relay()::report, run.cancelled()::get))
        .onSuccess(
            rows ->
                this.run.finished(
                    "Exported "
                        + counts.format(rows)
                        + (rows == 1 ? " entry" : " entries")
                        + " to "
                        + file.getFileName()
                        + "."))
        .onFailure(
            failure ->
                this.run.stopped(
                    failure instanceof CancellationException
                        ? "Export cancelled; no file was written."
                        : "Export failed: " + ErrorText.describe(failure)));
  }

  /** The export as the toolbar shows it: running, progress, message, and its cancel. */
  public LongRun run() {
    return run;
  }
}
