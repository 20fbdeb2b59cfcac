package dev.arbiter.app.workspaces;

import static dev.arbiter.app.workspaces.Tables.column;

import atlantafx.base.theme.Styles;
import dev.arbiter.app.common.DisabledReason;
import dev.arbiter.app.common.MoneyFormat;
import dev.arbiter.app.common.OfflineMarks;
import dev.arbiter.app.common.TableCells;
import dev.arbiter.app.common.Visibility;
import dev.arbiter.app.common.command.StaleOffer;
import dev.arbiter.app.live.ChangedBanner;
import dev.arbiter.model.workspaces.WorkspaceStatus;
import dev.arbiter.persistence.timeline.TimelineEntry;
import dev.arbiter.persistence.workspaces.WorkspaceDetails;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.ContractLine;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.DisputeLine;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.FlagLine;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Settings;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** One workspace: header with status actions, then members, invites, notes, records and history. */
final class WorkspaceDetailPane extends VBox {

  private final WorkspaceDetailViewModel model;
  private final MoneyFormat money;
  private final Label title = new Label("Select a workspace");
  private final Label subtitle = new Label();
  private final TableView<ContractLine> contracts = Tables.table("contractTable");
  private final TableView<DisputeLine> disputes = Tables.table("disputeTable");
  private final TableView<FlagLine> flags = Tables.table("flagTable");
  private final TableView<TimelineEntry> history = Tables.table("historyTable");

  WorkspaceDetailPane(
      WorkspaceDetailViewModel model, MoneyFormat money, Node presenceLine, NotesTab notes) {
    super(8);
    this.model = model;
    this.money = money;
    setPadding(new Insets(8, 0, 0, 0));
    title.setId("workspaceTitle");
    title.getStyleClass().add(Styles.TITLE_3);
    subtitle.getStyleClass().add(Styles.TEXT_MUTED);
    Label message = new Label();
    message.setId("workspaceMessage");
    message.getStyleClass().add(Styles.SUCCESS);
    message.setWrapText(true);
    message.textProperty().bind(model.messageProperty());
    Label error = new Label();
    error.setId("workspaceError");
    error.getStyleClass().add(Styles.DANGER);
    error.setWrapText(true);
    error.textProperty().bind(model.errorProperty());
    TabPane tabs = new TabPane();
    tabs.setId("workspaceTabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.getTabs()
        .addAll(
            new Tab("Members", new MembersTab(model).node()),
            new Tab("Invites", new InvitesTab(model).node()),
            new Tab("Notes", notes.node()),
            new Tab("Settings", new SettingsTab(model).node()),
            new Tab("Contracts & cases", records()),
            new Tab("History", timeline()));
    tabs.getTabs().forEach(t -> t.setId("tab-" + t.getText().toLowerCase().split(" ")[0]));
    VBox.setVgrow(tabs, Priority.ALWAYS);
    getChildren()
        .addAll(
            ChangedBanner.following(model.changedTextProperty()),
            header(),
            presenceLine,
            message,
            error,
            retryButton(),
            stalePanel(model.stale()),
            tabs);
    model.detailsProperty().addListener((obs, old, d) -> show(d));
  }

  // An action the lost connection left unsaved: sent again under its own key, so it acts once.
  private Button retryButton() {
    Button retry = new Button("Retry");
    retry.setId("retryAction");
    Visibility.showWhen(retry, model.canRetryProperty());
    retry.disableProperty().bind(model.busyProperty());
    retry.setOnAction(e -> model.retry());
    return retry;
  }

  // An action refused because its record changed: what changed, and the action again.
  private VBox stalePanel(StaleOffer<?> stale) {
    Label text = new Label();
    text.setId("staleText");
    text.setWrapText(true);
    text.getStyleClass().add(Styles.TEXT_BOLD);
    text.textProperty().bind(stale.textProperty());
    Label diff = new Label();
    diff.setId("staleDiff");
    diff.setWrapText(true);
    diff.textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> String.join("\n", stale.changes().stream().map(c -> "• " + c).toList()),
                stale.changes()));
    Button reapply = new Button("Re-apply on the current version");
    reapply.setId("reapplyChange");
    reapply.disableProperty().bind(stale.reapplyableProperty().not().or(model.busyProperty()));
    reapply.setOnAction(e -> model.reapply());
    Button discard = new Button("Discard");
    discard.getStyleClass().add(OfflineMarks.WORKS_OFFLINE);
    discard.setOnAction(e -> model.discardStale());
    VBox box = new VBox(6, text, diff, new HBox(8, reapply, discard));
    box.setId("staleEdit");
    box.getStyleClass().add("workspace-stale");
    // The area has no stylesheet of its own; the theme's warning colours mark the refusal.
    box.setStyle(
        "-fx-padding: 8 10 8 10; -fx-background-color: -color-warning-subtle;"
            + " -fx-background-radius: 4;");
    Visibility.showWhen(box, stale.textProperty().isNotEmpty());
    return box;
  }

  private HBox header() {
    Button suspend = new Button("Suspend workspace");
    suspend.setId("workspaceSuspend");
    Button reactivate = new Button("Reactivate workspace");
    reactivate.setId("workspaceReactivate");
    VBox titles = new VBox(2, title, subtitle);
    HBox.setHgrow(titles, Priority.ALWAYS);
    HBox header = new HBox(8, titles, suspend, reactivate);
    header.setAlignment(Pos.CENTER_LEFT);
    statusButton(suspend, WorkspaceStatus.SUSPENDED);
    statusButton(reactivate, WorkspaceStatus.ACTIVE);
    return header;
  }

  // Offered to admins only, and only when the workspace is not already in that status.
  private void statusButton(Button button, WorkspaceStatus target) {
    button.setOnAction(e -> model.setStatus(target));
    button.disableProperty().bind(model.statusDisabledProperty(target).or(model.busyProperty()));
    DisabledReason.explain(button, model.statusRefusalProperty(target));
    Node shown = button.getParent();
    shown.setVisible(model.isAdmin());
    shown.setManaged(model.isAdmin());
  }

  private void show(WorkspaceDetails d) {
    if (d == null) {
      return;
    }
    Settings s = d.settings();
    title.setText(s.name());
    subtitle.setText(
        s.slug() + " · " + s.type() + " · " + s.status() + " · owner " + s.ownerName());
    contracts.getItems().setAll(d.contracts());
    disputes.getItems().setAll(d.disputes());
    flags.getItems().setAll(d.flags());
    history.getItems().setAll(d.timeline());
  }

  private Node records() {
    Tables.columns(
        contracts,
        column("Contract", ContractLine::reference),
        column("Title", ContractLine::title),
        column("Status", ContractLine::status),
        column("Client", ContractLine::client),
        column("Freelancer", ContractLine::freelancer),
        TableCells.money(column("Value", c -> money.format(c.valueMinor(), c.currency()))));
    Tables.columns(
        disputes,
        column("Dispute", DisputeLine::reference),
        column("Contract", DisputeLine::contractReference),
        column("Status", DisputeLine::status),
        column("Priority", DisputeLine::priority),
        TableCells.money(column("Amount", x -> money.format(x.amountMinor(), x.currency()))));
    Tables.columns(
        flags,
        column("Flag", FlagLine::id),
        column("On", f -> f.entityType() + " " + f.entityId()),
        column("Reason", FlagLine::reason),
        column("Severity", FlagLine::severity),
        column("Status", FlagLine::status));
    return new VBox(
        6, section("Contracts", contracts), section("Disputes", disputes), section("Flags", flags));
  }

  private Node timeline() {
    history.setItems(FXCollections.observableArrayList());
    Tables.columns(
        history,
        column("When", TimelineEntry::at),
        column("Actor", t -> t.by().text()),
        column("Action", TimelineEntry::action),
        column("Record", t -> t.entityType() + " " + t.entityId()),
        column("Change", TimelineEntry::summary));
    return history;
  }

  private static <T> Node section(String name, TableView<T> table) {
    Label label = new Label(name);
    label.getStyleClass().add(Styles.TEXT_BOLD);
    table.setPrefHeight(150);
    return new VBox(4, label, table);
  }
}
