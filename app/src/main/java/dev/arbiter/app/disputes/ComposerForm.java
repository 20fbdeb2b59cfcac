package dev.arbiter.app.disputes;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;

/** Under the conversation: a reply the parties read, and an internal note only staff see. */
final class ComposerForm extends CaseFormBase {

  @FXML private VBox form;
  @FXML private TextArea reply;
  @FXML private TextArea note;
  @FXML private Label replyError;
  @FXML private Label noteError;

  ComposerForm(CaseFields fields) {
    super(fields);
  }

  @FXML
  private void initialize() {
    CaseForms forms = caseModel().forms();
    reply.textProperty().bindBidirectional(forms.replyProperty());
    fields().keepDraft(reply, "reply");
    note.textProperty().bindBidirectional(forms.noteProperty());
    fields().keepDraft(note, "note");
    CaseFields.showError(replyError, forms.replyErrorProperty());
    CaseFields.showError(noteError, forms.noteErrorProperty());
    form.disableProperty().bind(caseModel().busyProperty());
  }

  @FXML
  private void replyKey(KeyEvent e) {
    if (e.isControlDown() && e.getCode() == KeyCode.ENTER) {
      caseModel().sendReply();
    }
  }

  @FXML
  private void sendReply() {
    caseModel().sendReply();
  }

  @FXML
  private void addNote() {
    caseModel().addNote();
  }
}
