package dev.arbiter.app.releases;

import atlantafx.base.theme.Styles;
import dev.arbiter.app.live.DraftBinder;
import dev.arbiter.app.live.PresenceTracker;
import dev.arbiter.app.live.PresenceViews;
import dev.arbiter.app.releases.SettlementsViewModel.SettlementItem;
import dev.arbiter.persistence.presence.PresenceKey;
import dev.arbiter.persistence.presence.PresenceMode;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Settlements proposed by support, with their disputes; execute or send back with a note. */
final class SettlementsView {

  private final VBox root;
  private final SettlementsViewModel model;
  private final PresenceTracker.Scope presence;
  private final TableView<SettlementItem> table;
  private final StringProperty noteDraftKey = new SimpleStringProperty();
  private PresenceKey open;

  SettlementsView(SettlementsViewModel model, PresenceTracker.Scope presence, DraftBinder drafts) {
    this.model = model;
    this.presence = presence;
    table = new TableView<>(model.items());
    table.setId("settlementsTable");
    table.setPlaceholder(new Label("No settlements are waiting for finance."));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table
        .getColumns()
        .setAll(
            List.of(
                PresenceViews.column(presence, i -> settlement(i.settlementId())),
                column("Dispute", SettlementItem::dispute, 260),
                column("Outcome", SettlementItem::outcome, 120),
                column("To payee", SettlementItem::toPayee, 150),
                column("To payer", SettlementItem::toPayer, 150),
                column("Escrow", SettlementItem::held, 110),
                column("Proposed by", SettlementItem::proposed, 170),
                column("Summary and reason", SettlementItem::summary, 300)));
    table
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (obs, was, item) -> {
              if (item != null) {
                select(item.settlementId());
              }
            });
    VBox.setVgrow(table, Priority.ALWAYS);
    TextField note = new TextField();
    note.setId("settlementNote");
    note.setPromptText("Note — required to send back");
    note.textProperty().bindBidirectional(model.noteProperty());
    drafts.bind(note, noteDraftKey);
    model.noteProperty().addListener((obs, was, now) -> announce());
    HBox.setHgrow(note, Priority.ALWAYS);
    Button execute = new Button("Execute settlement", new FontIcon(Feather.CHECK));
    execute.setId("executeSettlementButton");
    execute.getStyleClass().add(Styles.SUCCESS);
    execute.setOnAction(e -> model.executeSelected());
    execute.disableProperty().bind(model.busyProperty());
    Button sendBack = new Button("Send back", new FontIcon(Feather.CORNER_UP_LEFT));
    sendBack.setId("sendBackButton");
    sendBack.setOnAction(e -> model.sendBackSelected());
    sendBack.disableProperty().bind(model.busyProperty());
    Button retry = new Button("Retry", new FontIcon(Feather.ROTATE_CW));
    retry.setId("settlementRetry");
    retry.setOnAction(e -> model.retry());
    retry.visibleProperty().bind(model.retryableProperty());
    retry.managedProperty().bind(retry.visibleProperty());
    HBox actions = new HBox(8, note, execute, sendBack, retry);
    Label stale = new Label();
    stale.setId("settlementStaleText");
    stale.setWrapText(true);
    stale.textProperty().bind(model.staleDiffProperty());
    Button reapply = new Button("Re-apply my decision", new FontIcon(Feather.CORNER_DOWN_RIGHT));
    reapply.setId("settlementReapply");
    reapply.getStyleClass().add(Styles.ACCENT);
    reapply.setOnAction(e -> model.reapply());
    reapply.visibleProperty().bind(model.reapplyableProperty());
    reapply.managedProperty().bind(reapply.visibleProperty());
    VBox staleBox = new VBox(8, stale, reapply);
    staleBox.getStyleClass().add("stale-box");
    staleBox.visibleProperty().bind(model.staleDiffProperty().isNotEmpty());
    staleBox.managedProperty().bind(staleBox.visibleProperty());
    actions.setAlignment(Pos.CENTER_LEFT);
    Label message = new Label();
    message.setId("settlementMessage");
    message.setWrapText(true);
    message.textProperty().bind(model.messageProperty());
    model
        .messageIsErrorProperty()
        .addListener(
            (obs, was, error) -> message.pseudoClassStateChanged(Styles.STATE_DANGER, error));
    Label hint =
        new Label(
            "Executing posts the settlement's journal and resolves the dispute. The database refuses"
                + " it if you proposed it yourself.");
    hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    root = new VBox(8, hint, table, actions, message, staleBox);
  }

  Node node() {
    return root;
  }

  /** Re-reads the proposals in place, then puts the selection back by settlement id. */
  void refreshLive(Runnable done) {
    model.refreshLive(
        () -> {
          Long id = model.selectedProperty().get();
          SettlementItem now = table.getSelectionModel().getSelectedItem();
          if (id != null && (now == null || now.settlementId() != id)) {
            table.getItems().stream()
                .filter(i -> i.settlementId() == id)
                .findFirst()
                .ifPresent(i -> table.getSelectionModel().select(i));
          }
          done.run();
        });
  }

  /** Leaves the selected settlement's presence (the area closes). */
  void close() {
    if (open != null) {
      presence.leave(open);
    }
  }

  // The note belongs to the selected settlement: it is reset, then that settlement's draft returns.
  private void select(long id) {
    Long current = model.selectedProperty().get();
    if (current != null && current == id) {
      return;
    }
    noteDraftKey.set(null);
    model.noteProperty().set("");
    model.selectedProperty().set(id);
    noteDraftKey.set("settlement:" + id + ":note");
    if (open != null) {
      presence.leave(open);
    }
    open = settlement(id);
    announce();
  }

  private void announce() {
    if (open != null) {
      presence.enter(
          open, model.noteProperty().get().isBlank() ? PresenceMode.VIEWING : PresenceMode.EDITING);
    }
  }

  private static PresenceKey settlement(long id) {
    return new PresenceKey("settlement", id);
  }

  private static TableColumn<SettlementItem, String> column(
      String name, Function<SettlementItem, String> value, double width) {
    TableColumn<SettlementItem, String> c = new TableColumn<>(name);
    c.setSortable(false);
    c.setPrefWidth(width);
    c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    return c;
  }
}
