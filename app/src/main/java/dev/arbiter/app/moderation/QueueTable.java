package dev.arbiter.app.moderation;

import dev.arbiter.app.common.ColumnFit;
import dev.arbiter.app.common.DateTimes;
import dev.arbiter.app.common.DisplayNames;
import dev.arbiter.app.common.KeyedSelection;
import dev.arbiter.app.live.PresenceTracker;
import dev.arbiter.app.live.PresenceViews;
import dev.arbiter.model.moderation.FlagStatus;
import dev.arbiter.persistence.moderation.QueueRow;
import dev.arbiter.persistence.presence.PresenceKey;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The queue as a table. The rows are the ViewModel's loaded pages; sorting happens in SQL, so the
 * columns are not sortable here. Selection follows the ViewModel both ways.
 */
final class QueueTable {

  private final TableView<QueueRow> table;
  private final ModerationQueueViewModel model;

  QueueTable(ModerationQueueViewModel model, PresenceTracker.Scope presence) {
    this.model = model;
    table = new TableView<>(model.rows());
    table.setId("moderationQueue");
    table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    ColumnFit.install(table);
    table.setPlaceholder(new javafx.scene.control.Label("No flagged items match the filter."));
    table
        .getColumns()
        .addAll(
            List.of(
                column("Score", 54, r -> ModerationWords.score(r.score())),
                column("Item", 100, r -> shortLabel(r)),
                column("Flags", 48, r -> Integer.toString(r.openFlags())),
                column("Severity", 70, r -> ModerationWords.word(r.maxSeverity())),
                column("Reasons", 100, r -> DisplayNames.words(r.reasons())),
                column("Last", 52, r -> DateTimes.age(r.lastFlagged(), Instant.now())),
                column("Claimed by", 95, r -> r.claimant() == null ? "" : r.claimant()),
                column("Preview", 260, QueueRow::preview)));
    // Someone else has the item open (eye) or is writing a decision on it (pencil).
    table.getColumns().add(0, PresenceViews.column(presence, r -> PresenceKey.flag(r.rowId())));
    table
        .getSelectionModel()
        .selectedIndexProperty()
        .addListener(
            (obs, old, index) -> {
              if (index.intValue() != model.selectedIndexProperty().get()) {
                model.selectedIndexProperty().set(index.intValue());
              }
            });
    model.list().setSelectionKeeper(this::keepingSelection);
    model
        .selectedIndexProperty()
        .addListener(
            (obs, old, index) -> {
              int i = index.intValue();
              if (i < 0) {
                table.getSelectionModel().clearSelection();
              } else if (table.getSelectionModel().getSelectedIndex() != i
                  || table.getSelectionModel().getSelectedIndices().size() > 1
                      && !table.getSelectionModel().isSelected(i)) {
                table.getSelectionModel().clearAndSelect(i);
                if (!model.applyingLive()) {
                  table.scrollTo(Math.max(0, i - 3));
                }
              }
            });
  }

  // The rows a moderator picked for a bulk action stay picked while the queue updates under them;
  // a single selection follows the ViewModel's index instead.
  private void keepingSelection(Runnable merge) {
    if (table.getSelectionModel().getSelectedItems().size() < 2) {
      merge.run();
    } else {
      KeyedSelection.keepAll(table.getSelectionModel(), table.getItems(), QueueRow::key, merge);
    }
  }

  private static String shortLabel(QueueRow row) {
    return ModerationWords.item(row.key())
        + (row.status() == FlagStatus.OPEN ? "" : " · " + ModerationWords.lowerWord(row.status()));
  }

  private static TableColumn<QueueRow, String> column(
      String title, double width, Function<QueueRow, String> value) {
    TableColumn<QueueRow, String> column = new TableColumn<>(title);
    column.setPrefWidth(width);
    // The constrained policy would squeeze every column to fit; only the preview gives way.
    column.setMinWidth(title.equals("Preview") ? 120 : width);
    column.setSortable(false);
    column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    return column;
  }

  TableView<QueueRow> node() {
    return table;
  }

  List<QueueRow> selectedRows() {
    return List.copyOf(table.getSelectionModel().getSelectedItems());
  }
}
