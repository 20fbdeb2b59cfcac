package dev.arbiter.app.moderation;

import dev.arbiter.persistence.moderation.ItemDetail;
import dev.arbiter.persistence.moderation.ItemKey;
import dev.arbiter.persistence.moderation.QueueRow;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The item on screen: its queue row, its detail, and the claim state derived from both. Reads of
 * the detail are numbered, so the answer to an older read never replaces a newer one.
 */
final class ShownItem {

  private final ClaimStatus claim;
  private final ReadOnlyObjectWrapper<QueueRow> row = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<ItemDetail> detail = new ReadOnlyObjectWrapper<>();
  private long reads;

  ShownItem(ClaimStatus claim) {
    this.claim = claim;
  }

  QueueRow row() {
    return row.get();
  }

  void row(QueueRow selected) {
    row.set(selected);
    claim.update(selected, detail.get());
  }

  ItemDetail detail() {
    return detail.get();
  }

  void detail(ItemDetail read) {
    detail.set(read);
    claim.update(row.get(), read);
  }

  /** Whether the detail shown is that of {@code key}. */
  boolean shows(ItemKey key) {
    return detail.get() != null && detail.get().key().equals(key);
  }

  /** Numbers a new read of the detail; it supersedes every read started before it. */
  long nextRead() {
    return ++reads;
  }

  /** Whether {@code read} is still the latest read, so its answer may be shown. */
  boolean isLatest(long read) {
    return read == reads;
  }

  ReadOnlyObjectProperty<QueueRow> rowProperty() {
    return row.getReadOnlyProperty();
  }

  ReadOnlyObjectProperty<ItemDetail> detailProperty() {
    return detail.getReadOnlyProperty();
  }
}
