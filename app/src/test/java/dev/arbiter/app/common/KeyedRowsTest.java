package dev.arbiter.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class KeyedRowsTest {

  private record Row(long id, String text) {}

  private final KeyedRows<Row, Long> rows = new KeyedRows<>(Row::id);

  @Test
  void theSelectionStaysWithItsRowWhenARowArrivesAboveIt() {
    rows.merge(List.of(new Row(1, "a"), new Row(2, "b")));
    rows.select(rows.rows().get(1));

    rows.merge(List.of(new Row(3, "new"), new Row(1, "a"), new Row(2, "b changed")));

    assertThat(rows.selectedKeyProperty().get()).isEqualTo(2L);
    assertThat(rows.selectedRow()).contains(new Row(2, "b changed"));
  }

  @Test
  void selectionsReportedWhileAMergeMovesRowsAreIgnored() {
    rows.merge(List.of(new Row(1, "a"), new Row(2, "b")));
    rows.select(rows.rows().get(1));
    // A table's selection follows the index while rows are replaced under it.
    rows.rows()
        .addListener(
            (ListChangeListener<Row>) c -> rows.select(rows.rows().get(rows.rows().size() - 1)));

    rows.merge(List.of(new Row(2, "b"), new Row(1, "a")));

    assertThat(rows.selectedKeyProperty().get()).isEqualTo(2L);
  }

  @Test
  void aSelectedRowThatIsGoneIsNoLongerSelected() {
    rows.merge(List.of(new Row(1, "a"), new Row(2, "b")));
    rows.select(rows.rows().get(0));

    rows.merge(List.of(new Row(2, "b")));

    assertThat(rows.selectedKeyProperty().get()).isNull();
    assertThat(rows.selectedRow()).isEmpty();
  }

  @Test
  void everyMergeTicksTheRevisionEvenWhenNothingChanged() {
    rows.merge(List.of(new Row(1, "a")));
    long before = rows.revisionProperty().get();

    rows.merge(List.of(new Row(1, "a")));

    assertThat(rows.revisionProperty().get()).isEqualTo(before + 1);
  }
}
