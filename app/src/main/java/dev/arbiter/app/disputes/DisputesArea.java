package dev.arbiter.app.disputes;

import dev.arbiter.app.common.AreaContext;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.app.common.command.CommandRunner;
import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.disputes.DisputeActionService;
import dev.arbiter.persistence.disputes.DisputeBulkService;
import dev.arbiter.persistence.disputes.DisputeBulkService.Outcome;
import dev.arbiter.persistence.disputes.DisputeCaseService;
import dev.arbiter.persistence.disputes.DisputeCaseService.Agent;
import dev.arbiter.persistence.disputes.DisputeCommand;
import dev.arbiter.persistence.disputes.DisputeQueueService;
import dev.arbiter.persistence.disputes.DisputeSnapshot;
import dev.arbiter.persistence.disputes.PageDirection;
import dev.arbiter.persistence.disputes.QueueCursor;
import dev.arbiter.persistence.disputes.QueueFilter;
import dev.arbiter.persistence.disputes.QueuePage;
import dev.arbiter.persistence.disputes.QueueRow;
import dev.arbiter.persistence.disputes.QueueSort;
import dev.arbiter.persistence.disputes.SavedView;
import dev.arbiter.persistence.disputes.SavedViewService;
import dev.arbiter.persistence.session.CommitOutcomes;
import dev.arbiter.persistence.staff.StaffRole;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Builds the Disputes area for a signed-in support agent: services, ports over them, ViewModels.
 */
public final class DisputesArea {

  private DisputesArea() {}

  /** The area; it restores the agent's last filter and reads the queue for it. */
  public static DisputesView create(AreaContext context) {
    var db = context.database();
    var staff = context.staff();
    TaskRunner tasks = context.tasks();
    Clock clock = context.clock();
    DataAccess access = db.access();
    DisputeQueueService queueService = new DisputeQueueService(access);
    DisputeCaseService cases = new DisputeCaseService(access, staff.has(StaffRole.ADMIN));
    // The data access starts Hibernate on first use, which takes a few seconds: the view's first
    // task, listing the support agents, does it off the FX thread before the agent's first action.
    DisputeActionService actions = new DisputeActionService(access, staff, clock);
    DisputeQueueViewModel queue =
        new DisputeQueueViewModel(queue(queueService), tasks, clock, context.locale());
    CommandRunner commands =
        new CommandRunner(
            tasks,
            tasks::schedule,
            context.live().onlineProperty(),
            new CommitOutcomes(db.access())::committed);
    DisputeCaseViewModel caseModel =
        new DisputeCaseViewModel(
            cases::load,
            actions::execute,
            tasks,
            commands,
            clock,
            context.zone(),
            staff.login(),
            id -> queue.refreshRows(List.of(id)));
    DisputeBulkService bulk = new DisputeBulkService(actions, queueService);
    QueueActionsViewModel toolbar =
        new QueueActionsViewModel(
            queueActions(new SavedViewService(db.access()), bulk),
            queue,
            tasks,
            commands,
            staff.login());
    return new DisputesView(
        queue, toolbar, caseModel, files(cases), tasks, context.locale(), context.live());
  }

  private static DisputeQueueViewModel.Port queue(DisputeQueueService service) {
    return new DisputeQueueViewModel.Port() {
      @Override
      public QueuePage page(
          QueueFilter filter,
          QueueSort sort,
          QueueCursor cursor,
          PageDirection direction,
          int limit) {
        return service.page(filter, sort, cursor, direction, limit);
      }

      @Override
      public long count(QueueFilter filter, int cap) {
        return service.count(filter, cap);
      }

      @Override
      public List<QueueRow> rows(List<Long> ids, QueueSort sort) {
        return service.rows(ids, sort);
      }

      @Override
      public List<QueueRow> matching(List<Long> ids, QueueFilter filter, QueueSort sort) {
        return service.matchingRows(ids, filter, sort);
      }
    };
  }

  /** The toolbar's port over the saved views and the bulk actions. */
  static QueueActionsViewModel.Port queueActions(SavedViewService views, DisputeBulkService bulk) {
    return new QueueActionsViewModel.Port() {
      @Override
      public SavedView lastView() {
        return views.last();
      }

      @Override
      public List<SavedView> savedViews() {
        return views.list();
      }

      @Override
      public long saveView(String name, boolean shared, QueueFilter filter, QueueSort sort) {
        return views.save(name, shared, filter, sort);
      }

      @Override
      public void saveLast(QueueFilter filter, QueueSort sort) {
        views.saveLast(filter, sort);
      }

      @Override
      public List<DisputeSnapshot> matching(QueueFilter filter) {
        return bulk.matching(filter);
      }

      @Override
      public List<Outcome> apply(
          List<DisputeSnapshot> targets,
          String batchKey,
          BiFunction<DisputeSnapshot, String, DisputeCommand> command) {
        return bulk.apply(targets, batchKey, command);
      }
    };
  }

  private static DisputesView.Port files(DisputeCaseService cases) {
    return new DisputesView.Port() {
      @Override
      public List<Agent> supportAgents() {
        return cases.supportAgents();
      }

      @Override
      public Optional<byte[]> evidenceContent(long evidenceId) {
        return cases.evidenceContent(evidenceId);
      }
    };
  }
}
