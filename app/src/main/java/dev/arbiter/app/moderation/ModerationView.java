package dev.arbiter.app.moderation;

import dev.arbiter.app.common.AreaView;
import dev.arbiter.app.common.DateTimes;
import dev.arbiter.app.common.DetailSplit;
import dev.arbiter.app.common.MoneyFormat;
import dev.arbiter.app.common.Plurals;
import dev.arbiter.app.live.ChangeSet;
import dev.arbiter.app.live.LiveContext;
import dev.arbiter.app.live.PresenceViews;
import dev.arbiter.model.moderation.FlagDecision;
import dev.arbiter.persistence.moderation.QueueRow;
import dev.arbiter.persistence.presence.PresenceKey;
import dev.arbiter.persistence.presence.PresenceMode;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Moderation area: filters over the grouped queue, the queue itself, the item view, and the
 * keys that drive triage without the mouse (listed along the bottom).
 */
public final class ModerationView implements AreaView {

  /** Makes a fresh model each time the bulk or the decision log dialog opens. */
  record Dialogs(Supplier<BulkViewModel> bulk, Supplier<DecisionLogViewModel> log) {}

  static final String SHORTCUTS =
      "J / K next / previous · C claim · X release · D dismiss · A act · U undo · B bulk"
          + " · G decision log · L load more · F5 refresh";

  private final ModerationQueueViewModel queue;
  private final ItemViewModel item;
  private final Dialogs dialogs;
  private final QueueTable table;
  private final LiveContext live;
  private final DateTimes dates;
  private final ObjectProperty<PresenceKey> presenceKey = new SimpleObjectProperty<>();
  private final BorderPane root = new BorderPane();

  /**
   * @param dialogs make the models of the bulk and decision log dialogs, one per opening
   * @param live the window's change feed, presence and drafts: the queue and the open item follow
   *     the database, colleagues on an item show, and the decision note survives an outage
   */
  ModerationView(
      ModerationQueueViewModel queue,
      ItemViewModel item,
      Dialogs dialogs,
      Locale locale,
      ZoneId zone,
      LiveContext live) {
    this.queue = queue;
    this.item = item;
    this.dialogs = dialogs;
    this.live = live;
    this.table = new QueueTable(queue, live.presence());
    this.dates = new DateTimes(locale, zone);
    queue.selectedProperty().addListener((obs, old, row) -> item.show(row));
    // The item (moderation_items row) is the unit of work, so presence is on the item's id.
    item.rowProperty()
        .addListener(
            (obs, old, row) -> presenceKey.set(row == null ? null : PresenceKey.flag(row.rowId())));
    presenceKey.addListener(
        (obs, old, key) -> {
          if (old != null) {
            live.presence().leave(old);
          }
          if (key != null) {
            live.presence().enter(key, PresenceMode.VIEWING);
          }
        });
    ItemPane pane =
        new ItemPane(
            item,
            PresenceViews.line(live.presence(), presenceKey),
            () -> decide(FlagDecision.DISMISS),
            () -> decide(FlagDecision.HIDE_CONTENT),
            dates,
            new MoneyFormat(locale));
    Button more = new Button("Load more (L)");
    more.setId("moderationMore");
    more.visibleProperty().bind(queue.list().hasMoreProperty());
    more.setOnAction(e -> queue.loadMore());
    VBox left = new VBox(6, table.node(), more);
    VBox.setVgrow(table.node(), Priority.ALWAYS);
    SplitPane split = new SplitPane();
    DetailSplit.showWhileOpen(split, left, pane.node(), item.rowProperty().isNotNull(), 0.55);
    root.setTop(new VBox(8, header(), new ModerationFilterBar(queue).node()));
    root.setCenter(split);
    Label legend = new Label(SHORTCUTS);
    legend.setId("moderationShortcuts");
    legend.getStyleClass().add("moderation-shortcuts");
    root.setBottom(legend);
    root.setId("moderation");
    root.getStyleClass().add("moderation");
    root.getStylesheets()
        .add(
            Objects.requireNonNull(ModerationView.class.getResource("moderation.css"))
                .toExternalForm());
    root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    QueueFocus focus = new QueueFocus(root, table.node());
    queue
        .list()
        .loadingProperty()
        .addListener(
            (obs, was, loading) -> {
              if (!loading) {
                focus.takeBackIfHeld();
              }
            });
  }

  private HBox header() {
    Label title = new Label("Moderation");
    title.getStyleClass().add("title-2");
    Label summary = new Label();
    summary.setId("moderationSummary");
    summary.textProperty().bind(queue.list().summaryProperty());
    Label error = new Label();
    error.setId("moderationError");
    error.getStyleClass().add("moderation-error");
    error.textProperty().bind(queue.list().errorProperty());
    ProgressIndicator progress = new ProgressIndicator();
    progress.setPrefSize(20, 20);
    progress.visibleProperty().bind(queue.list().loadingProperty());
    Button bulk = new Button("Bulk… (B)");
    bulk.setId("moderationBulk");
    bulk.setOnAction(e -> bulk());
    Button log = new Button("Decision log (G)");
    log.setId("moderationLog");
    log.setOnAction(e -> log());
    Button refresh = new Button("Refresh (F5)");
    refresh.setId("moderationRefresh");
    refresh.setOnAction(e -> queue.refresh());
    HBox spacer = new HBox();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox header = new HBox(12, title, summary, error, spacer, progress, log, bulk, refresh);
    header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    return header;
  }

  private void onKey(KeyEvent e) {
    if (e.getTarget() instanceof TextInputControl
        || e.isControlDown()
        || e.isAltDown()
        || e.isMetaDown()) {
      return;
    }
    KeyCode code = e.getCode();
    switch (code) {
      case J -> queue.selectNext();
      case K -> queue.selectPrevious();
      case C -> item.claim();
      case X -> item.release();
      case D -> decide(FlagDecision.DISMISS);
      case A -> decide(FlagDecision.HIDE_CONTENT);
      case U -> item.undoLatest();
      case B -> bulk();
      case G -> log();
      case L -> queue.loadMore();
      default -> {
        return;
      }
    }
    e.consume();
  }

  private void decide(FlagDecision initial) {
    QueueRow row = item.rowProperty().get();
    if (row == null || !item.claimedByMeProperty().get()) {
      return;
    }
    String target =
        ModerationWords.item(row.key()) + " (" + Plurals.of(row.openFlags(), "open flag") + ")";
    PresenceKey key = PresenceKey.flag(row.rowId());
    String draftKey = "flag:" + row.rowId() + ":note";
    DecisionDialog.show(
        root.getScene().getWindow(),
        initial,
        target,
        form -> item.decide(form.build(row.key()), () -> live.drafts().journal().put(draftKey, "")),
        live.drafts(),
        draftKey,
        editing -> {
          if (key.equals(presenceKey.get())) {
            live.presence().enter(key, editing ? PresenceMode.EDITING : PresenceMode.VIEWING);
          }
        });
  }

  private void bulk() {
    BulkViewModel bulk = dialogs.bulk().get();
    List<QueueRow> selected = table.selectedRows();
    if (selected.size() > 1) {
      bulk.useSelection(selected.stream().map(QueueRow::key).toList());
    } else {
      bulk.useFilter(queue.filter());
    }
    BulkDialog.show(root.getScene().getWindow(), bulk);
  }

  private void log() {
    DecisionLogDialog.show(root.getScene().getWindow(), dialogs.log().get(), dates);
  }

  @Override
  public Node node() {
    return root;
  }

  @Override
  public void refresh() {
    queue.refresh();
  }

  @Override
  public void changed(ChangeSet changes) {
    queue.changed(changes);
    item.changed(changes);
  }

  @Override
  public void dispose() {
    presenceKey.set(null);
  }
}
