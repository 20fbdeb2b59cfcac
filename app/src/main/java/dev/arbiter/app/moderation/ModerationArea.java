package dev.arbiter.app.moderation;

import dev.arbiter.app.common.AreaContext;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.app.common.command.CommandRunner;
import dev.arbiter.persistence.moderation.BulkItem;
import dev.arbiter.persistence.moderation.BulkResult;
import dev.arbiter.persistence.moderation.DecisionEntry;
import dev.arbiter.persistence.moderation.DecisionRequest;
import dev.arbiter.persistence.moderation.ItemDetail;
import dev.arbiter.persistence.moderation.ItemKey;
import dev.arbiter.persistence.moderation.ModerationBulkService;
import dev.arbiter.persistence.moderation.ModerationDecisionService;
import dev.arbiter.persistence.moderation.ModerationItemService;
import dev.arbiter.persistence.moderation.ModerationQueueService;
import dev.arbiter.persistence.moderation.QueueCursor;
import dev.arbiter.persistence.moderation.QueueFilter;
import dev.arbiter.persistence.moderation.QueuePage;
import dev.arbiter.persistence.moderation.QueueSort;
import dev.arbiter.persistence.session.CommitOutcomes;
import dev.arbiter.persistence.session.StaffDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Builds the Moderation area for a signed-in moderator or admin. */
public final class ModerationArea {

  private ModerationArea() {}

  /** The area with its first read started. */
  public static ModerationView create(AreaContext context) {
    ModerationGateway gateway = gateway(context.database());
    TaskRunner tasks = context.tasks();
    CommandRunner commands =
        new CommandRunner(
            tasks, tasks::schedule, context.live().onlineProperty(), gateway::committed);
    ModerationQueueViewModel queue = new ModerationQueueViewModel(gateway, tasks);
    ModerationWork work = new ModerationWork(gateway, tasks, commands, queue::refresh);
    ItemViewModel item =
        new ItemViewModel(work, context.staff().login(), context.locale(), context.zone());
    ModerationView view =
        new ModerationView(
            queue,
            item,
            new ModerationView.Dialogs(
                () -> new BulkViewModel(work), () -> new DecisionLogViewModel(work)),
            context.locale(),
            context.zone(),
            context.live());
    view.refresh();
    return view;
  }

  /** The gateway over the persistence services of one staff session. */
  public static ModerationGateway gateway(StaffDatabase database) {
    ModerationQueueService queue = new ModerationQueueService(database.access());
    ModerationItemService items = new ModerationItemService(database.access());
    ModerationDecisionService decisions = new ModerationDecisionService(database.access());
    ModerationBulkService bulk = new ModerationBulkService(database.access());
    CommitOutcomes outcomes = new CommitOutcomes(database.access());
    return new ModerationGateway() {
      @Override
      public QueuePage page(QueueFilter filter, QueueSort sort, QueueCursor cursor, int limit) {
        return queue.page(filter, sort, cursor, limit);
      }

      @Override
      public long count(QueueFilter filter) {
        return queue.count(filter);
      }

      @Override
      public List<ItemKey> keys(QueueFilter filter, int max) {
        return queue.keys(filter, max);
      }

      @Override
      public ItemDetail load(ItemKey key) {
        return items.load(key);
      }

      @Override
      public Instant claim(ItemKey key) {
        return decisions.claim(key);
      }

      @Override
      public void release(ItemKey key) {
        decisions.release(key);
      }

      @Override
      public long decide(DecisionRequest request) {
        return decisions.decide(request);
      }

      @Override
      public long decide(DecisionRequest request, List<Long> seenOpenFlags, String requestKey) {
        return decisions.decide(request, seenOpenFlags, requestKey);
      }

      @Override
      public boolean committed(String requestKey) throws Exception {
        return outcomes.committed(requestKey);
      }

      @Override
      public void undo(long decisionId) {
        decisions.undo(decisionId);
      }

      @Override
      public Optional<DecisionEntry> decision(long decisionId) {
        return decisions.decision(decisionId);
      }

      @Override
      public List<DecisionEntry> recentDecisions(int limit) {
        return decisions.recentDecisions(limit);
      }

      @Override
      public List<BulkResult> bulk(List<BulkItem> items, DecisionRequest template) {
        return bulk.apply(items, template);
      }
    };
  }
}
