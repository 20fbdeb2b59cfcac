package dev.arbiter.app.moderation;

import dev.arbiter.model.moderation.FlagDecision;
import dev.arbiter.model.moderation.FlaggedEntityType;
import dev.arbiter.persistence.moderation.DecisionRequest;
import dev.arbiter.persistence.moderation.ItemKey;
import dev.arbiter.persistence.moderation.ModerationReason;
import java.time.Duration;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The decision form: a decision, a preset reason that fits it, a note, and a duration for a
 * suspension. It validates with the same rules as {@link DecisionRequest} and previews the effect
 * in words, naming how many items and flags it closes.
 */
public final class DecisionFormViewModel {

  // Validation builds a request; the item it names does not matter for the rules.
  private static final ItemKey PLACEHOLDER = new ItemKey(FlaggedEntityType.USER, 0);

  private final ObjectProperty<FlagDecision> decision = new SimpleObjectProperty<>();
  private final ObjectProperty<ModerationReason> reason = new SimpleObjectProperty<>();
  private final ObservableList<ModerationReason> reasons = FXCollections.observableArrayList();
  private final StringProperty note = new SimpleStringProperty("");
  private final IntegerProperty suspendDays = new SimpleIntegerProperty(7);
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);
  private final String target;

  /**
   * @param target what the decision applies to, e.g. "dispute_message 12 (3 open flags)"
   */
  public DecisionFormViewModel(FlagDecision initial, String target) {
    this.target = target;
    decision.addListener(
        (obs, old, value) -> {
          reasons.setAll(ModerationReason.forDecision(value));
          if (reason.get() == null || !reason.get().fits(value)) {
            reason.set(reasons.get(0));
          }
          validate();
        });
    reason.addListener((obs, old, value) -> validate());
    note.addListener((obs, old, value) -> validate());
    suspendDays.addListener((obs, old, value) -> validate());
    decision.set(initial);
  }

  private void validate() {
    try {
      DecisionRequest request = build(PLACEHOLDER);
      problem.set("");
      valid.set(true);
      String text = DecisionRequest.describe(request.decision());
      String duration = request.suspendFor() == null ? "" : " for " + suspendDays.get() + " days";
      String sent =
          request.reason().label() + (request.note() == null ? "" : ": " + request.note());
      preview.set(
          Character.toUpperCase(text.charAt(0))
              + text.substring(1)
              + duration
              + " — "
              + target
              + ". Reason given: \""
              + sent
              + "\".");
    } catch (IllegalArgumentException | NullPointerException e) {
      problem.set(e.getMessage() == null ? "Choose a decision and a reason" : e.getMessage());
      valid.set(false);
      preview.set("");
    }
  }

  /**
   * The request for {@code key}.
   *
   * @throws IllegalArgumentException when the form is not valid
   */
  public DecisionRequest build(ItemKey key) {
    Duration duration =
        decision.get() == FlagDecision.SUSPEND_USER ? Duration.ofDays(suspendDays.get()) : null;
    return new DecisionRequest(key, decision.get(), reason.get(), note.get(), duration);
  }

  public ObjectProperty<FlagDecision> decisionProperty() {
    return decision;
  }

  public ObjectProperty<ModerationReason> reasonProperty() {
    return reason;
  }

  public ObservableList<ModerationReason> reasons() {
    return reasons;
  }

  public StringProperty noteProperty() {
    return note;
  }

  public IntegerProperty suspendDaysProperty() {
    return suspendDays;
  }

  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty previewProperty() {
    return preview.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty validProperty() {
    return valid.getReadOnlyProperty();
  }
}
