package dev.arbiter.app.moderation;

import dev.arbiter.persistence.moderation.DecisionRequest;
import dev.arbiter.persistence.moderation.ItemDetail;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A decision that did not go through, kept so the moderator loses nothing: refused because the item
 * changed after they read it (with what changed, and re-apply on the current flags when that is
 * still possible), or sent when the connection dropped (settled by reading the item back, then
 * saved or offered for a retry).
 */
public final class PendingDecisionViewModel {

  /** Where the pending decision stands. */
  public enum State {
    NONE,
    /** Refused: the item changed after the moderator read it. */
    STALE,
    /** The connection dropped while saving; the item is being read back to see if it committed. */
    SETTLING,
    /** Read back: it did not commit, and may be sent again. */
    UNSAVED
  }

  private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.NONE);
  private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
  private final ObservableList<String> changes = FXCollections.observableArrayList();
  private final ObservableList<String> changesView =
      FXCollections.unmodifiableObservableList(changes);
  private final ReadOnlyBooleanWrapper canReapply = new ReadOnlyBooleanWrapper(false);
  private DecisionRequest request;
  private List<Long> seen = List.of();
  private Runnable onSaved = () -> {};

  void stale(
      DecisionRequest request,
      ItemDetail basis,
      ItemDetail now,
      String me,
      String refusal,
      Runnable onSaved) {
    keep(request, ItemChanges.openFlagIds(basis), onSaved);
    changes.setAll(ItemChanges.between(basis, now));
    boolean open = !ItemChanges.openFlagIds(now).isEmpty();
    String holder = ItemChanges.claimant(now);
    boolean legal = open && (holder == null || holder.equals(me));
    canReapply.set(legal);
    text.set(
        "Not saved: "
            + refusal
            + (legal
                ? " Re-apply to "
                    + DecisionRequest.describe(request.decision())
                    + " on the item as it is now."
                : open
                    ? " " + holder + " holds the item now."
                    : " The item is closed; nothing is left to decide."));
    state.set(State.STALE);
  }

  void settling(DecisionRequest request, List<Long> seen, Runnable onSaved) {
    keep(request, seen, onSaved);
    changes.clear();
    canReapply.set(false);
    text.set("Connection lost while saving; checking whether it was saved…");
    state.set(State.SETTLING);
  }

  void unsaved() {
    text.set(
        "The decision was not saved before the connection dropped. Retry sends it again on the"
            + " flags you saw.");
    state.set(State.UNSAVED);
  }

  void clear() {
    request = null;
    seen = List.of();
    onSaved = () -> {};
    changes.clear();
    canReapply.set(false);
    text.set("");
    state.set(State.NONE);
  }

  private void keep(DecisionRequest request, List<Long> seen, Runnable onSaved) {
    this.request = request;
    this.seen = List.copyOf(seen);
    this.onSaved = onSaved;
  }

  DecisionRequest request() {
    return request;
  }

  List<Long> seen() {
    return seen;
  }

  Runnable onSaved() {
    return onSaved;
  }

  public ReadOnlyObjectProperty<State> stateProperty() {
    return state.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty textProperty() {
    return text.getReadOnlyProperty();
  }

  /** What changed, field by field, for a stale refusal. */
  public ObservableList<String> changes() {
    return changesView;
  }

  public ReadOnlyBooleanProperty canReapplyProperty() {
    return canReapply.getReadOnlyProperty();
  }
}
