package dev.arbiter.app.disputes;

import atlantafx.base.theme.Styles;
import dev.arbiter.app.common.KeyedSelection;
import dev.arbiter.app.live.PresenceTracker;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The queue: filter bar, the bounded table and its keyboard. Scrolling or moving the selection near
 * either end of the window reads the next page from the database.
 */
final class DisputeQueueView {

  private static final int EDGE_ROWS = 8;

  private final DisputeQueueViewModel model;
  private final TableView<QueueItem> table;
  private final TextField search = new TextField();
  private final VBox root;
  private Consumer<QueueItem> onOpen = item -> {};
  private Consumer<List<QueueItem>> onAssignToMe = items -> {};
  private Runnable onHelp = () -> {};

  DisputeQueueView(DisputeQueueViewModel model, Node toolbar, PresenceTracker.Scope presence) {
    this.model = model;
    this.table = QueueTable.create(model, presence);
    // An in-place update of the rows may drop a replaced row from the selection: put it back.
    model
        .list()
        .setSelectionKeeper(
            update ->
                KeyedSelection.keepAll(
                    table.getSelectionModel(), table.getItems(), QueueItem::id, update));
    Label error = new Label();
    error.setId("queueError");
    error.getStyleClass().add(Styles.DANGER);
    error.textProperty().bind(model.list().errorProperty());
    error.managedProperty().bind(model.list().errorProperty().isNotEmpty());
    Label formError = new Label();
    formError.setId("queueFilterError");
    formError.getStyleClass().add(Styles.DANGER);
    formError.textProperty().bind(model.form().errorProperty());
    formError.managedProperty().bind(model.form().errorProperty().isNotEmpty());
    VBox.setVgrow(table, Priority.ALWAYS);
    root = new VBox(8, filterBar(), formError, toolbar, error, table);
    root.getStyleClass().add("dispute-queue");
    root.setId("disputeQueue");
    table.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    // Pressing End (or Down) again at the last row changes no selection, so check on release too.
    table.addEventHandler(
        KeyEvent.KEY_RELEASED, e -> nearEdge(table.getSelectionModel().getSelectedIndex()));
    table.setOnMouseClicked(
        e -> {
          if (e.getClickCount() == 2 && selected() != null) {
            onOpen.accept(selected());
          }
        });
    table
        .getSelectionModel()
        .selectedIndexProperty()
        .addListener((obs, was, index) -> nearEdge(index.intValue()));
    table.skinProperty().addListener((obs, was, skin) -> watchScrollBar());
    model.setOnShift(this::keepPosition);
    model.sortProperty().addListener((obs, was, sort) -> QueueTable.showSort(table, sort));
  }

  Node node() {
    return root;
  }

  TableView<QueueItem> table() {
    return table;
  }

  void setOnOpen(Consumer<QueueItem> onOpen) {
    this.onOpen = onOpen;
  }

  void setOnAssignToMe(Consumer<List<QueueItem>> onAssignToMe) {
    this.onAssignToMe = onAssignToMe;
  }

  void setOnHelp(Runnable onHelp) {
    this.onHelp = onHelp;
  }

  void focusSearch() {
    search.requestFocus();
    search.selectAll();
  }

  void focusTable() {
    table.requestFocus();
    if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
      table.getSelectionModel().select(0);
    }
  }

  QueueItem selected() {
    return table.getSelectionModel().getSelectedItem();
  }

  List<QueueItem> selection() {
    return List.copyOf(table.getSelectionModel().getSelectedItems());
  }

  private FlowPane filterBar() {
    QueueFilterForm form = model.form();
    search.setId("queueSearch");
    search.setPromptText("Search reference, parties, contract");
    search.setTooltip(new Tooltip("Search (/) — matches anywhere, case-insensitive"));
    search.setPrefColumnCount(18);
    search.textProperty().bindBidirectional(form.searchProperty());
    PauseTransition typing = new PauseTransition(Duration.millis(350));
    typing.setOnFinished(e -> model.apply());
    // Typing applies after a pause; restoring a saved filter into the field does not.
    search.addEventHandler(KeyEvent.KEY_TYPED, e -> typing.playFromStart());
    search.setOnAction(
        e -> {
          typing.stop();
          model.apply();
          focusTable();
        });
    ComboBox<?> status = combo("filterStatus", form.statuses(), form.statusProperty(), "Status");
    ComboBox<?> priority =
        combo("filterPriority", form.priorities(), form.priorityProperty(), "Priority");
    ComboBox<?> reason = combo("filterReason", form.reasons(), form.reasonProperty(), "Reason");
    ComboBox<?> assignee =
        combo("filterAssignee", form.assignees(), form.assigneeProperty(), "Assignee");
    ComboBox<?> sla = combo("filterSla", form.slaStates(), form.slaProperty(), "SLA state");
    TextField currency = field("filterCurrency", "CCY", 4, form.currencyProperty(), "Currency");
    TextField min = field("filterMin", "min", 6, form.minAmountProperty(), "Smallest amount");
    TextField max = field("filterMax", "max", 6, form.maxAmountProperty(), "Largest amount");
    ProgressIndicator progress = new ProgressIndicator();
    progress.setPrefSize(18, 18);
    progress.visibleProperty().bind(model.list().loadingProperty());
    Label summary = new Label();
    summary.setId("queueSummary");
    summary.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    summary.textProperty().bind(model.list().summaryProperty());
    HBox status2 = new HBox(6, progress, summary);
    status2.setAlignment(Pos.CENTER_LEFT);
    FlowPane bar =
        new FlowPane(
            6, 6, search, status, priority, reason, assignee, sla, currency, min, max, status2);
    bar.setOrientation(Orientation.HORIZONTAL);
    bar.getStyleClass().add("queue-filters");
    return bar;
  }

  private <T> ComboBox<Option<T>> combo(
      String id,
      javafx.collections.ObservableList<Option<T>> items,
      javafx.beans.property.ObjectProperty<Option<T>> value,
      String tip) {
    ComboBox<Option<T>> box = new ComboBox<>(items);
    box.setId(id);
    box.setTooltip(new Tooltip(tip));
    box.valueProperty().bindBidirectional(value);
    box.setOnAction(e -> model.apply());
    return box;
  }

  private TextField field(
      String id,
      String prompt,
      int columns,
      javafx.beans.property.StringProperty value,
      String tip) {
    TextField field = new TextField();
    field.setId(id);
    field.setPromptText(prompt);
    field.setPrefColumnCount(columns);
    field.setTooltip(new Tooltip(tip + " (Enter applies)"));
    field.textProperty().bindBidirectional(value);
    field.setOnAction(e -> model.apply());
    return field;
  }

  private void onKey(KeyEvent e) {
    if (e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
      return;
    }
    String text = e.getText();
    if (e.getCode() == KeyCode.J || e.getCode() == KeyCode.K) {
      int index = table.getSelectionModel().getSelectedIndex();
      int next = e.getCode() == KeyCode.J ? index + 1 : Math.max(0, index - 1);
      if (next < table.getItems().size()) {
        table.getSelectionModel().clearAndSelect(next);
        table.scrollTo(Math.max(0, next - EDGE_ROWS));
      }
      e.consume();
    } else if (e.getCode() == KeyCode.ENTER && selected() != null) {
      onOpen.accept(selected());
      e.consume();
    } else if (e.getCode() == KeyCode.A && !e.isShiftDown()) {
      onAssignToMe.accept(selection());
      e.consume();
    } else if ("/".equals(text) || e.getCode() == KeyCode.SLASH && !e.isShiftDown()) {
      focusSearch();
      e.consume();
    } else if ("?".equals(text)) {
      onHelp.run();
      e.consume();
    }
  }

  private void nearEdge(int index) {
    if (index < 0) {
      return;
    }
    if (index >= table.getItems().size() - EDGE_ROWS && model.moreAfter()) {
      model.loadNext();
    } else if (index < EDGE_ROWS && model.moreBefore()) {
      model.loadPrevious();
    }
  }

  private void watchScrollBar() {
    for (Node node : table.lookupAll(".scroll-bar")) {
      if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL) {
        bar.valueProperty()
            .addListener(
                (obs, was, value) -> {
                  double position = value.doubleValue() / Math.max(bar.getMax(), 1e-9);
                  if (position > 0.97 && model.moreAfter()) {
                    model.loadNext();
                  } else if (position < 0.03 && model.moreBefore()) {
                    model.loadPrevious();
                  }
                });
      }
    }
  }

  /** Rows moved by {@code shift} indices: keep the same rows in view. */
  private void keepPosition(int shift) {
    VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
    if (flow == null || flow.getFirstVisibleCell() == null) {
      return;
    }
    int first = flow.getFirstVisibleCell().getIndex();
    flow.scrollTo(Math.max(0, first - shift));
  }
}
