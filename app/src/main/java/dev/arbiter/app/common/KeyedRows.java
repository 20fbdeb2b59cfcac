package dev.arbiter.app.common;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Rows that live re-reads merge in place ({@link ListMerge}), and the key of the row the user
 * selected. A table's selection follows the index, so a row arriving above the selected one would
 * move the selection onto its neighbour; the key stays with the row. Selections a table reports
 * while a merge is under way are passing states and are ignored; {@link #revisionProperty()} ticks
 * after each merge so the view can select the kept row again ({@link KeyedSelection}). FX thread.
 *
 * @param <T> the row
 * @param <K> what identifies a row across reads
 */
public final class KeyedRows<T, K> {

  private final Function<? super T, ? extends K> key;
  private final ObservableList<T> rows = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<K> selected = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();
  private boolean merging;

  public KeyedRows(Function<? super T, ? extends K> key) {
    this.key = key;
  }

  /** Brings the rows up to date in place; a selected row that is gone is no longer selected. */
  public void merge(List<? extends T> fresh) {
    update(() -> ListMerge.update(rows, fresh));
  }

  /** Shows {@code fresh} instead (a new filter); the selected key stays if its row is there. */
  public void replace(List<? extends T> fresh) {
    update(() -> rows.setAll(fresh));
  }

  private void update(Runnable change) {
    merging = true;
    try {
      change.run();
    } finally {
      merging = false;
    }
    if (selected.get() != null && selectedRow().isEmpty()) {
      selected.set(null);
    }
    revision.set(revision.get() + 1);
  }

  /** The user selected {@code row} (null for none); ignored while a merge moves rows. */
  public void select(T row) {
    if (!merging) {
      selected.set(row == null ? null : key.apply(row));
    }
  }

  /**
   * Selects the row with {@code wanted} by its key, e.g. a record opened from elsewhere; a table
   * following the rows ({@link KeyedSelection}) selects it. Call after the rows are read, since a
   * merge forgets a selected key it does not find.
   */
  public void selectKey(K wanted) {
    selected.set(wanted);
    revision.set(revision.get() + 1);
  }

  public K keyOf(T row) {
    return key.apply(row);
  }

  /** The selected row as last read. */
  public Optional<T> selectedRow() {
    K wanted = selected.get();
    return wanted == null
        ? Optional.empty()
        : rows.stream().filter(r -> Objects.equals(key.apply(r), wanted)).findFirst();
  }

  public ObservableList<T> rows() {
    return rows;
  }

  public ReadOnlyObjectProperty<K> selectedKeyProperty() {
    return selected.getReadOnlyProperty();
  }

  /** Ticks after every merge. */
  public ReadOnlyLongProperty revisionProperty() {
    return revision.getReadOnlyProperty();
  }
}
