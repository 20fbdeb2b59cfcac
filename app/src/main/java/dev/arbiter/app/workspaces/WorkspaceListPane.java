package dev.arbiter.app.workspaces;

import atlantafx.base.theme.Styles;
import dev.arbiter.app.common.ColumnFit;
import dev.arbiter.app.common.KeyedSelection;
import dev.arbiter.app.common.MoneyFormat;
import dev.arbiter.app.live.PresenceTracker;
import dev.arbiter.app.live.PresenceViews;
import dev.arbiter.persistence.presence.PresenceKey;
import dev.arbiter.persistence.workspaces.WorkspaceRow;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The workspace list: filters, sort, the table and "Load more" (keyset paging). */
final class WorkspaceListPane extends VBox {

  private final WorkspaceListViewModel model;
  private final TableView<WorkspaceRow> table = new TableView<>();
  private long openId = -1;

  WorkspaceListPane(
      WorkspaceListViewModel model,
      MoneyFormat money,
      PresenceTracker.Scope presence,
      Consumer<WorkspaceRow> open) {
    super(8);
    this.model = model;
    table.setId("workspaceTable");
    table.setItems(model.rows());
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    ColumnFit.install(table);
    // Sorting happens in SQL: column headers do not sort the loaded rows.
    table.getColumns().add(PresenceViews.column(presence, r -> PresenceKey.workspace(r.id())));
    table.getColumns().add(column("Name", WorkspaceRow::name));
    table.getColumns().add(column("Slug", WorkspaceRow::slug));
    table.getColumns().add(column("Type", WorkspaceRow::type));
    table.getColumns().add(column("Owner", WorkspaceRow::ownerName));
    table.getColumns().add(column("Members", r -> Long.toString(r.members())));
    table.getColumns().add(column("Open contracts", r -> Long.toString(r.openContracts())));
    table
        .getColumns()
        .add(column("Escrow held", r -> money.format(r.escrowHeldMinor(), r.currency())));
    table.getColumns().add(column("Status", WorkspaceRow::status));
    table.getColumns().forEach(c -> c.setSortable(false));
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, old, row) -> {
              // A live update replaces the selected row with its fresh copy: same workspace.
              if (row != null && row.id() != openId) {
                openId = row.id();
                open.accept(row);
              }
            });
    // Reads replace or merge the rows; the selection stays on its workspace, not on its index.
    KeyedSelection.follow(table.getSelectionModel(), model.rows(), model.list().keyed());
    VBox.setVgrow(table, Priority.ALWAYS);
    Label error = new Label();
    error.getStyleClass().add(Styles.DANGER);
    error.textProperty().bind(model.list().errorProperty());
    Label summary = new Label();
    summary.setId("workspaceSummary");
    summary.getStyleClass().add(Styles.TEXT_MUTED);
    summary.textProperty().bind(model.list().summaryProperty());
    Button more = new Button("Load more");
    more.setId("workspaceMore");
    more.disableProperty()
        .bind(model.list().hasMoreProperty().not().or(model.list().loadingProperty()));
    more.setOnAction(e -> model.loadMore());
    HBox footer = new HBox(10, summary, more);
    footer.setAlignment(Pos.CENTER_LEFT);
    getChildren().addAll(new WorkspaceFilterBar(model).node(), table, footer, error);
  }

  private static TableColumn<WorkspaceRow, String> column(
      String title, Function<WorkspaceRow, String> value) {
    TableColumn<WorkspaceRow, String> column = new TableColumn<>(title);
    column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    return column;
  }
}
