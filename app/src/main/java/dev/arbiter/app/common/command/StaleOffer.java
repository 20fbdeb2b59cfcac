package dev.arbiter.app.common.command;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A command the database refused because its record changed after the staff member read it: why,
 * what changed (one line a field, worded by the feature), and the command again on the record as it
 * is now (a new command, under a new key), for as long as it still makes sense there. FX thread.
 *
 * @param <C> what re-applying sends (a command, or what the view makes one of)
 */
public final class StaleOffer<C> {

  private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
  private final ObservableList<String> changes = FXCollections.observableArrayList();
  private final ObservableList<String> changesView =
      FXCollections.unmodifiableObservableList(changes);
  private final ReadOnlyStringWrapper diff = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper reapplyable = new ReadOnlyBooleanWrapper(false);
  private C again;

  public StaleOffer() {
    diff.bind(Bindings.createStringBinding(() -> String.join("\n", changes), changes));
  }

  /**
   * Shows a refusal: {@code text} says why, {@code changes} what changed; {@code again} is the
   * command on the record as it is now, or null when it no longer applies.
   */
  public void offer(String text, List<String> changes, C again) {
    this.again = again;
    this.changes.setAll(changes);
    this.text.set(text);
    reapplyable.set(again != null);
  }

  /** The command to re-apply, still offered (until it is sent); null when none is. */
  public C offered() {
    return again;
  }

  /** The command to re-apply, handed out once (the offer is then over); null when none is. */
  public C take() {
    C offered = again;
    clear();
    return offered;
  }

  public void clear() {
    again = null;
    changes.clear();
    text.set("");
    reapplyable.set(false);
  }

  /** Why the command was refused and what re-applying would do; empty when nothing is offered. */
  public ReadOnlyStringProperty textProperty() {
    return text.getReadOnlyProperty();
  }

  /** What changed, one field a line. */
  public ObservableList<String> changes() {
    return changesView;
  }

  /** The same lines as one text, a line each. */
  public ReadOnlyStringProperty diffProperty() {
    return diff.getReadOnlyProperty();
  }

  /** Whether a command to re-apply is offered. */
  public ReadOnlyBooleanProperty reapplyableProperty() {
    return reapplyable.getReadOnlyProperty();
  }
}
