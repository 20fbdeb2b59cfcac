package dev.arbiter.app.disputes;

import dev.arbiter.model.disputes.DeadlineAction;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** The response deadline: a time, what happens when it passes, and quick offsets from now. */
final class DeadlineForm extends CaseFormBase {

  @FXML private VBox form;
  @FXML private TextField due;
  @FXML private ComboBox<Option<DeadlineAction>> action;
  @FXML private Label dueError;

  DeadlineForm(CaseFields fields) {
    super(fields);
  }

  @FXML
  private void initialize() {
    CaseForms forms = caseModel().forms();
    due.textProperty().bindBidirectional(forms.dueProperty());
    action.getItems().setAll(CaseForms.DEADLINE_ACTIONS);
    action.valueProperty().bindBidirectional(forms.deadlineActionProperty());
    CaseFields.showError(dueError, forms.dueErrorProperty());
    form.disableProperty().bind(caseModel().busyProperty());
  }

  @FXML
  private void dueIn(ActionEvent e) {
    caseModel().dueIn(Integer.parseInt((String) ((Node) e.getSource()).getUserData()));
  }

  @FXML
  private void setDeadline() {
    caseModel().setDeadline();
  }
}
