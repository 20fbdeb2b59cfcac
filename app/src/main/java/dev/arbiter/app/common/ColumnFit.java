package dev.arbiter.app.common;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.NestedTableColumnHeader;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.control.skin.TableHeaderRow;
import javafx.scene.control.skin.TableViewSkin;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Keeps a table's columns at least as wide as their header and the values of the rows loaded, so
 * that no cell shows a cut-off value: a column grows when a wider value arrives and never shrinks
 * under the staff member's hand. The width is measured the way double-clicking a column's edge does
 * (JavaFX's own {@code resizeColumnToFitContent}, real cells, badges and all) and kept as the
 * column's minimum. A table given a constrained policy keeps filling its width (its last column
 * takes what the others leave); when the columns need more than the table has, it scrolls sideways
 * instead of cutting.
 */
public final class ColumnFit {

  /** Rows measured: a page of any queue; more would only cost time on a long list. */
  private static final int MEASURED_ROWS = 250;

  /** What JavaFX adds to a header's title for the sort arrow when it fits a column. */
  private static final double SORT_ARROW = 10;

  /** A cell's padding left and right, and a little room, around a measured text value. */
  private static final double CELL_PADDING = 24;

  private ColumnFit() {}

  /**
   * Fits {@code table}'s columns now and whenever its rows change. Call before it is shown, after
   * setting its resize policy (a constrained one means: fill the width); a second call does
   * nothing.
   */
  public static <T> void install(TableView<T> table) {
    if (table.getProperties().containsKey(ColumnFit.class)) {
      return;
    }
    boolean constrained = table.getColumnResizePolicy() != TableView.UNCONSTRAINED_RESIZE_POLICY;
    // JavaFX's constrained policies squeeze columns below their minimum rather than scroll, and
    // do not re-run when a minimum grows: the table is unconstrained, and fills its width itself.
    table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    FittingSkin<T> skin = new FittingSkin<>(table, constrained);
    table.setSkin(skin);
    InvalidationListener refit = o -> skin.refit();
    table.getProperties().put(ColumnFit.class, refit);
    WeakInvalidationListener weak = new WeakInvalidationListener(refit);
    table.getItems().addListener(weak);
    table
        .itemsProperty()
        .addListener(
            (obs, was, now) -> {
              if (was != null) {
                was.removeListener(weak);
              }
              if (now != null) {
                now.addListener(weak);
              }
              skin.refit();
            });
    table.getColumns().addListener(refit);
  }

  /** A table skin whose column headers can measure their columns. */
  private static final class FittingSkin<T> extends TableViewSkin<T> {

    private final List<FittingHeader> headers = new ArrayList<>();
    private final boolean fillLast;
    private boolean pending = true;

    FittingSkin(TableView<T> table, boolean fillLast) {
      super(table);
      this.fillLast = fillLast;
    }

    void refit() {
      pending = true;
      getSkinnable().requestLayout();
    }

    // The rows' count changed (items set or replaced before the skin listened, too): fit again.
    @Override
    protected void updateItemCount() {
      super.updateItemCount();
      pending = true;
    }

    @Override
    protected TableHeaderRow createTableHeaderRow() {
      return new TableHeaderRow(this) {
        @Override
        protected NestedTableColumnHeader createRootHeader() {
          return new NestedTableColumnHeader(null) {
            @Override
            protected TableColumnHeader createTableColumnHeader(TableColumnBase col) {
              if (col == null || !col.getColumns().isEmpty()) {
                return super.createTableColumnHeader(col);
              }
              FittingHeader header = new FittingHeader(col);
              headers.add(header);
              return header;
            }
          };
        }
      };
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
      super.layoutChildren(x, y, w, h);
      if (pending) {
        pending = false;
        headers.removeIf(header -> header.getTableColumn() == null);
        for (FittingHeader header : headers) {
          header.fit();
        }
      }
      if (fillLast) {
        fillWithLastColumn(w - verticalBarWidth());
      }
    }

    // What a constrained policy did for this table, without its squeezing: the last column takes
    // the width the others leave, and never less than its values need.
    private void fillWithLastColumn(double room) {
      List<? extends TableColumnBase<?, ?>> columns = getSkinnable().getVisibleLeafColumns();
      if (columns.isEmpty()) {
        return;
      }
      double others = 0;
      for (int i = 0; i < columns.size() - 1; i++) {
        others += columns.get(i).getWidth();
      }
      TableColumnBase<?, ?> last = columns.get(columns.size() - 1);
      double wanted = Math.max(last.getMinWidth(), Math.floor(room - others));
      if (Math.abs(last.getPrefWidth() - wanted) >= 1) {
        last.setPrefWidth(wanted);
      }
    }

    private double verticalBarWidth() {
      for (Node child : getVirtualFlow().getChildrenUnmodifiable()) {
        if (child instanceof ScrollBar bar
            && bar.getOrientation() == Orientation.VERTICAL
            && bar.isVisible()) {
          return bar.getWidth();
        }
      }
      return 0;
    }
  }

  /** A column's header that measures its column as double-clicking its edge would. */
  private static final class FittingHeader extends TableColumnHeader {

    FittingHeader(TableColumnBase<?, ?> column) {
      super(column);
    }

    // The header's title at its own font, with room for the sort arrow as JavaFX leaves it.
    private double headerWidth() {
      Label title = title();
      return title == null
          ? 0
          : title.prefWidth(-1) + snappedLeftInset() + snappedRightInset() + SORT_ARROW;
    }

    // The widest text value of the rows measured, at the header's font size, with a cell's padding.
    // Only text and numbers: a column drawn from the whole row (badges) has no text to measure.
    private double textWidth(TableColumnBase<?, ?> column) {
      Label title = title();
      if (title == null || !(column instanceof TableColumn<?, ?> tableColumn)) {
        return 0;
      }
      TableView<?> table = tableColumn.getTableView();
      if (table == null) {
        return 0;
      }
      Text probe = new Text();
      probe.setFont(Font.font(title.getFont().getFamily(), title.getFont().getSize()));
      double widest = 0;
      int rows = Math.min(table.getItems().size(), MEASURED_ROWS);
      for (int i = 0; i < rows; i++) {
        Object value = tableColumn.getCellData(i);
        if (value instanceof CharSequence || value instanceof Number) {
          probe.setText(value.toString());
          widest = Math.max(widest, probe.getLayoutBounds().getWidth());
        }
      }
      return widest == 0 ? 0 : widest + CELL_PADDING;
    }

    private Label title() {
      for (Node child : getChildrenUnmodifiable()) {
        if (child instanceof Label label) {
          return label;
        }
      }
      return null;
    }

    void fit() {
      TableColumnBase<?, ?> column = getTableColumn();
      if (column == null || !column.isVisible() || !column.isResizable()) {
        return;
      }
      double prefBefore = column.getPrefWidth();
      resizeColumnToFitContent(MEASURED_ROWS);
      // JavaFX measures nothing while the table is empty, not even the header; and a table whose
      // columns came before its skin is not measured at all, so text values are measured here too.
      double needed =
          Math.ceil(Math.max(column.getWidth(), Math.max(headerWidth(), textWidth(column))));
      if (needed > column.getMinWidth()) {
        column.setMinWidth(needed);
      }
      column.setPrefWidth(Math.max(prefBefore, needed));
    }
  }
}
