package dev.arbiter.app.releases;

import dev.arbiter.app.common.AreaView;
import dev.arbiter.app.common.DetailSplit;
import dev.arbiter.app.common.RecordRef;
import dev.arbiter.app.ledger.LedgerHealthView;
import dev.arbiter.app.ledger.LedgerHealthViewModel;
import dev.arbiter.app.live.ChangeSet;
import dev.arbiter.app.live.LiveContext;
import dev.arbiter.persistence.escrow.ReleaseQueueQuery;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The finance area: the release queue beside the open checkpoint, bulk release, the settlements
 * support proposed, escrow exposure and ledger health, one tab each.
 */
public final class ReleasesView implements AreaView {

  private final TabPane root = new TabPane();
  private final ReleaseQueueViewModel queue;
  private final SettlementsViewModel settlements;
  private final ExposureViewModel exposure;
  private final Tab bulkTab;
  private final Tab queueTab;
  private final CheckpointView checkpointView;
  private final SettlementsView settlementsView;
  private final ReleasesLive live;

  ReleasesView(
      ReleaseQueueViewModel queue,
      CheckpointViewModel checkpoint,
      BulkReleaseViewModel bulk,
      SettlementsViewModel settlements,
      ExposureViewModel exposure,
      LedgerHealthViewModel ledger,
      Function<ReleaseQueueQuery, List<Long>> approvedMatching,
      LiveContext context) {
    this.queue = queue;
    this.settlements = settlements;
    this.exposure = exposure;
    checkpointView = new CheckpointView(checkpoint, context.presence(), context.drafts());
    ReleaseQueueView queueView =
        new ReleaseQueueView(
            queue,
            context.presence(),
            checkpointView::open,
            ids -> startBulk(bulk, () -> ids),
            () -> {
              var query = queue.query();
              startBulk(bulk, () -> approvedMatching.apply(query));
            });
    SplitPane split = new SplitPane();
    // The queue carries the badges that decide the work; the detail pane needs less room.
    DetailSplit.showWhileOpen(
        split,
        queueView.node(),
        checkpointView.node(),
        checkpoint.openIdProperty().isNotNull(),
        0.6);
    bulkTab = tab("bulk", "Bulk release", new BulkReleaseView(bulk).node());
    settlementsView = new SettlementsView(settlements, context.presence(), context.drafts());
    Tab settlementsTab = tab("settlements", "Settlements", settlementsView.node());
    Tab exposureTab = tab("exposure", "Exposure", new ExposureView(exposure).node());
    Tab ledgerTab = tab("ledger", "Ledger health", new LedgerHealthView(ledger).node());
    queueTab = tab("queue", "Release queue", split);
    root.getTabs().setAll(queueTab, bulkTab, settlementsTab, exposureTab, ledgerTab);
    root.setId("releases");
    root.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    root.getStylesheets()
        .add(Objects.requireNonNull(getClass().getResource("releases.css")).toExternalForm());
    settlementsTab.setOnSelectionChanged(
        e -> reloadIfSelected(settlementsTab, settlements::reload));
    // Hidden, exposure hears nothing and catches up when shown; ledger health only notes whether
    // money moved, as its check is costly (ReleasesLive).
    exposureTab.setOnSelectionChanged(e -> reloadIfSelected(exposureTab, exposure::shown));
    ledgerTab.setOnSelectionChanged(e -> ledger.setShown(ledgerTab.isSelected()));
    live =
        new ReleasesLive(
            queue::refreshLive,
            checkpoint::liveRefresh,
            () -> checkpoint.openIdProperty().get(),
            settlementsView::refreshLive,
            settlementsTab::isSelected,
            exposure::changed,
            exposureTab::isSelected,
            ledger::changed);
  }

  /** A checkpoint opens in the release queue's detail pane, whatever its status. */
  @Override
  public boolean open(RecordRef record) {
    if (record.type() != RecordRef.Type.CHECKPOINT) {
      return false;
    }
    root.getSelectionModel().select(queueTab);
    checkpointView.open(record.id());
    return true;
  }

  private void startBulk(BulkReleaseViewModel bulk, Supplier<List<Long>> ids) {
    root.getSelectionModel().select(bulkTab);
    bulk.choose(ids);
  }

  private static void reloadIfSelected(Tab tab, Runnable reload) {
    if (tab.isSelected()) {
      reload.run();
    }
  }

  private static Tab tab(String id, String title, Node content) {
    Tab tab = new Tab(title, content);
    tab.setId("tab-" + id);
    return tab;
  }

  @Override
  public Node node() {
    return root;
  }

  @Override
  public void changed(ChangeSet changes) {
    live.changed(changes);
  }

  @Override
  public void dispose() {
    checkpointView.close();
    settlementsView.close();
  }

  @Override
  public void refresh() {
    queue.reload();
    Tab selected = root.getSelectionModel().getSelectedItem();
    if (selected != null && "tab-settlements".equals(selected.getId())) {
      settlements.reload();
    } else if (selected != null && "tab-exposure".equals(selected.getId())) {
      exposure.reload();
    }
  }
}
