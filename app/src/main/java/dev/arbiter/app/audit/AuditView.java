package dev.arbiter.app.audit;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.arbiter.app.audit.AuditViewModel.Row;
import dev.arbiter.app.audit.EntryDetailView.DiffTarget;
import dev.arbiter.app.common.AreaView;
import dev.arbiter.app.common.ColumnFit;
import dev.arbiter.app.common.DetailSplit;
import dev.arbiter.app.common.Visibility;
import dev.arbiter.app.live.ChangeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The audit area: filters, the newest-first table (fixed row height, one keyset page at a time),
 * the selected entry's detail, chain verification and export of everything the filter selects.
 */
public final class AuditView implements AreaView {

  /** Table rows are one line each; a fixed height keeps scrolling and layout cheap. */
  static final double ROW_HEIGHT = 30;

  private final AuditViewModel model;
  private final VBox root;
  private final AuditFilterBar filters;
  private boolean loaded;

  AuditView(
      AuditViewModel model,
      ChainCheckViewModel chain,
      AuditExportViewModel export,
      Supplier<RecordHistoryViewModel> histories,
      Function<Node, AuditToolbar.FilePicker> files) {
    this.model = model;
    filters = new AuditFilterBar(model);
    Label title = new Label("Audit log");
    title.getStyleClass().add(Styles.TITLE_2);
    Label subtitle =
        new Label("Every change by anyone, hash-chained. Filters run in the database.");
    subtitle.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    root = new VBox(12);
    AuditToolbar toolbar =
        new AuditToolbar(
            chain,
            export,
            format -> files.apply(root).pick(format),
            (format, file) -> export.export(model.appliedFilter(), format, file),
            model::goToEntry);
    HBox header = new HBox(16, new VBox(2, title, subtitle), new Spacer(), toolbar.buttons());
    header.setAlignment(Pos.CENTER_LEFT);

    Label error = new Label();
    error.setId("auditError");
    error.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
    error.getStyleClass().add(Styles.DANGER);
    error.textProperty().bind(model.list().errorProperty());
    Visibility.showWhen(error, model.list().errorProperty().isNotEmpty());

    EntryDetailView detail =
        new EntryDetailView(
            model.detail(),
            target -> openHistory(histories, target),
            target -> model.showRecord(target.entityType(), target.entityId()));
    StackPane detailPane = new StackPane(detail.node());
    detailPane.getStyleClass().add("audit-detail-pane");
    // Table above, entry below: the table keeps every column readable at the window's width. The
    // entry pane appears once an entry is selected, so until then the table has the whole height.
    SplitPane split = new SplitPane();
    split.setOrientation(Orientation.VERTICAL);
    DetailSplit.showWhileOpen(
        split, table(), detailPane, model.detail().entryProperty().isNotNull(), 0.45);
    VBox.setVgrow(split, Priority.ALWAYS);

    Label hint = new Label("Select an entry to see who changed what, when, and from where.");
    hint.setId("auditDetailPlaceholder");
    hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    hint.visibleProperty().bind(model.detail().entryProperty().isNull());
    HBox pager = pager();
    pager.getChildren().addAll(new Spacer(), hint);
    root.getChildren().addAll(header, toolbar.status(), filters.node(), error, split, pager);
    root.setId("audit");
    root.getStyleClass().add("audit-area");
    root.getStylesheets().add(RecordHistoryView.stylesheet());
  }

  @Override
  public Node node() {
    return root;
  }

  /** The first call shows the newest entries; later ones reload the current page. */
  @Override
  public void refresh() {
    if (loaded) {
      model.refresh();
    } else {
      loaded = true;
      model.apply();
    }
  }

  @Override
  public void changed(ChangeSet changes) {
    if (loaded) {
      model.changed(changes);
    }
  }

  AuditFilterBar filters() {
    return filters;
  }

  private TableView<Row> table() {
    TableView<Row> table = new TableView<>(model.rows());
    table.setId("auditTable");
    table.getStyleClass().addAll(Styles.DENSE, "audit-table");
    table.setFixedCellSize(ROW_HEIGHT);
    table.getColumns().add(column("#", r -> r.id() + "", 64));
    table.getColumns().add(column("Time", Row::time, 160));
    table.getColumns().add(column("Actor", Row::actor, 190));
    table.getColumns().add(column("Action", Row::action, 76));
    table.getColumns().add(column("Entity", Row::entity, 190));
    table.getColumns().add(column("Changes", Row::summary, 340));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    ColumnFit.install(table);
    table.setPlaceholder(new Label("No entries match the filters."));
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener((obs, was, now) -> model.selectedProperty().set(now));
    model
        .selectedProperty()
        .addListener(
            (obs, was, now) -> {
              if (now != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(now);
              }
            });
    return table;
  }

  private static TableColumn<Row, String> column(
      String title, Function<Row, String> value, double width) {
    TableColumn<Row, String> column = new TableColumn<>(title);
    column.setCellValueFactory(cell -> text(value.apply(cell.getValue())));
    column.setPrefWidth(width);
    // The order is the chain's, newest first, and comes from the database; sorting one page of it
    // in memory would only mislead.
    column.setSortable(false);
    return column;
  }

  private static ObservableValue<String> text(String value) {
    return new SimpleStringProperty(value);
  }

  private HBox pager() {
    Button newest = new Button("Newest");
    newest.setId("auditNewest");
    newest.disableProperty().bind(model.hasNewerProperty().not());
    newest.setOnAction(e -> model.apply());
    Button newer = new Button("Newer", new FontIcon(Feather.CHEVRON_LEFT));
    newer.setId("auditNewer");
    newer.disableProperty().bind(model.hasNewerProperty().not());
    newer.setOnAction(e -> model.newer());
    Button older = new Button("Older", new FontIcon(Feather.CHEVRON_RIGHT));
    older.setId("auditOlder");
    older.disableProperty().bind(model.list().hasMoreProperty().not());
    older.setOnAction(e -> model.older());
    Label position = new Label();
    position.setId("auditPosition");
    position.getStyleClass().add(Styles.TEXT_MUTED);
    position.textProperty().bind(model.list().summaryProperty());
    ProgressIndicator busy = new ProgressIndicator();
    busy.setId("auditLoading");
    busy.setPrefSize(18, 18);
    busy.visibleProperty().bind(model.list().loadingProperty());
    HBox pager = new HBox(8, newest, newer, older, position, busy);
    pager.setAlignment(Pos.CENTER_LEFT);
    return pager;
  }

  private void openHistory(Supplier<RecordHistoryViewModel> histories, DiffTarget target) {
    RecordHistoryViewModel history = histories.get();
    RecordHistoryView.showWindow(
        root.getScene() == null ? null : root.getScene().getWindow(), history);
    history.load(target.entityType(), target.entityId());
  }
}
