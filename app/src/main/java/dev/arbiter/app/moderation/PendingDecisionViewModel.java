package dev.arbiter.app.moderation;

import dev.arbiter.persistence.moderation.DecisionRequest;
import dev.arbiter.persistence.moderation.ItemDetail;
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
 * still possible), or sent when the connection dropped (settled by its request key, then saved or
 * offered for a retry under the same key).
 */
public final class PendingDecisionViewModel {

  /** Where the pending decision stands. */
  public enum State {
    NONE,
    /** Refused: the item changed after the moderator read it. */
    STALE,
    /** The connection dropped while saving; its key is being looked up to see if it committed. */
    SETTLING,
    /** It did not commit (or that could not be told), and may be sent again under its key. */
    UNSAVED
  }

  static final String CHECKING = "Connection lost while saving; checking whether it was saved…";

  private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.NONE);
  private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
  private final ObservableList<String> changes = FXCollections.observableArrayList();
  private final ObservableList<String> changesView =
      FXCollections.unmodifiableObservableList(changes);
  private final ReadOnlyBooleanWrapper canReapply = new ReadOnlyBooleanWrapper(false);
  private DecisionRequest request;
  private String requestKey;
  private Runnable onSaved = () -> {};

  void stale(
      DecisionRequest request,
      ItemDetail basis,
      ItemDetail now,
      String me,
      String refusal,
      Runnable onSaved) {
    keep(request, null, onSaved);
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

  void settling(DecisionRequest request, String requestKey, Runnable onSaved) {
    keep(request, requestKey, onSaved);
    changes.clear();
    canReapply.set(false);
    text.set(CHECKING);
    state.set(State.SETTLING);
  }

  /** Known not saved; {@code why} null, or why it could not be told. */
  void unsaved(String why) {
    text.set(
        why == null
            ? "Connection lost while saving; the decision was not saved. Retry sends it once, on"
                + " the flags you saw."
            : "Could not find out whether the decision was saved ("
                + why
                + "). Retry sends it under the same key, so it cannot happen twice.");
    state.set(State.UNSAVED);
  }

  void clear() {
    request = null;
    requestKey = null;
    onSaved = () -> {};
    changes.clear();
    canReapply.set(false);
    text.set("");
    state.set(State.NONE);
  }

  private void keep(DecisionRequest request, String requestKey, Runnable onSaved) {
    this.request = request;
    this.requestKey = requestKey;
    this.onSaved = onSaved;
  }

  DecisionRequest request() {
    return request;
  }

  /** The key the decision was sent under: a retry keeps it (null for a stale refusal). */
  String requestKey() {
    return requestKey;
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
