package dev.arbiter.app.disputes;

import atlantafx.base.theme.Styles;
import dev.arbiter.app.live.DraftBinder;
import dev.arbiter.model.disputes.DisputeOutcome;
import dev.arbiter.model.disputes.DisputePriority;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The forms of the case view: composers, the deadline and the settlement proposal. */
final class CaseActions {

  private final DisputeCaseViewModel model;
  private final CaseForms forms;
  private final DraftBinder drafts;

  CaseActions(DisputeCaseViewModel model, DraftBinder drafts) {
    this.model = model;
    this.forms = model.forms();
    this.drafts = drafts;
  }

  /**
   * Keeps the field's unsent text as a draft of the case the forms belong to ({@code
   * dispute:42:reply}); the key is null while the forms switch cases, so emptying them for the next
   * case never erases the previous case's draft.
   */
  private void keepDraft(TextArea field, String part) {
    drafts.bind(
        field,
        Bindings.createStringBinding(
            () -> {
              Long id = model.formsForProperty().get();
              return id == null ? null : "dispute:" + id + ":" + part;
            },
            model.formsForProperty()));
  }

  Node composers() {
    TextArea reply = area("replyText", "Reply to both parties…", forms.replyProperty());
    keepDraft(reply, "reply");
    Button send = new Button("Send reply");
    send.setId("sendReply");
    send.getStyleClass().add(Styles.ACCENT);
    send.setTooltip(new Tooltip("The parties read this (Ctrl+Enter)"));
    send.setOnAction(e -> model.sendReply());
    reply.setOnKeyPressed(
        e -> {
          if (e.isControlDown() && e.getCode() == javafx.scene.input.KeyCode.ENTER) {
            model.sendReply();
          }
        });
    TextArea note = area("noteText", "Internal note, staff only…", forms.noteProperty());
    note.getStyleClass().add("note-input");
    keepDraft(note, "note");
    Button add = new Button("Add internal note");
    add.setId("addNote");
    add.setTooltip(new Tooltip("Only staff see internal notes"));
    add.setOnAction(e -> model.addNote());
    VBox box =
        new VBox(
            6,
            reply,
            new HBox(8, send, error("replyError", forms.replyErrorProperty())),
            note,
            new HBox(8, add, error("noteError", forms.noteErrorProperty())));
    box.disableProperty().bind(model.busyProperty());
    return box;
  }

  Node settlement() {
    ComboBox<DisputeOutcome> outcome =
        new ComboBox<>(FXCollections.observableArrayList(DisputeOutcome.values()));
    outcome.setId("settleOutcome");
    outcome.valueProperty().bindBidirectional(forms.outcomeProperty());
    outcome.setConverter(
        new javafx.util.StringConverter<>() {
          @Override
          public String toString(DisputeOutcome o) {
            return o == null
                ? ""
                : switch (o) {
                  case RELEASE_TO_PAYEE -> "Release to the freelancer (payee)";
                  case REFUND_TO_PAYER -> "Refund to the client (payer)";
                  case SPLIT -> "Split between them";
                  case DISMISSED -> "Dismiss (no money moves)";
                };
          }

          @Override
          public DisputeOutcome fromString(String s) {
            return null;
          }
        });
    TextField payee = field("settlePayee", "to freelancer", forms.payeeProperty());
    TextField payer = field("settlePayer", "to client", forms.payerProperty());
    payee
        .disableProperty()
        .bind(
            forms
                .outcomeProperty()
                .isEqualTo(DisputeOutcome.REFUND_TO_PAYER)
                .or(forms.outcomeProperty().isEqualTo(DisputeOutcome.DISMISSED)));
    payer
        .disableProperty()
        .bind(
            forms
                .outcomeProperty()
                .isEqualTo(DisputeOutcome.RELEASE_TO_PAYEE)
                .or(forms.outcomeProperty().isEqualTo(DisputeOutcome.DISMISSED)));
    TextArea reason =
        area("settleReason", "Why this outcome (finance reads it)", forms.reasonProperty());
    reason.setPrefRowCount(2);
    keepDraft(reason, "settlement-reason");
    CheckBox escalate = new CheckBox("Escalate first (the case is under review)");
    escalate.setId("settleEscalateFirst");
    escalate.selectedProperty().bindBidirectional(forms.escalateFirstProperty());
    Button propose = new Button("Propose settlement…");
    propose.setId("proposeSettlement");
    propose.getStyleClass().add(Styles.ACCENT);
    propose.setTooltip(new Tooltip("Goes to finance for execution; asks to confirm"));
    propose.setOnAction(e -> model.proposeSettlement());
    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(6);
    grid.addRow(0, new Label("Outcome"), outcome);
    grid.addRow(1, new Label("Freelancer gets"), payee);
    grid.addRow(2, new Label("Client gets back"), payer);
    grid.add(error("sharesError", forms.sharesErrorProperty()), 1, 3);
    grid.addRow(4, new Label("Reason"), reason);
    grid.add(error("reasonError", forms.reasonErrorProperty()), 1, 5);
    grid.add(escalate, 1, 6);
    grid.add(propose, 1, 7);
    grid.disableProperty().bind(model.busyProperty());
    return grid;
  }

  Node deadline() {
    TextField due = field("dueText", "yyyy-MM-dd HH:mm", forms.dueProperty());
    ComboBox<Option<dev.arbiter.model.disputes.DeadlineAction>> action =
        new ComboBox<>(FXCollections.observableArrayList(CaseForms.DEADLINE_ACTIONS));
    action.setId("dueAction");
    action.valueProperty().bindBidirectional(forms.deadlineActionProperty());
    Button plus4 = new Button("+4 h");
    plus4.setOnAction(e -> model.dueIn(4));
    Button plus24 = new Button("+24 h");
    plus24.setOnAction(e -> model.dueIn(24));
    Button plus72 = new Button("+3 d");
    plus72.setOnAction(e -> model.dueIn(72));
    Button set = new Button("Set deadline");
    set.setId("setDeadline");
    set.setOnAction(e -> model.setDeadline());
    HBox row = new HBox(6, due, plus4, plus24, plus72, action, set);
    row.setAlignment(Pos.CENTER_LEFT);
    VBox box = new VBox(4, row, error("dueError", forms.dueErrorProperty()));
    box.disableProperty().bind(model.busyProperty());
    return box;
  }

  static ComboBox<DisputePriority> priorityBox() {
    ComboBox<DisputePriority> box =
        new ComboBox<>(FXCollections.observableArrayList(DisputePriority.values()));
    box.setId("casePriority");
    box.setConverter(
        new javafx.util.StringConverter<>() {
          @Override
          public String toString(DisputePriority p) {
            return p == null ? "" : Labels.of(p);
          }

          @Override
          public DisputePriority fromString(String s) {
            return null;
          }
        });
    box.setTooltip(new Tooltip("Change the priority"));
    return box;
  }

  private static TextArea area(String id, String prompt, StringProperty value) {
    TextArea area = new TextArea();
    area.setId(id);
    area.setPromptText(prompt);
    area.setPrefRowCount(3);
    area.setWrapText(true);
    area.textProperty().bindBidirectional(value);
    return area;
  }

  private static TextField field(String id, String prompt, StringProperty value) {
    TextField field = new TextField();
    field.setId(id);
    field.setPromptText(prompt);
    field.textProperty().bindBidirectional(value);
    return field;
  }

  static Label error(String id, javafx.beans.binding.StringExpression message) {
    Label label = new Label();
    label.setId(id);
    label.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
    label.setWrapText(true);
    label.textProperty().bind(message);
    label.managedProperty().bind(message.isNotEmpty());
    label.visibleProperty().bind(message.isNotEmpty());
    return label;
  }
}
