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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

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
  private final Executor fxThread;
  private final NumberFormat counts;
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private AtomicBoolean cancelled = new AtomicBoolean();

  public AuditExportViewModel(
      Exporter exporter, TaskRunner tasks, Executor fxThread, Locale locale) {
    this.exporter = exporter;
    this.tasks = tasks;
    this.fxThread = fxThread;
    this.counts = NumberFormat.getIntegerInstance(locale);
  }

  /** Writes every entry {@code filter} selects to {@code file}; ignored while one runs. */
  public void export(AuditFilter filter, ExportFormat format, Path file) {
    if (running.get()) {
      return;
    }
    AtomicBoolean flag = new AtomicBoolean();
    cancelled = flag;
    running.set(true);
    progress.set(0);
    message.set("Exporting…");
    ProgressRelay relay =
        new ProgressRelay(
            fxThread,
            value -> {
              if (running.get()) {
                progress.set(value);
                message.set("Exporting… " + Math.round(value * 100) + " %");
              }
            });
    tasks
        .run(() -> exporter.export(filter, format, file, relay::report, flag::get))
        .onSuccess(
            rows -> {
              running.set(false);
              progress.set(1);
              message.set(
                  "Exported "
                      + counts.format(rows)
                      + (rows == 1 ? " entry" : " entries")
                      + " to "
                      + file.getFileName()
                      + ".");
            })
        .onFailure(
            failure -> {
              running.set(false);
              progress.set(0);
              message.set(
                  failure instanceof CancellationException
                      ? "Export cancelled; no file was written."
                      : "Export failed: " + ErrorText.describe(failure));
            });
  }

  public void cancel() {
    cancelled.set(true);
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }
}
