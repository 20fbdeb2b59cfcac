package dev.arbiter.app.moderation;

import dev.arbiter.persistence.moderation.BulkItem;
import dev.arbiter.persistence.moderation.BulkResult;
import dev.arbiter.persistence.moderation.DecisionEntry;
import dev.arbiter.persistence.moderation.DecisionRequest;
import dev.arbiter.persistence.moderation.ItemDetail;
import dev.arbiter.persistence.moderation.ItemKey;
import dev.arbiter.persistence.moderation.QueueFilter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the moderation views need from the database, in one port: the area ({@link
 * ModerationArea#gateway}) wires it to the persistence services, ViewModel tests to an in-memory
 * queue. Every call blocks, so ViewModels only make them through their task runner.
 */
public interface ModerationGateway extends ModerationQueueViewModel.Port {

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
}
