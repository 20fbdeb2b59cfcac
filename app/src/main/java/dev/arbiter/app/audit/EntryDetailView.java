package dev.arbiter.app.audit;

import atlantafx.base.theme.Styles;
import dev.arbiter.app.audit.EntryDetailViewModel.DiffRow;
import dev.arbiter.app.common.TableCells;
import dev.arbiter.app.common.Visibility;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The selected entry: facts, then the before/after table with changed fields highlighted. */
final class EntryDetailView {

  private final HBox root;

  EntryDetailView(
      EntryDetailViewModel model, Consumer<DiffTarget> openHistory, Consumer<DiffTarget> filter) {
    Label title = new Label();
    title.setId("entryTitle");
    title.getStyleClass().add(Styles.TITLE_4);
    title.textProperty().bind(model.titleProperty());
    title.setWrapText(true);

    GridPane facts = new GridPane();
    facts.getStyleClass().add("entry-facts");
    facts.setHgap(12);
    facts.setVgap(4);
    fact(facts, 0, "Who", "entryWho", model.whoProperty());
    fact(facts, 1, "When", "entryWhen", model.whenProperty());
    fact(facts, 2, "Client", "entryClient", model.clientProperty());
    fact(facts, 3, "Request", "entryRequest", model.requestProperty());
    fact(facts, 4, "Command", "entryCommand", model.commandProperty());
    fact(facts, 5, "Chain", "entryChain", model.chainProperty());

    Label hidden = new Label();
    hidden.setId("entryHidden");
    hidden.setGraphic(new FontIcon(Feather.EYE_OFF));
    hidden.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    hidden.textProperty().bind(model.hiddenNoteProperty());
    Visibility.showWhen(hidden, model.hiddenNoteProperty().isNotEmpty());

    Button history = new Button("Record history", new FontIcon(Feather.CLOCK));
    history.setId("entryHistory");
    history.disableProperty().bind(model.hasRecordProperty().not());
    history.setOnAction(e -> openHistory.accept(target(model)));
    Button only = new Button("Only this record", new FontIcon(Feather.FILTER));
    only.setId("entryOnlyRecord");
    only.disableProperty().bind(model.hasRecordProperty().not());
    only.setOnAction(e -> filter.accept(target(model)));
    ToggleButton unchanged = new ToggleButton();
    unchanged.setId("entryUnchanged");
    unchanged.textProperty().bind(model.unchangedToggleProperty());
    unchanged.selectedProperty().bindBidirectional(model.showUnchangedProperty());
    Visibility.showWhen(unchanged, model.hasUnchangedProperty());
    HBox actions = new HBox(8, history, only);
    actions.setAlignment(Pos.CENTER_LEFT);

    TableView<DiffRow> diff = new TableView<>(model.diff());
    diff.setId("entryDiff");
    diff.getStyleClass().addAll("entry-diff", Styles.DENSE);
    diff.setPlaceholder(new Label("No values recorded for this entry."));
    diff.getColumns().add(column("Field", DiffRow::field, 0.24));
    diff.getColumns().add(wrapped(column("Before", DiffRow::before, 0.38)));
    diff.getColumns().add(wrapped(column("After", DiffRow::after, 0.38)));
    diff.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    diff.setRowFactory(table -> new DiffTableRow());

    VBox about = new VBox(10, title, facts, hidden, actions);
    about.setPrefWidth(400);
    about.setMinWidth(340);
    Label valuesTitle = new Label("Values before and after");
    valuesTitle.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_BOLD);
    HBox valuesHead = new HBox(12, valuesTitle, new atlantafx.base.controls.Spacer(), unchanged);
    valuesHead.setAlignment(Pos.CENTER_LEFT);
    VBox values = new VBox(6, valuesHead, diff);
    HBox.setHgrow(values, Priority.ALWAYS);
    VBox.setVgrow(diff, Priority.ALWAYS);
    root = new HBox(16, about, values);
    root.setId("auditDetail");
    root.getStyleClass().add("entry-detail");
    root.visibleProperty().bind(model.entryProperty().isNotNull());
  }

  Node node() {
    return root;
  }

  /** The record an entry is about. */
  record DiffTarget(String entityType, String entityId) {}

  private static DiffTarget target(EntryDetailViewModel model) {
    var entry = model.entryProperty().get();
    return new DiffTarget(entry.entityType(), entry.entityId());
  }

  private static void fact(
      GridPane grid, int row, String caption, String id, ReadOnlyStringProperty value) {
    Label name = new Label(caption);
    name.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    Label text = new Label();
    text.setId(id);
    text.textProperty().bind(value);
    text.getStyleClass().add("entry-fact");
    grid.add(name, 0, row);
    grid.add(text, 1, row);
  }

  // A value may be a whole JSON document: it wraps rather than being cut.
  private static TableColumn<DiffRow, String> wrapped(TableColumn<DiffRow, String> column) {
    column.setCellFactory(TableCells.wrapped());
    return column;
  }

  private static TableColumn<DiffRow, String> column(
      String title, java.util.function.Function<DiffRow, String> value, double share) {
    TableColumn<DiffRow, String> column = new TableColumn<>(title);
    column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
    column.setSortable(false);
    column.setPrefWidth(480 * share);
    return column;
  }

  /** Marks a row by how its field changed, for the highlight. */
  private static final class DiffTableRow extends TableRow<DiffRow> {
    @Override
    protected void updateItem(DiffRow item, boolean empty) {
      super.updateItem(item, empty);
      getStyleClass().removeIf(c -> c.startsWith("diff-"));
      if (!empty && item != null) {
        getStyleClass().add("diff-" + item.kind().name().toLowerCase(java.util.Locale.ROOT));
      }
    }
  }
}
