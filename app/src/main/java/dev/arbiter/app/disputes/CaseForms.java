package dev.arbiter.app.disputes;

import dev.arbiter.model.disputes.DeadlineAction;
import dev.arbiter.model.disputes.DisputeOutcome;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The case view's inputs and the message shown next to each one. Field names match those of {@link
 * dev.arbiter.persistence.disputes.DisputeActionRefused#field()}.
 */
public final class CaseForms {

  /** The deadline actions offered, with "nothing" first. */
  public static final List<Option<DeadlineAction>> DEADLINE_ACTIONS =
      List.of(
          new Option<>("Nothing automatic", null),
          new Option<>("Auto-escalate", DeadlineAction.AUTO_ESCALATE),
          new Option<>("Auto-resolve for the freelancer", DeadlineAction.AUTO_RESOLVE_PAYEE),
          new Option<>("Auto-resolve for the client", DeadlineAction.AUTO_RESOLVE_PAYER));

  final StringProperty reply = new SimpleStringProperty("");
  final StringProperty note = new SimpleStringProperty("");
  final StringProperty due = new SimpleStringProperty("");
  final ObjectProperty<Option<DeadlineAction>> deadlineAction =
      new SimpleObjectProperty<>(DEADLINE_ACTIONS.get(0));
  final ObjectProperty<DisputeOutcome> outcome = new SimpleObjectProperty<>(DisputeOutcome.SPLIT);
  final StringProperty payee = new SimpleStringProperty("");
  final StringProperty payer = new SimpleStringProperty("");
  final StringProperty reason = new SimpleStringProperty("");
  final BooleanProperty escalateFirst = new SimpleBooleanProperty(false);

  final StringProperty replyError = new SimpleStringProperty("");
  final StringProperty noteError = new SimpleStringProperty("");
  final StringProperty dueError = new SimpleStringProperty("");
  final StringProperty sharesError = new SimpleStringProperty("");
  final StringProperty reasonError = new SimpleStringProperty("");
  final StringProperty assigneeError = new SimpleStringProperty("");

  private final Map<String, StringProperty> errors =
      Map.of(
          "body", replyError,
          "note", noteError,
          "due", dueError,
          "shares", sharesError,
          "reason", reasonError,
          "assignee", assigneeError);

  /** Shows {@code message} next to {@code field}; false if the form has no such field. */
  boolean showError(String field, String message) {
    StringProperty target = errors.get(field);
    if (target == null) {
      return false;
    }
    target.set(message);
    return true;
  }

  void clearErrors() {
    errors.values().forEach(e -> e.set(""));
  }

  /** Empties every input, for another case. */
  void reset() {
    reply.set("");
    note.set("");
    due.set("");
    deadlineAction.set(DEADLINE_ACTIONS.get(0));
    outcome.set(DisputeOutcome.SPLIT);
    payee.set("");
    payer.set("");
    reason.set("");
    escalateFirst.set(false);
    clearErrors();
  }

  public StringProperty replyProperty() {
    return reply;
  }

  public StringProperty noteProperty() {
    return note;
  }

  public StringProperty dueProperty() {
    return due;
  }

  public ObjectProperty<Option<DeadlineAction>> deadlineActionProperty() {
    return deadlineAction;
  }

  public ObjectProperty<DisputeOutcome> outcomeProperty() {
    return outcome;
  }

  public StringProperty payeeProperty() {
    return payee;
  }

  public StringProperty payerProperty() {
    return payer;
  }

  public StringProperty reasonProperty() {
    return reason;
  }

  public BooleanProperty escalateFirstProperty() {
    return escalateFirst;
  }

  public StringProperty replyErrorProperty() {
    return replyError;
  }

  public StringProperty noteErrorProperty() {
    return noteError;
  }

  public StringProperty dueErrorProperty() {
    return dueError;
  }

  public StringProperty sharesErrorProperty() {
    return sharesError;
  }

  public StringProperty reasonErrorProperty() {
    return reasonError;
  }

  public StringProperty assigneeErrorProperty() {
    return assigneeError;
  }
}
