package dev.arbiter.app.releases;

import atlantafx.base.theme.Styles;
import dev.arbiter.app.common.ColumnFit;
import dev.arbiter.app.common.ViewLoader;
import dev.arbiter.app.common.Visibility;
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
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** Settlements proposed by support, with their disputes; execute or send back with a note. */
final class SettlementsView {

  @FXML private TableView<SettlementItem> table;
  @FXML private TextField note;
  @FXML private Button execute;
  @FXML private Button sendBack;
  @FXML private Button retry;
  @FXML private Label message;
  @FXML private VBox staleBox;
  @FXML private Label stale;
  @FXML private Button reapply;
  @FXML private VBox confirmBox;
  @FXML private Label confirmation;

  private final Node root;
  private final SettlementsViewModel model;
  private final PresenceTracker.Scope presence;
  private final DraftBinder drafts;
  private final StringProperty noteDraftKey = new SimpleStringProperty();
  private PresenceKey open;

  SettlementsView(SettlementsViewModel model, PresenceTracker.Scope presence, DraftBinder drafts) {
    this.model = model;
    this.presence = presence;
    this.drafts = drafts;
    this.root = ViewLoader.load(this);
  }

  @FXML
  private void initialize() {
    table.setItems(model.items());
    ColumnFit.install(table);
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
    note.textProperty().bindBidirectional(model.noteProperty());
    drafts.bind(note, noteDraftKey);
    model.noteProperty().addListener((obs, was, now) -> announce());
    execute.disableProperty().bind(model.busyProperty());
    sendBack.disableProperty().bind(model.busyProperty());
    Visibility.showWhen(retry, model.retryableProperty());
    stale.textProperty().bind(model.staleDiffProperty());
    Visibility.showWhen(reapply, model.reapplyableProperty());
    Visibility.showWhen(staleBox, model.staleDiffProperty().isNotEmpty());
    confirmation.textProperty().bind(model.confirmationProperty());
    Visibility.showWhen(confirmBox, model.confirmationProperty().isNotEmpty());
    message.textProperty().bind(model.messageProperty());
    model
        .messageIsErrorProperty()
        .addListener(
            (obs, was, error) -> message.pseudoClassStateChanged(Styles.STATE_DANGER, error));
  }

  @FXML
  private void execute() {
    model.executeSelected();
  }

  @FXML
  private void confirmExecution() {
    model.confirmExecution();
  }

  @FXML
  private void cancelExecution() {
    model.cancelExecution();
  }

  @FXML
  private void sendBack() {
    model.sendBackSelected();
  }

  @FXML
  private void retry() {
    model.retry();
  }

  @FXML
  private void reapply() {
    model.reapply();
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
