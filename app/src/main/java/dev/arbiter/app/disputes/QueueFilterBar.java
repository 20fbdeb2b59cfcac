package dev.arbiter.app.disputes;

import dev.arbiter.app.common.ViewLoader;
import dev.arbiter.model.disputes.DisputePriority;
import dev.arbiter.model.disputes.DisputeStatus;
import dev.arbiter.model.disputes.ReasonCode;
import dev.arbiter.persistence.disputes.AssigneeFilter;
import dev.arbiter.persistence.disputes.SlaState;
import java.util.Set;
import javafx.animation.PauseTransition;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.util.Duration;

/**
 * The queue's filter bar, bound to its {@link QueueFilterViewModel}: a choice applies at once, a
 * field on Enter, the search after a pause in typing. Enter in the search also moves to the table.
 */
final class QueueFilterBar {

  @FXML private TextField search;
  @FXML private ComboBox<Option<Set<DisputeStatus>>> status;
  @FXML private ComboBox<Option<Set<DisputePriority>>> priority;
  @FXML private ComboBox<Option<Set<ReasonCode>>> reason;
  @FXML private ComboBox<Option<AssigneeFilter>> assignee;
  @FXML private ComboBox<Option<Set<SlaState>>> sla;
  @FXML private TextField currency;
  @FXML private TextField min;
  @FXML private TextField max;
  @FXML private ProgressIndicator progress;
  @FXML private Label summary;

  private final DisputeQueueViewModel model;
  private final Runnable afterSearch;
  private final PauseTransition typing = new PauseTransition(Duration.millis(350));
  private final Node root;

  /**
   * @param afterSearch what Enter in the search does once the filter is applied
   */
  QueueFilterBar(DisputeQueueViewModel model, Runnable afterSearch) {
    this.model = model;
    this.afterSearch = afterSearch;
    this.root = ViewLoader.load(this);
  }

  Node root() {
    return root;
  }

  void focusSearch() {
    search.requestFocus();
    search.selectAll();
  }

  @FXML
  private void initialize() {
    QueueFilterViewModel form = model.form();
    search.textProperty().bindBidirectional(form.searchProperty());
    typing.setOnFinished(e -> model.apply());
    // Typing applies after a pause; restoring a saved filter into the field does not.
    search.addEventHandler(KeyEvent.KEY_TYPED, e -> typing.playFromStart());
    choice(status, form.statuses(), form.statusProperty());
    choice(priority, form.priorities(), form.priorityProperty());
    choice(reason, form.reasons(), form.reasonProperty());
    choice(assignee, form.assignees(), form.assigneeProperty());
    choice(sla, form.slaStates(), form.slaProperty());
    currency.textProperty().bindBidirectional(form.currencyProperty());
    min.textProperty().bindBidirectional(form.minAmountProperty());
    max.textProperty().bindBidirectional(form.maxAmountProperty());
    progress.visibleProperty().bind(model.list().loadingProperty());
    summary.textProperty().bind(model.list().summaryProperty());
  }

  // The box fires an action when its value is bound, so it applies only from then on.
  private <T> void choice(
      ComboBox<Option<T>> box, ObservableList<Option<T>> items, ObjectProperty<Option<T>> value) {
    box.setItems(items);
    box.valueProperty().bindBidirectional(value);
    box.setOnAction(e -> model.apply());
  }

  @FXML
  private void searchNow() {
    typing.stop();
    model.apply();
    afterSearch.run();
  }

  @FXML
  private void apply() {
    model.apply();
  }
}
