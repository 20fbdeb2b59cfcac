package dev.arbiter.app.releases;

import atlantafx.base.theme.Styles;
import dev.arbiter.app.common.ColumnFit;
import dev.arbiter.app.common.KeyedSelection;
import dev.arbiter.app.common.PagedList;
import dev.arbiter.app.common.TableCells;
import dev.arbiter.app.common.Visibility;
import dev.arbiter.app.live.PresenceTracker;
import dev.arbiter.app.live.PresenceViews;
import dev.arbiter.app.releases.ReleaseQueueViewModel.QueueItem;
import dev.arbiter.persistence.presence.PresenceKey;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The release queue table with its filters; selecting a row opens the checkpoint. */
final class ReleaseQueueView {

  private final ReleaseQueueViewModel model;
  private final TableView<QueueItem> table = new TableView<>(FXCollections.observableArrayList());
  private final VBox root;
  private final PresenceTracker.Scope presence;
  private boolean restoring;

  ReleaseQueueView(
      ReleaseQueueViewModel model,
      PresenceTracker.Scope presence,
      Consumer<Long> open,
      Consumer<List<Long>> bulkSelected,
      Runnable bulkAllMatching) {
    this.model = model;
    this.presence = presence;
    PagedList<QueueItem, Long> list = model.list();
    list.setSelectionKeeper(this::keepingSelection);
    table.setId("queueTable");
    table.setItems(model.items());
    table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    table.setPlaceholder(new Label("No checkpoints match."));
    table.getColumns().setAll(columns());
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    ColumnFit.install(table);
    // Two lines of gate badges; a fixed height also keeps scrolling cheap.
    table.setFixedCellSize(54);
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, was, item) -> {
              if (item != null && !restoring) {
                open.accept(item.checkpointId());
              }
            });
    VBox.setVgrow(table, Priority.ALWAYS);

    Button more = new Button("More", new FontIcon(Feather.CHEVRONS_DOWN));
    more.setId("queueLoadMore");
    more.disableProperty().bind(list.hasMoreProperty().not().or(list.loadingProperty()));
    more.setOnAction(e -> model.loadMore());
    Label summary = new Label();
    summary.setId("queueSummary");
    summary.getStyleClass().add(Styles.TEXT_MUTED);
    summary.textProperty().bind(list.summaryProperty());
    Button bulk = new Button("Bulk: selected", new FontIcon(Feather.LAYERS));
    bulk.setTooltip(new Tooltip("Preview, then release the selected checkpoints"));
    bulk.setId("bulkSelectedButton");
    bulk.setOnAction(e -> bulkSelected.accept(selectedIds()));
    Button all = new Button("Bulk: all matching");
    all.setTooltip(
        new Tooltip("Preview, then release every approved checkpoint matching the filter"));
    all.setId("bulkAllButton");
    all.setOnAction(e -> bulkAllMatching.run());
    summary.setMinWidth(Region.USE_PREF_SIZE);
    // The buttons wrap when the open checkpoint leaves the queue little width, whole, not cut.
    FlowPane actions = new FlowPane(8, 8, more, bulk, all);
    actions.setAlignment(Pos.CENTER_RIGHT);
    HBox.setHgrow(actions, Priority.ALWAYS);
    HBox footer = new HBox(8, summary, actions);
    footer.setAlignment(Pos.CENTER_LEFT);

    Label error = new Label();
    error.getStyleClass().add(Styles.DANGER);
    error.textProperty().bind(list.errorProperty());
    Visibility.showWhen(error, list.errorProperty().isNotEmpty());

    root = new VBox(8, new ReleaseFilterBar(model).node(), error, table, footer);
    root.getStyleClass().add("release-queue");
  }

  Node node() {
    return root;
  }

  // Puts the selection back by checkpoint id (rows may have moved) without reopening the checkpoint
  // being read.
  private void keepingSelection(Runnable merge) {
    restoring = true;
    try {
      KeyedSelection.keepAll(
          table.getSelectionModel(), table.getItems(), QueueItem::checkpointId, merge);
    } finally {
      restoring = false;
    }
  }

  private List<Long> selectedIds() {
    return table.getSelectionModel().getSelectedItems().stream()
        .map(QueueItem::checkpointId)
        .toList();
  }

  private List<TableColumn<QueueItem, ?>> columns() {
    return List.of(
        PresenceViews.column(presence, i -> PresenceKey.checkpoint(i.checkpointId())),
        text("Checkpoint", i -> i.reference() + " " + i.label(), 170),
        text("Payee", QueueItem::payee, 120),
        TableCells.money(text("Left", QueueItem::amount, 100)),
        text("Status", QueueItem::status, 80),
        gates());
  }

  private static TableColumn<QueueItem, String> text(
      String title, Function<QueueItem, String> value, double width) {
    TableColumn<QueueItem, String> column = new TableColumn<>(title);
    column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    column.setPrefWidth(width);
    column.setSortable(false);
    return column;
  }

  private static TableColumn<QueueItem, QueueItem> gates() {
    TableColumn<QueueItem, QueueItem> column = new TableColumn<>("Gates");
    column.setSortable(false);
    column.setPrefWidth(330);
    column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
    column.setCellFactory(
        TableCells.drawnBy(
            (cell, item) -> cell.setGraphic(item == null ? null : Badges.row(item.badges()))));
    return column;
  }
}
