package dev.arbiter.app.moderation;

import dev.arbiter.persistence.live.CommitOutcomes;
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
import dev.arbiter.persistence.session.StaffDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the moderation views need from the database, in one port: the console wires it to the
 * persistence services, ViewModel tests to an in-memory queue. Every call blocks, so ViewModels
 * only make them through their task runner.
 */
public interface ModerationGateway {

  QueuePage page(QueueFilter filter, QueueSort sort, QueueCursor cursor, int limit);

  long count(QueueFilter filter);

  List<ItemKey> keys(QueueFilter filter, int max);

  ItemDetail load(ItemKey key);

  Instant claim(ItemKey key);

  void release(ItemKey key);

  long decide(DecisionRequest request);

  /**
   * Decides on exactly the open flags {@code seenOpenFlags}; refused ({@code CHANGED_SINCE_SEEN})
   * when the item's open flags differ now. The decision is recorded under {@code requestKey}: sent
   * again under the same key it answers the first decision's id and does nothing else.
   */
  long decide(DecisionRequest request, List<Long> seenOpenFlags, String requestKey);

  /**
   * Whether the decision sent under {@code requestKey} was committed, for when its answer was lost;
   * throws while the database cannot be reached.
   */
  boolean committed(String requestKey) throws Exception;

  void undo(long decisionId);

  /** Decision {@code decisionId} as it is now; empty if there is none. */
  Optional<DecisionEntry> decision(long decisionId);

  List<DecisionEntry> recentDecisions(int limit);

  /**
   * Decides every item with {@code template}'s decision, each under its own request key. A lost
   * connection does not throw: the item in flight comes back unknown and the rest not sent.
   */
  List<BulkResult> bulk(List<BulkItem> items, DecisionRequest template);

  /** The gateway over the persistence services of one staff session. */
  static ModerationGateway of(StaffDatabase database) {
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
