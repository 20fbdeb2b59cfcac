package dev.arbiter.app.moderation;

import dev.arbiter.model.moderation.FlagDecision;
import dev.arbiter.persistence.moderation.DecisionRequest;
import dev.arbiter.persistence.moderation.ModerationReason;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The controls of a {@link DecisionFormViewModel}, shared by the single and the bulk dialog. */
final class DecisionForm {

  private DecisionForm() {}

  static VBox build(DecisionFormViewModel model) {
    ToggleGroup group = new ToggleGroup();
    HBox choices = new HBox(12);
    for (FlagDecision decision : FlagDecision.values()) {
      RadioButton choice = new RadioButton(shortTitle(decision));
      choice.setId("decisionChoice-" + decision.dbValue());
      choice.setMinWidth(Region.USE_PREF_SIZE);
      choice.setToggleGroup(group);
      choice.setUserData(decision);
      choice.setSelected(model.decisionProperty().get() == decision);
      choices.getChildren().add(choice);
    }
    group
        .selectedToggleProperty()
        .addListener(
            (obs, old, toggle) -> {
              if (toggle != null) {
                model.decisionProperty().set((FlagDecision) toggle.getUserData());
              }
            });

    ComboBox<ModerationReason> reason = new ComboBox<>(model.reasons());
    reason.setId("decisionReason");
    reason.setButtonCell(new ReasonCell());
    reason.setCellFactory(list -> new ReasonCell());
    reason.valueProperty().bindBidirectional(model.reasonProperty());
    reason.setMaxWidth(Double.MAX_VALUE);

    TextArea note = new TextArea();
    note.setId("decisionNote");
    note.setPromptText("Optional note, kept with the decision (not sent to the author)");
    note.setPrefRowCount(3);
    note.setWrapText(true);
    note.textProperty().bindBidirectional(model.noteProperty());

    Spinner<Integer> days = new Spinner<>(1, 365, model.suspendDaysProperty().get());
    days.setId("decisionDays");
    days.setEditable(true);
    days.valueProperty().addListener((obs, old, value) -> model.suspendDaysProperty().set(value));
    days.disableProperty().bind(model.decisionProperty().isNotEqualTo(FlagDecision.SUSPEND_USER));

    GridPane grid = new GridPane();
    grid.setHgap(10);
    grid.setVgap(8);
    grid.addRow(0, fieldLabel("Decision"), choices);
    grid.addRow(1, fieldLabel("Reason"), reason);
    grid.addRow(2, fieldLabel("Note"), note);
    grid.addRow(3, fieldLabel("Suspend for (days)"), days);

    Label preview = new Label();
    preview.setId("decisionPreview");
    preview.setWrapText(true);
    preview.textProperty().bind(model.previewProperty());
    preview.getStyleClass().add("moderation-preview");
    Label problem = new Label();
    problem.setId("decisionProblem");
    problem.getStyleClass().add("moderation-error");
    problem.textProperty().bind(model.problemProperty());
    VBox form = new VBox(12, grid, preview, problem);
    form.setPrefWidth(660);
    return form;
  }

  static String shortTitle(FlagDecision decision) {
    return switch (decision) {
      case DISMISS -> "Dismiss";
      case HIDE_CONTENT -> "Hide content";
      case WARN_USER -> "Warn user";
      case SUSPEND_USER -> "Suspend user";
    };
  }

  static String title(FlagDecision decision) {
    String text = DecisionRequest.describe(decision);
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static Label fieldLabel(String text) {
    Label label = new Label(text);
    label.setMinWidth(Region.USE_PREF_SIZE);
    return label;
  }

  private static final class ReasonCell extends ListCell<ModerationReason> {
    @Override
    protected void updateItem(ModerationReason item, boolean empty) {
      super.updateItem(item, empty);
      setText(empty || item == null ? null : item.label());
    }
  }
}
