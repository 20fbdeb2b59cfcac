package dev.arbiter.app.releases;

import atlantafx.base.theme.Styles;
import dev.arbiter.app.common.ColumnFit;
import dev.arbiter.app.common.Visibility;
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
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

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
  private final VBox content;
  private final ChangedBanner banner;
  private final PresenceTracker.Scope presence;
  private final ObjectProperty<PresenceKey> presenceKey = new SimpleObjectProperty<>();
  private final StringProperty noteDraftKey = new SimpleStringProperty();
  private final StringProperty overrideDraftKey = new SimpleStringProperty();
  private final CheckpointActionsPane actions;

  CheckpointView(CheckpointViewModel model, PresenceTracker.Scope presence, DraftBinder drafts) {
    this.model = model;
    this.banner = ChangedBanner.following(model.bannerProperty());
    banner.onHidden(model::dismissBanner);
    this.presence = presence;
    this.actions = new CheckpointActionsPane(model, drafts, noteDraftKey, overrideDraftKey);
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
            actions.root(),
            escrow,
            requested,
            section("Checkpoints of this escrow", checkpoints),
            section("Approvals", approvals),
            section("Ledger entries", ledgerTable()),
            section("Audit timeline", timeline));
    content.setId("checkpointView");
    content.getStyleClass().add("checkpoint-view");
    Visibility.showWhen(content, model.shownProperty().isNotNull());
    badges.setId("checkpointBadges");
    root = new ScrollPane(new VBox(content, empty));
    Visibility.showWhen(empty, model.shownProperty().isNull());
    root.setFitToWidth(true);
    model.shownProperty().addListener((obs, was, shown) -> show(shown));
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
    actions.enable(s);
  }

  private TableView<LedgerLine> ledgerTable() {
    ledger.setId("ledgerTable");
    ledger.setPlaceholder(new Label("Nothing posted for this checkpoint yet."));
    ledger.setPrefHeight(150);
    // Six columns in the narrow detail pane: they keep their width and the table scrolls sideways.
    ledger.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    ColumnFit.install(ledger);
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
}
