package dev.arbiter.app.releases;

import atlantafx.base.theme.Styles;
import dev.arbiter.app.common.DisabledReason;
import dev.arbiter.app.common.ViewLoader;
import dev.arbiter.app.common.Visibility;
import dev.arbiter.app.live.DraftBinder;
import dev.arbiter.app.releases.CheckpointText.Shown;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The reviewer's side of a checkpoint: the message line with Retry, what changed after a stale
 * refusal with Re-apply, the release waiting for confirmation, and the note and action buttons.
 * Each part but the form takes no room while it has nothing to say.
 */
final class CheckpointActionsPane {

  @FXML private HBox messageBox;
  @FXML private Label message;
  @FXML private Button retry;
  @FXML private VBox staleBox;
  @FXML private Label staleDiff;
  @FXML private Button reapply;
  @FXML private VBox confirmBox;
  @FXML private Label confirmation;
  @FXML private TextArea note;
  @FXML private TextField override;
  @FXML private TextField amount;
  @FXML private ProgressIndicator busy;
  @FXML private Button approve;
  @FXML private Button reject;
  @FXML private Button hold;
  @FXML private Button unhold;
  @FXML private Button refund;
  @FXML private Button releaseAll;
  @FXML private Button releasePart;

  private final CheckpointViewModel model;
  private final DraftBinder drafts;
  private final ObservableValue<String> noteDraftKey;
  private final ObservableValue<String> overrideDraftKey;
  private final Node root;

  CheckpointActionsPane(
      CheckpointViewModel model,
      DraftBinder drafts,
      ObservableValue<String> noteDraftKey,
      ObservableValue<String> overrideDraftKey) {
    this.model = model;
    this.drafts = drafts;
    this.noteDraftKey = noteDraftKey;
    this.overrideDraftKey = overrideDraftKey;
    this.root = ViewLoader.load(this);
  }

  Node root() {
    return root;
  }

  /** Offers only the actions possible on the checkpoint as shown. */
  void enable(Shown s) {
    reject.setDisable(!s.canReject());
    hold.setDisable(!s.canHold());
    unhold.setDisable(!s.canUnhold());
    refund.setDisable(!s.canRefund());
    releaseAll.setDisable(!s.canRelease());
    releasePart.setDisable(!s.canRelease());
  }

  @FXML
  private void initialize() {
    message.textProperty().bind(model.messageProperty());
    model
        .messageIsErrorProperty()
        .addListener(
            (obs, was, error) -> message.pseudoClassStateChanged(Styles.STATE_DANGER, error));
    Visibility.showWhen(retry, model.retryableProperty());
    Visibility.showWhen(messageBox, model.messageProperty().isNotEmpty());

    staleDiff.textProperty().bind(model.staleDiffProperty());
    Visibility.showWhen(reapply, model.reapplyableProperty());
    Visibility.showWhen(staleBox, model.staleDiffProperty().isNotEmpty());

    confirmation.textProperty().bind(model.confirmationProperty());
    Visibility.showWhen(confirmBox, model.confirmationProperty().isNotEmpty());

    note.textProperty().bindBidirectional(model.noteProperty());
    drafts.bind(note, noteDraftKey);
    override.textProperty().bindBidirectional(model.overrideReasonProperty());
    drafts.bind(override, overrideDraftKey);
    amount.textProperty().bindBidirectional(model.amountProperty());
    busy.visibleProperty().bind(model.busyProperty().or(model.settlingProperty()));
    approve.disableProperty().bind(model.approveDisabledProperty());
    DisabledReason.explain(approve, model.approveRefusalProperty());
  }

  @FXML
  private void retry() {
    model.retry();
  }

  @FXML
  private void reapply() {
    model.reapply();
  }

  @FXML
  private void confirmRelease() {
    model.confirmRelease();
  }

  @FXML
  private void cancelRelease() {
    model.cancelRelease();
  }

  @FXML
  private void approve() {
    model.approve();
  }

  @FXML
  private void reject() {
    model.reject();
  }

  @FXML
  private void hold() {
    model.hold();
  }

  @FXML
  private void unhold() {
    model.unhold();
  }

  @FXML
  private void refund() {
    model.refund();
  }

  @FXML
  private void releaseAll() {
    model.prepareFullRelease();
  }

  @FXML
  private void releasePart() {
    model.preparePartialRelease();
  }
}
