package dev.arbiter.app.disputes;

import atlantafx.base.theme.Styles;
import dev.arbiter.app.common.DisplayNames;
import dev.arbiter.app.common.Visibility;
import dev.arbiter.app.live.DraftBinder;
import dev.arbiter.model.disputes.DisputePriority;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringExpression;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;

/**
 * What the case view and its forms share: each text field's draft belongs to the case the forms are
 * for, a refusal's message shows under its field, and the header's priority box.
 */
final class CaseFields {

  private final DisputeCaseViewModel model;
  private final DraftBinder drafts;

  CaseFields(DisputeCaseViewModel model, DraftBinder drafts) {
    this.model = model;
    this.drafts = drafts;
  }

  DisputeCaseViewModel model() {
    return model;
  }

  /**
   * Keeps the field's unsent text as a draft of the case the forms belong to ({@code
   * dispute:42:reply}); the key is null while the forms switch cases, so emptying them for the next
   * case never erases the previous case's draft.
   */
  void keepDraft(TextArea field, String part) {
    drafts.bind(
        field,
        Bindings.createStringBinding(
            () -> {
              Long id = model.formsForProperty().get();
              return id == null ? null : "dispute:" + id + ":" + part;
            },
            model.formsForProperty()));
  }

  /** Shows {@code message} in {@code label}, which takes no room while there is none. */
  static void showError(Label label, StringExpression message) {
    label.textProperty().bind(message);
    Visibility.showWhen(label, message.isNotEmpty());
  }

  static Label error(String id, StringExpression message) {
    Label label = new Label();
    label.setId(id);
    label.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
    label.setWrapText(true);
    showError(label, message);
    return label;
  }

  static ComboBox<DisputePriority> priorityBox() {
    ComboBox<DisputePriority> box =
        new ComboBox<>(FXCollections.observableArrayList(DisputePriority.values()));
    box.setId("casePriority");
    box.setConverter(DisplayNames.of(Labels::of));
    box.setTooltip(new Tooltip("Change the priority"));
    return box;
  }
}
