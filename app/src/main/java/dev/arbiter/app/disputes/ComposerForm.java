package dev.arbiter.app.disputes;

import dev.arbiter.app.common.ViewLoader;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;

/** Under the conversation: a reply the parties read, and an internal note only staff see. */
final class ComposerForm {

  @FXML private VBox form;
  @FXML private TextArea reply;
  @FXML private TextArea note;
  @FXML private Label replyError;
  @FXML private Label noteError;

  private final DisputeCaseViewModel model;
  private final CaseFields fields;

  ComposerForm(DisputeCaseViewModel model, CaseFields fields) {
    this.model = model;
    this.fields = fields;
    ViewLoader.load(this);
  }

  Node root() {
    return form;
  }

  @FXML
  private void initialize() {
    CaseForms forms = model.forms();
    reply.textProperty().bindBidirectional(forms.replyProperty());
    fields.keepDraft(reply, "reply");
    note.textProperty().bindBidirectional(forms.noteProperty());
    fields.keepDraft(note, "note");
    CaseFields.showError(replyError, forms.replyErrorProperty());
    CaseFields.showError(noteError, forms.noteErrorProperty());
    form.disableProperty().bind(model.busyProperty());
  }

  @FXML
  private void replyKey(KeyEvent e) {
    if (e.isControlDown() && e.getCode() == KeyCode.ENTER) {
      model.sendReply();
    }
  }

  @FXML
  private void sendReply() {
    model.sendReply();
  }

  @FXML
  private void addNote() {
    model.addNote();
  }
}
