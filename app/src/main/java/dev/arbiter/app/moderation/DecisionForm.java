package dev.arbiter.app.moderation;

import dev.arbiter.app.common.FxmlView;
import dev.arbiter.model.moderation.FlagDecision;
import dev.arbiter.persistence.moderation.ModerationReason;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory;
import javafx.scene.control.TextArea;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;

/** The controls of a {@link DecisionFormViewModel}, shared by the single and the bulk dialog. */
final class DecisionForm extends FxmlView<DecisionFormViewModel> {

  @FXML private ToggleGroup choices;
  @FXML private ComboBox<ModerationReason> reason;
  @FXML private TextArea note;
  @FXML private Spinner<Integer> days;
  @FXML private Label preview;
  @FXML private Label problem;

  DecisionForm(DecisionFormViewModel model) {
    super(model);
  }

  /** The note, whose unsent text the single-item dialog keeps as a draft. */
  TextArea note() {
    return note;
  }

  @FXML
  private void initialize() {
    for (Toggle choice : choices.getToggles()) {
      choice.setSelected(model.decisionProperty().get() == choice.getUserData());
    }
    choices
        .selectedToggleProperty()
        .addListener(
            (obs, old, toggle) -> {
              if (toggle != null) {
                model.decisionProperty().set((FlagDecision) toggle.getUserData());
              }
            });
    reason.setItems(model.reasons());
    reason.setButtonCell(new ReasonCell());
    reason.setCellFactory(list -> new ReasonCell());
    reason.valueProperty().bindBidirectional(model.reasonProperty());
    note.textProperty().bindBidirectional(model.noteProperty());
    days.setValueFactory(new IntegerSpinnerValueFactory(1, 365, model.suspendDaysProperty().get()));
    days.valueProperty().addListener((obs, old, value) -> model.suspendDaysProperty().set(value));
    days.disableProperty().bind(model.decisionProperty().isNotEqualTo(FlagDecision.SUSPEND_USER));
    preview.textProperty().bind(model.previewProperty());
    problem.textProperty().bind(model.problemProperty());
  }

  private static final class ReasonCell extends ListCell<ModerationReason> {
    @Override
    protected void updateItem(ModerationReason item, boolean empty) {
      super.updateItem(item, empty);
      setText(empty || item == null ? null : item.label());
    }
  }
}
