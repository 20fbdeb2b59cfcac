package dev.arbiter.app.releases;

import dev.arbiter.app.common.AreaContext;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.app.common.command.CommandRunner;
import dev.arbiter.app.ledger.LedgerHealthViewModel;
import dev.arbiter.persistence.escrow.BulkRelease;
import dev.arbiter.persistence.escrow.BulkRelease.Outcome;
import dev.arbiter.persistence.escrow.BulkReleaseService;
import dev.arbiter.persistence.escrow.CheckpointDetailService;
import dev.arbiter.persistence.escrow.ReleaseQueueService;
import dev.arbiter.persistence.escrow.ReleaseService;
import dev.arbiter.persistence.ledger.ExposureService;
import dev.arbiter.persistence.ledger.LedgerVerifier;
import dev.arbiter.persistence.ledger.MoneyResult;
import dev.arbiter.persistence.session.CommitOutcomes;
import dev.arbiter.persistence.settlements.SettlementService;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Builds the finance area (release queue, bulk release, settlements, exposure, ledger health). */
public final class ReleasesArea {

  private ReleasesArea() {}

  /** The area with its first reads started: services over the session's pool, ports over them. */
  public static ReleasesView create(AreaContext context) {
    var database = context.database();
    var access = database.access();
    TaskRunner tasks = context.tasks();
    var online = context.live().onlineProperty();
    CommandRunner commands =
        new CommandRunner(
            tasks, tasks::schedule, online, new CommitOutcomes(database.access())::committed);
    ReleaseQueueService queueService = new ReleaseQueueService(access);
    ReleaseService releases = new ReleaseService(access);
    SettlementService settlementService = new SettlementService(database);
    BulkReleaseService bulkService = new BulkReleaseService(access);
    Clock clock = context.clock();
    ReleaseQueueViewModel queue =
        new ReleaseQueueViewModel(queueService::page, tasks, context.locale(), clock);
    CheckpointViewModel checkpoint =
        new CheckpointViewModel(
            new CheckpointViewModel.Gateway(
                new CheckpointDetailService(access)::load, releases::perform, releases::preview),
            tasks,
            commands,
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
              public MoneyResult release(BulkRelease.Item item) {
                return bulkService
                    .execute(new BulkRelease(List.of(item)), o -> {}, () -> false)
                    .get(0)
                    .result();
              }

              @Override
              public Map<Long, BulkRelease.Subject> subjects(List<Long> checkpointIds) {
                return bulkService.subjects(checkpointIds);
              }
            },
            tasks,
            commands,
            context.fxThread(),
            context.locale());
    SettlementsViewModel settlements =
        new SettlementsViewModel(
            new SettlementsViewModel.Gateway(
                settlementService::queue,
                settlementService::execute,
                settlementService::sendBack,
                settlementService::previewExecute),
            tasks,
            commands,
            context.locale(),
            context.zone());
    ExposureViewModel exposure =
        new ExposureViewModel(
            new ExposureService(access)::load, tasks, online, context.locale(), context.zone());
    LedgerHealthViewModel ledger =
        new LedgerHealthViewModel(
            new LedgerVerifier(access)::verify, tasks, online, context.locale(), context.zone());
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
