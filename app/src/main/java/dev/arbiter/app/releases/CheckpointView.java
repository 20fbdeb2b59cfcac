package dev.arbiter.app.releases;

import atlantafx.base.theme.Styles;
import dev.arbiter.app.live.ChangedBanner;
import dev.arbiter.app.live.DraftBinder;
import dev.arbiter.app.live.PresenceTracker;
import dev.arbiter.app.live.PresenceViews;
import dev.arbiter.app.releases.CheckpointText.LedgerLine;
import dev.arbiter.app.releases.CheckpointText.Shown;
import dev.arbiter.persistence.presence.PresenceKey;
import dev.arbiter.persistence.presence.PresenceMode;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** One checkpoint: its figures, gates, actions, approvals, ledger entries and audit timeline. */
final class CheckpointView {

  private final CheckpointViewModel model;
  private final ScrollPane root;
  private final Label title = label("checkpointTitle", Styles.TITLE_3);
  private final Label subtitle = label("checkpointSubtitle", Styles.TEXT_MUTED);
  private final Label status = label("checkpointStatus", Styles.TEXT_BOLD);
  private final Label amounts = label("checkpointAmounts", null);
  private final Label escrow = label("checkpointEscrow", null);
  private final Label requested = label("checkpointRequested", Styles.TEXT_MUTED);
  private final Label fourEyes = label("checkpointFourEyes", Styles.WARNING);
  private final FlowPane badges = new FlowPane(6, 4);
  private final VBox checkpoints = new VBox(2);
  private final VBox approvals = new VBox(2);
  private final VBox timeline = new VBox(2);
  private final TableView<LedgerLine> ledger = new TableView<>(FXCollections.observableArrayList());
  private final Button approve = button("approveButton", "Approve", Feather.CHECK_CIRCLE);
  private final Button reject = button("rejectButton", "Reject", Feather.X_CIRCLE);
  private final Button hold = button("holdButton", "Hold", Feather.PAUSE_CIRCLE);
  private final Button unhold = button("unholdButton", "Lift hold", Feather.PLAY_CIRCLE);
  private final Button refund = button("refundButton", "Refund to payer", Feather.CORNER_UP_LEFT);
  private final Button releaseAll = button("releaseAllButton", "Release…", Feather.SEND);
  private final Button releasePart = button("releasePartButton", "Release part…", Feather.SEND);
  private final VBox content;
  private final ChangedBanner banner = new ChangedBanner();
  private final PresenceTracker presence;
  private final DraftBinder drafts;
  private final ObjectProperty<PresenceKey> presenceKey = new SimpleObjectProperty<>();
  private final StringProperty noteDraftKey = new SimpleStringProperty();
  private final StringProperty overrideDraftKey = new SimpleStringProperty();

  CheckpointView(CheckpointViewModel model, PresenceTracker presence, DraftBinder drafts) {
    this.model = model;
    this.presence = presence;
    this.drafts = drafts;
    Label empty = new Label("Select a checkpoint in the queue.");
    empty.getStyleClass().add(Styles.TEXT_MUTED);
    content =
        new VBox(
            10,
            banner,
            new VBox(2, title, subtitle),
            PresenceViews.line(presence, presenceKey),
            status,
            amounts,
            badges,
            fourEyes,
            // What the reviewer must read or confirm sits above the fold, before the actions.
            message(),
            staleBox(),
            confirmation(),
            actions(),
            escrow,
            requested,
            section("Checkpoints of this escrow", checkpoints),
            section("Approvals", approvals),
            section("Ledger entries", ledgerTable()),
            section("Audit timeline", timeline));
    content.setId("checkpointView");
    content.getStyleClass().add("checkpoint-view");
    content.visibleProperty().bind(model.shownProperty().isNotNull());
    badges.setId("checkpointBadges");
    root = new ScrollPane(new VBox(content, empty));
    empty.visibleProperty().bind(model.shownProperty().isNull());
    empty.managedProperty().bind(empty.visibleProperty());
    content.managedProperty().bind(content.visibleProperty());
    root.setFitToWidth(true);
    model.shownProperty().addListener((obs, was, shown) -> show(shown));
    model
        .bannerProperty()
        .addListener(
            (obs, was, text) -> {
              if (text.isEmpty()) {
                banner.hide();
              } else {
                banner.show(text);
              }
            });
    banner
        .visibleProperty()
        .addListener(
            (obs, was, visible) -> {
              if (!visible) {
                model.dismissBanner();
              }
            });
    for (StringProperty typed :
        List.of(model.noteProperty(), model.overrideReasonProperty(), model.amountProperty())) {
      typed.addListener((obs, was, now) -> announce());
    }
  }

  Node node() {
    return root;
  }

  /**
   * Opens checkpoint {@code id}: the form is reset, then the drafts of the new checkpoint come back
   * (the draft keys change only after the reset, so the previous checkpoint's drafts are kept).
   */
  void open(long id) {
    Long current = model.openIdProperty().get();
    if (current != null && current == id) {
      return;
    }
    noteDraftKey.set(null);
    overrideDraftKey.set(null);
    if (presenceKey.get() != null) {
      presence.leave(presenceKey.get());
    }
    model.open(id);
    presenceKey.set(PresenceKey.checkpoint(id));
    noteDraftKey.set("checkpoint:" + id + ":note");
    overrideDraftKey.set("checkpoint:" + id + ":override");
    announce();
  }

  /** Leaves the open checkpoint's presence (the area closes). */
  void close() {
    if (presenceKey.get() != null) {
      presence.leave(presenceKey.get());
    }
  }

  // Others see a pencil while this reviewer has unsent text for the checkpoint, an eye otherwise.
  private void announce() {
    PresenceKey key = presenceKey.get();
    if (key == null) {
      return;
    }
    boolean typing =
        !model.noteProperty().get().isBlank()
            || !model.overrideReasonProperty().get().isBlank()
            || !model.amountProperty().get().isBlank();
    presence.enter(key, typing ? PresenceMode.EDITING : PresenceMode.VIEWING);
  }

  private VBox staleBox() {
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

  private void show(Shown s) {
    if (s == null) {
      return;
    }
    title.setText(s.title());
    subtitle.setText(s.subtitle());
    status.setText(s.status());
    amounts.setText(s.amounts());
    escrow.setText(s.escrow());
    requested.setText(s.requested());
    fourEyes.setText(s.fourEyes());
    fourEyes.setVisible(!s.fourEyes().isEmpty());
    fourEyes.setManaged(fourEyes.isVisible());
    badges.getChildren().setAll(s.badges().stream().map(Badges::chip).toList());
    checkpoints.getChildren().setAll(lines(s.checkpoints(), "escrowCheckpoint"));
    approvals
        .getChildren()
        .setAll(
            lines(s.approvals().isEmpty() ? List.of("None yet.") : s.approvals(), "approvalLine"));
    timeline.getChildren().setAll(lines(s.timeline(), "timelineLine"));
    ledger.getItems().setAll(s.ledger());
    approve.setDisable(!s.canApprove());
    reject.setDisable(!s.canReject());
    hold.setDisable(!s.canHold());
    unhold.setDisable(!s.canUnhold());
    refund.setDisable(!s.canRefund());
    releaseAll.setDisable(!s.canRelease());
    releasePart.setDisable(!s.canRelease());
  }

  private VBox actions() {
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

  private VBox confirmation() {
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

  private HBox message() {
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

  private TableView<LedgerLine> ledgerTable() {
    ledger.setId("ledgerTable");
    ledger.setPlaceholder(new Label("Nothing posted for this checkpoint yet."));
    ledger.setPrefHeight(150);
    ledger.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    ledger
        .getColumns()
        .setAll(
            List.of(
                column("Journal", LedgerLine::journal),
                column("Account", LedgerLine::account),
                column("Debit", LedgerLine::debit),
                column("Credit", LedgerLine::credit),
                column("Balance after", LedgerLine::balanceAfter),
                column("What", LedgerLine::what)));
    return ledger;
  }

  private static TableColumn<LedgerLine, String> column(
      String name, Function<LedgerLine, String> value) {
    TableColumn<LedgerLine, String> c = new TableColumn<>(name);
    c.setSortable(false);
    c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    return c;
  }

  private static List<Label> lines(List<String> texts, String styleClass) {
    return texts.stream()
        .map(
            t -> {
              Label l = new Label(t);
              l.setWrapText(true);
              l.getStyleClass().add(styleClass);
              return l;
            })
        .toList();
  }

  private static VBox section(String name, Node body) {
    Label heading = new Label(name);
    heading.getStyleClass().add(Styles.TITLE_4);
    return new VBox(4, heading, body);
  }

  private static Label label(String id, String style) {
    Label l = new Label();
    l.setId(id);
    l.setWrapText(true);
    if (style != null) {
      l.getStyleClass().add(style);
    }
    return l;
  }

  private static Button button(String id, String text, Feather icon) {
    Button b = new Button(text, new FontIcon(icon));
    b.setId(id);
    return b;
  }
}
