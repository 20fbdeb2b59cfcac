package dev.arbiter.app.dashboard;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.arbiter.app.common.AreaView;
import dev.arbiter.app.common.Visibility;
import dev.arbiter.app.dashboard.DashboardViewModel.HeldEntry;
import dev.arbiter.app.live.ChangeSet;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The overview: figure tiles, open disputes and flags as bar charts, and escrow held per currency
 * as a list (amounts in different currencies are never added up or drawn on one scale).
 */
public final class DashboardView implements AreaView {

  private final DashboardViewModel model;
  private final ScrollPane root;
  private final FlowPane heldTiles = new FlowPane();

  DashboardView(DashboardViewModel model) {
    this.model = model;
    VBox page = new VBox(20, header(), errorLine(), tiles(), chartsRow(), escrowCard());
    page.getStyleClass().add("dashboard");
    root = new ScrollPane(page);
    root.setFitToWidth(true);
    root.setId("dashboard");
    root.getStyleClass().add("dashboard-scroll");
  }

  @Override
  public Node node() {
    return root;
  }

  @Override
  public void refresh() {
    model.refresh();
  }

  @Override
  public void changed(ChangeSet changes) {
    model.changed(changes);
  }

  private HBox header() {
    Label title = new Label("Dashboard");
    title.getStyleClass().add(Styles.TITLE_2);
    Label asOf = new Label();
    asOf.setId("dashboardAsOf");
    asOf.getStyleClass().add(Styles.TEXT_MUTED);
    asOf.textProperty().bind(model.asOfProperty());
    ProgressIndicator progress = new ProgressIndicator();
    progress.setId("dashboardProgress");
    progress.setPrefSize(22, 22);
    progress.visibleProperty().bind(model.loadingProperty());
    Button refresh = new Button("Refresh", new FontIcon(Feather.REFRESH_CW));
    refresh.setId("dashboardRefresh");
    refresh.setTooltip(new Tooltip("Reload the figures (F5)"));
    refresh.disableProperty().bind(model.loadingProperty());
    refresh.setOnAction(e -> model.refresh());
    HBox header = new HBox(12, new VBox(2, title, asOf), new Spacer(), progress, refresh);
    header.setAlignment(Pos.CENTER_LEFT);
    return header;
  }

  private Label errorLine() {
    Label error = new Label();
    error.setId("dashboardError");
    error.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
    error.getStyleClass().addAll("dashboard-error", Styles.DANGER);
    error.setWrapText(true);
    error.setMaxWidth(Double.MAX_VALUE);
    error.textProperty().bind(model.errorProperty());
    Visibility.showWhen(error, model.errorProperty().isNotEmpty());
    return error;
  }

  private GridPane tiles() {
    VBox breached =
        tile(
            "openDisputesOverdue",
            "Past due",
            model.slaBreachedProperty(),
            "open disputes past their response time",
            Feather.CLOCK);
    model
        .anySlaBreachedProperty()
        .addListener((obs, was, any) -> breached.pseudoClassStateChanged(Styles.STATE_DANGER, any));
    VBox review =
        tile(
            "checkpointsSubmitted",
            "To review",
            model.checkpointsSubmittedProperty(),
            model.reviewNoteProperty(),
            Feather.INBOX);
    model
        .anyCheckpointOverdueProperty()
        .addListener((obs, was, any) -> review.pseudoClassStateChanged(Styles.STATE_DANGER, any));
    List<VBox> all =
        List.of(
            tile(
                "openDisputes",
                "Open disputes",
                model.openDisputesProperty(),
                "in the five open statuses",
                Feather.MESSAGE_SQUARE),
            breached,
            review,
            tile(
                "checkpointsApproved",
                "To release",
                model.checkpointsApprovedProperty(),
                "checkpoints approved, not yet paid out",
                Feather.CHECK_CIRCLE),
            tile(
                "openFlags",
                "Open flags",
                model.openFlagsProperty(),
                model.openFlagsDetailProperty(),
                Feather.FLAG));
    // Equal columns: the tiles line up however long each number or note is.
    GridPane tiles = new GridPane();
    tiles.setHgap(16);
    for (int i = 0; i < all.size(); i++) {
      ColumnConstraints column = new ColumnConstraints();
      column.setPercentWidth(100.0 / all.size());
      tiles.getColumnConstraints().add(column);
      tiles.add(all.get(i), i, 0);
      GridPane.setFillHeight(all.get(i), true);
    }
    return tiles;
  }

  private VBox tile(
      String id, String caption, ReadOnlyStringProperty value, String note, Feather feather) {
    return tile(id, caption, value, new ReadOnlyStringWrapper(note).getReadOnlyProperty(), feather);
  }

  private VBox tile(
      String id,
      String caption,
      ReadOnlyStringProperty value,
      ReadOnlyStringProperty note,
      Feather feather) {
    FontIcon icon = new FontIcon(feather);
    icon.getStyleClass().add("tile-icon");
    Label captionLabel = new Label(caption);
    captionLabel.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_BOLD);
    Label valueLabel = new Label();
    valueLabel.setId(id + "Value");
    valueLabel.getStyleClass().add("tile-value");
    valueLabel.textProperty().bind(value);
    Label noteLabel = new Label();
    noteLabel.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    noteLabel.setWrapText(true);
    noteLabel.textProperty().bind(note);
    HBox top = new HBox(8, icon, captionLabel);
    top.setAlignment(Pos.CENTER_LEFT);
    VBox tile = new VBox(4, top, valueLabel, noteLabel);
    tile.setId(id + "Tile");
    tile.getStyleClass().add("tile");
    tile.setMaxWidth(Double.MAX_VALUE);
    tile.setMaxHeight(Double.MAX_VALUE);
    return tile;
  }

  private HBox chartsRow() {
    VBox disputes =
        card(
            "Open disputes by status",
            "Each open case counted once, in its current status.",
            new CountBarChart("disputesByStatusChart", model.disputesByStatus()).node());
    VBox flags =
        card(
            "Open flags by severity",
            "Flags waiting for a moderator's decision.",
            new CountBarChart("flagsBySeverityChart", model.flagsBySeverity()).node());
    HBox.setHgrow(disputes, Priority.ALWAYS);
    HBox.setHgrow(flags, Priority.ALWAYS);
    disputes.setPrefWidth(640);
    flags.setPrefWidth(420);
    return new HBox(16, disputes, flags);
  }

  private VBox escrowCard() {
    heldTiles.setId("escrowHeld");
    heldTiles.setHgap(12);
    heldTiles.setVgap(12);
    model.escrowHeld().addListener((ListChangeListener<HeldEntry>) change -> fillHeld());
    fillHeld();
    return card(
        "Escrow held by currency",
        "Funded minus released minus refunded. Each currency stands alone: amounts in different"
            + " currencies are never added together.",
        heldTiles);
  }

  private void fillHeld() {
    List<HeldEntry> held = model.escrowHeld();
    if (held.isEmpty()) {
      Label none =
          new Label(
              model.figuresProperty().get() == null
                  ? "Not loaded yet."
                  : "No money is held in escrow right now.");
      none.getStyleClass().add(Styles.TEXT_MUTED);
      heldTiles.getChildren().setAll(none);
      return;
    }
    heldTiles.getChildren().setAll(held.stream().map(DashboardView::heldTile).toList());
  }

  private static Node heldTile(HeldEntry entry) {
    Label currency = new Label(entry.currency());
    currency.getStyleClass().add("currency-badge");
    Label escrows = new Label(entry.escrows());
    escrows.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    HBox top = new HBox(8, currency, escrows);
    top.setAlignment(Pos.CENTER_LEFT);
    Label amount = new Label(entry.amount());
    amount.setId("held-" + entry.currency());
    amount.getStyleClass().addAll(Styles.TITLE_3, "held-amount");
    VBox tile = new VBox(6, top, amount);
    tile.getStyleClass().add("held-tile");
    return tile;
  }

  private static VBox card(String title, String subtitle, Node body) {
    Label titleLabel = new Label(title);
    titleLabel.getStyleClass().add(Styles.TITLE_4);
    Label subtitleLabel = new Label(subtitle);
    subtitleLabel.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    subtitleLabel.setWrapText(true);
    VBox card = new VBox(8, titleLabel, subtitleLabel, body);
    card.getStyleClass().add("dashboard-card");
    card.setMaxWidth(Double.MAX_VALUE);
    return card;
  }
}
