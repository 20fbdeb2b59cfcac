package dev.arbiter.app.common;

import static dev.arbiter.app.testing.FxWait.fx;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.transformation.SortedList;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Real controls, headless: a live merge that puts a row above the selected one, or replaces the
 * selected row, leaves the selection on the same record, in a plain list and in a sorted table.
 */
@ExtendWith(ApplicationExtension.class)
class KeyedSelectionIT {

  private record Row(long id, String name) {}

  private final KeyedRows<Row, Long> listRows = new KeyedRows<>(Row::id);
  private final KeyedRows<Row, Long> tableRows = new KeyedRows<>(Row::id);
  private ListView<Row> list;
  private TableView<Row> table;

  @Start
  void start(Stage stage) {
    list = new ListView<>(listRows.rows());
    KeyedSelection.follow(list.getSelectionModel(), listRows.rows(), listRows);
    table = new TableView<>();
    TableColumn<Row, String> name = new TableColumn<>("Name");
    name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
    table.getColumns().add(name);
    SortedList<Row> sorted = new SortedList<>(tableRows.rows());
    sorted.comparatorProperty().bind(table.comparatorProperty());
    table.setItems(sorted);
    KeyedSelection.follow(table.getSelectionModel(), sorted, tableRows);
    stage.setScene(new Scene(new VBox(list, table), 400, 400));
    stage.show();
  }

  @Test
  void aRowMergedAboveTheSelectedOneDoesNotMoveTheSelection() {
    fx(
        () -> {
          listRows.merge(List.of(new Row(1, "b"), new Row(2, "c")));
          list.getSelectionModel().select(1);
          listRows.merge(List.of(new Row(3, "a"), new Row(1, "b"), new Row(2, "c")));
          return null;
        });

    assertThat(fx(() -> list.getSelectionModel().getSelectedItem())).isEqualTo(new Row(2, "c"));
    assertThat(listRows.selectedKeyProperty().get()).isEqualTo(2L);
  }

  @Test
  void theSelectedRowReplacedByAFresherReadStaysSelectedAsTheFresherRow() {
    fx(
        () -> {
          listRows.merge(List.of(new Row(1, "b"), new Row(2, "c")));
          list.getSelectionModel().select(0);
          listRows.merge(List.of(new Row(1, "b, changed"), new Row(2, "c")));
          return null;
        });

    assertThat(fx(() -> list.getSelectionModel().getSelectedItem()))
        .isEqualTo(new Row(1, "b, changed"));
  }

  @Test
  void aSortedTableKeepsItsSortAndItsSelectionAcrossAMerge() {
    fx(
        () -> {
          tableRows.merge(List.of(new Row(1, "m"), new Row(2, "z")));
          TableColumn<Row, ?> name = table.getColumns().get(0);
          name.setSortType(TableColumn.SortType.DESCENDING);
          table.getSortOrder().setAll(List.of(name));
          table.getSelectionModel().select(new Row(1, "m"));
          tableRows.merge(List.of(new Row(3, "a"), new Row(1, "m, changed"), new Row(2, "z")));
          return null;
        });

    assertThat(fx(() -> table.getItems().stream().map(Row::id).toList()))
        .containsExactly(2L, 1L, 3L);
    assertThat(fx(() -> table.getSelectionModel().getSelectedItem()))
        .isEqualTo(new Row(1, "m, changed"));
    assertThat(tableRows.selectedKeyProperty().get()).isEqualTo(1L);
  }
}
