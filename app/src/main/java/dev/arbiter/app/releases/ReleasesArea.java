package dev.arbiter.app.releases;

import dev.arbiter.app.common.AreaContext;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.app.ledger.LedgerHealthViewModel;
import dev.arbiter.persistence.escrow.BulkRelease;
import dev.arbiter.persistence.escrow.BulkRelease.Outcome;
import dev.arbiter.persistence.escrow.BulkReleaseService;
import dev.arbiter.persistence.escrow.CheckpointDetailService;
import dev.arbiter.persistence.escrow.ReleaseQueueService;
import dev.arbiter.persistence.escrow.ReleaseService;
import dev.arbiter.persistence.ledger.ExposureService;
import dev.arbiter.persistence.ledger.LedgerVerifier;
import dev.arbiter.persistence.live.CommitOutcomes;
import dev.arbiter.persistence.settlements.SettlementService;
import java.time.Clock;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** Builds the finance area (release queue, bulk release, settlements, exposure, ledger health). */
public final class ReleasesArea {

  private ReleasesArea() {}

  /** The area with its first reads started: services over the session's pool, ports over them. */
  public static ReleasesView create(AreaContext context) {
    var database = context.database();
    TaskRunner tasks = context.tasks();
    CommitOutcomes outcomes = new CommitOutcomes(database.dataSource());
    var online = context.live().onlineProperty();
    ReleaseQueueService queueService = new ReleaseQueueService(database);
    ReleaseService releases = new ReleaseService(database);
    SettlementService settlementService = new SettlementService(database);
    BulkReleaseService bulkService = new BulkReleaseService(database);
    Clock clock = context.clock();
    ReleaseQueueViewModel queue =
        new ReleaseQueueViewModel(queueService::page, tasks, context.locale(), clock);
    CheckpointViewModel checkpoint =
        new CheckpointViewModel(
            new CheckpointViewModel.Gateway(
                new CheckpointDetailService(database)::load,
                releases::perform,
                releases::preview,
                outcomes::committed),
            tasks,
            online,
            context.locale(),
            clock,
            context.zone(),
            context.staff().login(),
            queue::reload);
    BulkReleaseViewModel bulk =
        new BulkReleaseViewModel(
            new BulkReleaseViewModel.Engine() {
              @Override
              public List<Outcome> preview(BulkRelease plan, Consumer<Outcome> progress) {
                return bulkService.preview(plan, progress);
              }

              @Override
              public List<Outcome> execute(
                  BulkRelease plan, Consumer<Outcome> progress, BooleanSupplier cancelled) {
                return bulkService.execute(plan, progress, cancelled);
              }
            },
            outcomes::committed,
            tasks,
            online,
            context.fxThread());
    SettlementsViewModel settlements =
        new SettlementsViewModel(
            settlementService::queue,
            settlementService::execute,
            settlementService::sendBack,
            outcomes::committed,
            tasks,
            online,
            context.locale(),
            context.zone());
    ExposureViewModel exposure =
        new ExposureViewModel(
            new ExposureService(database)::load, tasks, online, context.locale(), context.zone());
    LedgerHealthViewModel ledger =
        new LedgerHealthViewModel(
            new LedgerVerifier(database.dataSource())::verify,
            tasks,
            online,
            context.locale(),
            context.zone());
    ReleasesView view =
        new ReleasesView(
            queue,
            checkpoint,
            bulk,
            settlements,
            exposure,
            ledger,
            queueService::approvedMatching,
            context.live());
    view.refresh();
    return view;
  }
}
