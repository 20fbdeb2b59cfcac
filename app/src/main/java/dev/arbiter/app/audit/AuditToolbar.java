package dev.arbiter.app.audit;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.arbiter.app.common.Visibility;
import dev.arbiter.persistence.audit.ExportFormat;
import java.io.File;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Chain verification and export, each with its progress, cancel and outcome. */
final class AuditToolbar {

  /** Picks the file an export goes to, or null when the user changes their mind. */
  @FunctionalInterface
  interface FilePicker {
    Path pick(ExportFormat format);
  }

  private final HBox buttons;
  private final HBox status;

  AuditToolbar(
      ChainCheckViewModel chain,
      AuditExportViewModel export,
      FilePicker files,
      BiConsumer<ExportFormat, Path> startExport,
      LongConsumer showEntry) {
    Button verify = new Button("Verify chain", new FontIcon(Feather.SHIELD));
    verify.setId("verifyChain");
    verify.disableProperty().bind(chain.run().runningProperty());
    verify.setOnAction(e -> chain.verify());
    ProgressBar verifying = progress("verifyProgress", chain.run());
    Button stopVerify = cancel("verifyCancel", chain.run());
    Label chainStatus = new Label();
    chainStatus.setId("chainStatus");
    chainStatus.textProperty().bind(chain.run().messageProperty());
    chainStatus.getStyleClass().add("chain-status");
    chainStatus.setMaxWidth(Double.MAX_VALUE);
    // A verdict can run longer than the toolbar (entries checked by their links only, entries
    // waiting to be sealed): it wraps rather than cut, and the tooltip holds all of it too.
    chainStatus.setWrapText(true);
    chainStatus.setMinHeight(Region.USE_PREF_SIZE);
    Tooltip wholeVerdict = new Tooltip();
    wholeVerdict.textProperty().bind(chain.run().messageProperty());
    wholeVerdict.setWrapText(true);
    wholeVerdict.setMaxWidth(480);
    chainStatus.setTooltip(wholeVerdict);
    Label status = chainStatus;
    chain
        .stateProperty()
        .addListener(
            (obs, was, now) -> {
              status.getStyleClass().removeAll("chain-intact", "chain-broken");
              status.setGraphic(null);
              if (now == ChainCheckViewModel.State.INTACT) {
                status.getStyleClass().add("chain-intact");
                status.setGraphic(new FontIcon(Feather.CHECK_CIRCLE));
              } else if (now == ChainCheckViewModel.State.BROKEN) {
                status.getStyleClass().add("chain-broken");
                status.setGraphic(new FontIcon(Feather.ALERT_OCTAGON));
              }
            });
    Hyperlink showBroken = new Hyperlink();
    showBroken.setId("showBrokenEntry");
    showBroken.textProperty().bind(chain.brokenEntryProperty().asString("Show entry %d"));
    Visibility.showWhen(showBroken, chain.brokenEntryProperty().greaterThan(0));
    showBroken.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    showBroken.setOnAction(e -> showEntry.accept(chain.brokenEntryProperty().get()));

    MenuButton exportButton = new MenuButton("Export", new FontIcon(Feather.DOWNLOAD));
    exportButton.setId("exportMenu");
    exportButton.disableProperty().bind(export.run().runningProperty());
    for (ExportFormat format : ExportFormat.values()) {
      MenuItem item =
          new MenuItem(format == ExportFormat.CSV ? "CSV (all matching entries)" : "JSON Lines");
      item.setId("export-" + format.extension());
      item.setOnAction(
          e -> {
            Path file = files.pick(format);
            if (file != null) {
              startExport.accept(format, file);
            }
          });
      exportButton.getItems().add(item);
    }
    ProgressBar exporting = progress("exportProgress", export.run());
    Button stopExport = cancel("exportCancel", export.run());
    Label exportStatus = new Label();
    exportStatus.setId("exportStatus");
    exportStatus.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    exportStatus.textProperty().bind(export.run().messageProperty());
    buttons = new HBox(8, verify, exportButton);
    buttons.setAlignment(Pos.CENTER_RIGHT);
    this.status =
        new HBox(
            10,
            chainStatus,
            showBroken,
            verifying,
            stopVerify,
            new Spacer(),
            exportStatus,
            exporting,
            stopExport);
    this.status.setAlignment(Pos.CENTER_LEFT);
    this.status.getStyleClass().add("audit-status");
  }

  // An operation's progress, shown only while it runs.
  private static ProgressBar progress(String id, LongRun run) {
    ProgressBar bar = new ProgressBar();
    bar.setId(id);
    bar.setPrefWidth(120);
    bar.progressProperty().bind(run.progressProperty());
    Visibility.showWhen(bar, run.runningProperty());
    return bar;
  }

  // Stops an operation; there only while it runs.
  private static Button cancel(String id, LongRun run) {
    Button button = new Button("Cancel");
    button.setId(id);
    Visibility.showWhen(button, run.runningProperty());
    button.setOnAction(e -> run.cancel());
    return button;
  }

  /** Verify and Export, for the header. */
  Node buttons() {
    return buttons;
  }

  /** Both operations' progress and outcome, one line under the header. */
  Node status() {
    return status;
  }

  /** A save dialog over {@code owner}'s window, suggesting {@code audit.<ext>}. */
  static FilePicker saveDialog(Node owner) {
    return format -> {
      FileChooser chooser = new FileChooser();
      chooser.setTitle("Export the filtered audit entries");
      chooser.setInitialFileName("audit." + format.extension());
      chooser
          .getExtensionFilters()
          .add(
              new FileChooser.ExtensionFilter(
                  format.name().replace('_', ' '), "*." + format.extension()));
      File file = chooser.showSaveDialog(owner.getScene().getWindow());
      return file == null ? null : file.toPath();
    };
  }
}
