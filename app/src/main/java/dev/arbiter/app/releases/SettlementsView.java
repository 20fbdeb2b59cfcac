package dev.arbiter.app.releases;

import atlantafx.base.theme.Styles;
import dev.arbiter.app.releases.SettlementsViewModel.SettlementItem;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
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

  SettlementsView(SettlementsViewModel model) {
    TableView<SettlementItem> table = new TableView<>(model.items());
    table.setId("settlementsTable");
    table.setPlaceholder(new Label("No settlements are waiting for finance."));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table
        .getColumns()
        .setAll(
            List.of(
                column("Dispute", SettlementItem::dispute, 260),
                column("Outcome", SettlementItem::outcome, 120),
                column("To payee", SettlementItem::toPayee, 150),
                column("To payer", SettlementItem::toPayer, 150),
                column("Escrow", SettlementItem::held, 110),
                column("Proposed by", SettlementItem::proposed, 170),
                column("Summary and reason", SettlementItem::summary, 300)));
    table
        .getSelectionModel()
        .selectedIndexProperty()
        .addListener((obs, was, index) -> model.selectedProperty().set(index.intValue()));
    VBox.setVgrow(table, Priority.ALWAYS);
    TextField note = new TextField();
    note.setId("settlementNote");
    note.setPromptText("Note — required to send back");
    note.textProperty().bindBidirectional(model.noteProperty());
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
    Button refresh = new Button("Refresh", new FontIcon(Feather.REFRESH_CW));
    refresh.setOnAction(e -> model.reload());
    HBox actions = new HBox(8, note, execute, sendBack, refresh);
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
    root = new VBox(8, hint, table, actions, message);
  }

  Node node() {
    return root;
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
