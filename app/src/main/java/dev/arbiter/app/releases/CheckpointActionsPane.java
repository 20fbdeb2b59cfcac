package dev.arbiter.app.releases;

import atlantafx.base.theme.Styles;
import dev.arbiter.app.live.DraftBinder;
import dev.arbiter.app.releases.CheckpointText.Shown;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The reviewer's side of a checkpoint: the message line with Retry, what changed after a stale
 * refusal with Re-apply, the release waiting for confirmation, and the note and action buttons. The
 * checkpoint view builds each part once and places them one under the other.
 */
final class CheckpointActionsPane {

  private final CheckpointViewModel model;
  private final DraftBinder drafts;
  private final ObservableValue<String> noteDraftKey;
  private final ObservableValue<String> overrideDraftKey;
  private final Button approve = button("approveButton", "Approve", Feather.CHECK_CIRCLE);
  private final Button reject = button("rejectButton", "Reject", Feather.X_CIRCLE);
  private final Button hold = button("holdButton", "Hold", Feather.PAUSE_CIRCLE);
  private final Button unhold = button("unholdButton", "Lift hold", Feather.PLAY_CIRCLE);
  private final Button refund = button("refundButton", "Refund to payer", Feather.CORNER_UP_LEFT);
  private final Button releaseAll = button("releaseAllButton", "Release…", Feather.SEND);
  private final Button releasePart = button("releasePartButton", "Release part…", Feather.SEND);

  CheckpointActionsPane(
      CheckpointViewModel model,
      DraftBinder drafts,
      ObservableValue<String> noteDraftKey,
      ObservableValue<String> overrideDraftKey) {
    this.model = model;
    this.drafts = drafts;
    this.noteDraftKey = noteDraftKey;
    this.overrideDraftKey = overrideDraftKey;
  }

  /** Offers only the actions possible on the checkpoint as shown. */
  void enable(Shown s) {
    approve.setDisable(!s.canApprove());
    reject.setDisable(!s.canReject());
    hold.setDisable(!s.canHold());
    unhold.setDisable(!s.canUnhold());
    refund.setDisable(!s.canRefund());
    releaseAll.setDisable(!s.canRelease());
    releasePart.setDisable(!s.canRelease());
  }

  VBox staleBox() {
    Label diff = new Label();
    diff.setId("staleDiffText");
    diff.setWrapText(true);
    diff.textProperty().bind(model.staleDiffProperty());
    Button reapply = button("reapplyChange", "Re-apply my action", Feather.CORNER_DOWN_RIGHT);
    reapply.getStyleClass().add(Styles.ACCENT);
    reapply.setOnAction(e -> model.reapply());
    reapply.visibleProperty().bind(model.reapplyableProperty());
    reapply.managedProperty().bind(reapply.visibleProperty());
    VBox box = new VBox(8, diff, reapply);
    box.setId("staleBox");
    box.getStyleClass().add("stale-box");
    box.visibleProperty().bind(model.staleDiffProperty().isNotEmpty());
    box.managedProperty().bind(box.visibleProperty());
    return box;
  }

  VBox form() {
    TextArea note = new TextArea();
    note.setId("noteField");
    note.setPromptText("Note — required to reject, hold or refund");
    note.setPrefRowCount(2);
    note.setWrapText(true);
    note.textProperty().bindBidirectional(model.noteProperty());
    drafts.bind(note, noteDraftKey);
    TextField override = new TextField();
    override.setId("overrideField");
    override.setPromptText("CSAT override reason (only when CSAT is below the threshold)");
    override.textProperty().bindBidirectional(model.overrideReasonProperty());
    drafts.bind(override, overrideDraftKey);
    TextField amount = new TextField();
    amount.setId("amountField");
    amount.setPromptText("Amount, e.g. 1,250.00");
    amount.setPrefColumnCount(10);
    amount.textProperty().bindBidirectional(model.amountProperty());
    approve.setOnAction(e -> model.approve());
    approve.getStyleClass().add(Styles.SUCCESS);
    reject.setOnAction(e -> model.reject());
    reject.getStyleClass().add(Styles.DANGER);
    hold.setOnAction(e -> model.hold());
    unhold.setOnAction(e -> model.unhold());
    refund.setOnAction(e -> model.refund());
    releaseAll.setOnAction(e -> model.prepareFullRelease());
    releaseAll.getStyleClass().add(Styles.ACCENT);
    releasePart.setOnAction(e -> model.preparePartialRelease());
    ProgressIndicator busy = new ProgressIndicator();
    busy.setPrefSize(20, 20);
    busy.visibleProperty().bind(model.busyProperty().or(model.settlingProperty()));
    FlowPane decisions = new FlowPane(8, 8, approve, reject, hold, unhold, refund, busy);
    FlowPane release = new FlowPane(8, 8, releaseAll, amount, releasePart);
    decisions.setAlignment(Pos.CENTER_LEFT);
    release.setAlignment(Pos.CENTER_LEFT);
    for (Button b : List.of(approve, reject, hold, unhold, refund, releaseAll, releasePart)) {
      b.setMinWidth(Region.USE_PREF_SIZE);
    }
    return new VBox(8, note, override, decisions, release);
  }

  VBox confirmation() {
    Label text = new Label();
    text.setId("confirmationText");
    text.getStyleClass().add("release-confirmation");
    text.textProperty().bind(model.confirmationProperty());
    Button confirm = button("confirmReleaseButton", "Post this release", Feather.CHECK);
    confirm.getStyleClass().add(Styles.SUCCESS);
    confirm.setOnAction(e -> model.confirmRelease());
    Button cancel = button("cancelReleaseButton", "Cancel", Feather.X);
    cancel.setOnAction(e -> model.cancelRelease());
    VBox box = new VBox(8, text, new HBox(8, confirm, cancel));
    box.getStyleClass().add("confirm-box");
    box.visibleProperty().bind(model.confirmationProperty().isNotEmpty());
    box.managedProperty().bind(box.visibleProperty());
    return box;
  }

  HBox message() {
    Label text = new Label();
    text.setId("checkpointMessage");
    text.setWrapText(true);
    text.textProperty().bind(model.messageProperty());
    model
        .messageIsErrorProperty()
        .addListener((obs, was, error) -> text.pseudoClassStateChanged(Styles.STATE_DANGER, error));
    Button retry = button("retryAction", "Retry", Feather.ROTATE_CW);
    retry.setOnAction(e -> model.retry());
    retry.visibleProperty().bind(model.retryableProperty());
    retry.managedProperty().bind(retry.visibleProperty());
    HBox box = new HBox(8, text, retry);
    box.setAlignment(Pos.CENTER_LEFT);
    box.getStyleClass().add("checkpoint-message");
    box.visibleProperty().bind(model.messageProperty().isNotEmpty());
    box.managedProperty().bind(box.visibleProperty());
    return box;
  }

  private static Button button(String id, String text, Feather icon) {
    Button b = new Button(text, new FontIcon(icon));
    b.setId(id);
    return b;
  }
}
