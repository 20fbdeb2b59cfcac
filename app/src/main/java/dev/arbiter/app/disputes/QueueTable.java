package dev.arbiter.app.disputes;

import dev.arbiter.app.common.ColumnFit;
import dev.arbiter.app.common.TableCells;
import dev.arbiter.app.live.PresenceTracker;
import dev.arbiter.app.live.PresenceViews;
import dev.arbiter.persistence.disputes.QueueSort;
import dev.arbiter.persistence.disputes.SortKey;
import dev.arbiter.persistence.presence.PresenceKey;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The queue's table: fixed row height, one column per queue field, and header clicks that ask the
 * database for a new order instead of sorting the rows in memory.
 */
final class QueueTable {

  static final double ROW_HEIGHT = 30;

  private QueueTable() {}

  static TableView<QueueItem> create(DisputeQueueViewModel model, PresenceTracker.Scope presence) {
    TableView<QueueItem> table = new TableView<>(model.items());
    table.setId("disputeTable");
    table.setFixedCellSize(ROW_HEIGHT);
    table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    ColumnFit.install(table);
    table.getStyleClass().add("dispute-table");
    table
        .getColumns()
        .addAll(
            java.util.List.of(
                PresenceViews.column(presence, (QueueItem i) -> PresenceKey.dispute(i.id())),
                column("colReference", "Reference", 100, SortKey.REFERENCE, QueueItem::reference),
                slaColumn(),
                column("colPriority", "Priority", 92, SortKey.PRIORITY, QueueItem::priority),
                column("colStatus", "Status", 110, SortKey.STATUS, QueueItem::status),
                column("colParties", "Parties", 200, SortKey.PARTIES, QueueItem::parties),
                TableCells.money(
                    column("colAmount", "Amount", 90, SortKey.AMOUNT, QueueItem::amount)),
                column("colReason", "Reason", 100, SortKey.REASON, QueueItem::reason),
                column("colAssignee", "Assignee", 100, SortKey.ASSIGNEE, QueueItem::assignee),
                column("colAge", "Age", 50, SortKey.OPENED, QueueItem::age),
                column(
                    "colContract",
                    "Contract",
                    80,
                    SortKey.CONTRACT,
                    i -> i.row().contractReference())));
    table.setSortPolicy(
        t -> {
          if (!t.getSortOrder().isEmpty()) {
            TableColumn<QueueItem, ?> first = t.getSortOrder().get(0);
            SortKey key = (SortKey) first.getUserData();
            boolean descending = first.getSortType() == TableColumn.SortType.DESCENDING;
            // Older cases have the greater age, so "age ascending" is "opened descending".
            if (key == SortKey.OPENED) {
              descending = !descending;
            }
            QueueSort wanted = new QueueSort(key, descending);
            if (!wanted.equals(model.sortProperty().get())) {
              model.sortBy(wanted);
            }
          }
          return true;
        });
    showSort(table, model.sortProperty().get());
    return table;
  }

  /** Marks the column the queue is sorted by, without asking for a new order. */
  static void showSort(TableView<QueueItem> table, QueueSort sort) {
    for (TableColumn<QueueItem, ?> column : table.getColumns()) {
      if (column.getUserData() == sort.key()) {
        boolean descending = sort.descending() ^ (sort.key() == SortKey.OPENED);
        column.setSortType(
            descending ? TableColumn.SortType.DESCENDING : TableColumn.SortType.ASCENDING);
        table.getSortOrder().setAll(java.util.List.of(column));
        return;
      }
    }
  }

  private static TableColumn<QueueItem, String> column(
      String id, String title, double width, SortKey key, Function<QueueItem, String> text) {
    TableColumn<QueueItem, String> column = new TableColumn<>(title);
    column.setId(id);
    column.setUserData(key);
    column.setPrefWidth(width);
    column.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.apply(c.getValue())));
    return column;
  }

  private static TableColumn<QueueItem, String> slaColumn() {
    TableColumn<QueueItem, String> column =
        column("colSla", "SLA", 160, SortKey.DUE, QueueItem::sla);
    column.setCellFactory(
        TableCells.drawnBy(
            (cell, text) -> {
              QueueItem item =
                  text == null || cell.getTableRow() == null ? null : cell.getTableRow().getItem();
              cell.setText(text);
              cell.getStyleClass().removeAll("sla-breached", "sla-soon");
              if (item != null && item.breached()) {
                cell.getStyleClass().add("sla-breached");
              } else if (item != null && item.dueSoon()) {
                cell.getStyleClass().add("sla-soon");
              }
            }));
    return column;
  }
}
