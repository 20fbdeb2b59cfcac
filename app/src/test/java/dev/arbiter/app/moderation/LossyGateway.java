package dev.arbiter.app.moderation;

import dev.arbiter.persistence.moderation.BulkItem;
import dev.arbiter.persistence.moderation.BulkResult;
import dev.arbiter.persistence.moderation.DecisionEntry;
import dev.arbiter.persistence.moderation.DecisionRequest;
import dev.arbiter.persistence.moderation.ItemDetail;
import dev.arbiter.persistence.moderation.ItemKey;
import dev.arbiter.persistence.moderation.QueueCursor;
import dev.arbiter.persistence.moderation.QueueFilter;
import dev.arbiter.persistence.moderation.QueuePage;
import dev.arbiter.persistence.moderation.QueueSort;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The real gateway, except that a decision's or an undo's connection can drop: before the server
 * saw it, or after it committed (the answer is lost), as the driver reports a broken connection
 * (08006).
 */
final class LossyGateway implements ModerationGateway {

  private final ModerationGateway real;
  volatile boolean loseBeforeCommit;
  volatile boolean loseAfterCommit;

  /** The request key of every decision sent, in order. */
  final List<String> sent = new CopyOnWriteArrayList<>();

  /** The decision id of every undo sent, in order. */
  final List<Long> undos = new CopyOnWriteArrayList<>();

  LossyGateway(ModerationGateway real) {
    this.real = real;
  }

  private static RuntimeException lost() {
    return new IllegalStateException(
        "Could not decide", new SQLException("An I/O error occurred while sending", "08006"));
  }

  @Override
  public long decide(DecisionRequest request, List<Long> seenOpenFlags, String requestKey) {
    sent.add(requestKey);
    if (loseBeforeCommit) {
      throw lost();
    }
    long id = real.decide(request, seenOpenFlags, requestKey);
    if (loseAfterCommit) {
      throw lost();
    }
    return id;
  }

  @Override
  public boolean committed(String requestKey) throws Exception {
    return real.committed(requestKey);
  }

  @Override
  public long decide(DecisionRequest request) {
    return real.decide(request);
  }

  @Override
  public QueuePage page(QueueFilter filter, QueueSort sort, QueueCursor cursor, int limit) {
    return real.page(filter, sort, cursor, limit);
  }

  @Override
  public long count(QueueFilter filter) {
    return real.count(filter);
  }

  @Override
  public List<ItemKey> keys(QueueFilter filter, int max) {
    return real.keys(filter, max);
  }

  @Override
  public ItemDetail load(ItemKey key) {
    return real.load(key);
  }

  @Override
  public Instant claim(ItemKey key) {
    return real.claim(key);
  }

  @Override
  public void release(ItemKey key) {
    real.release(key);
  }

  @Override
  public void undo(long decisionId) {
    undos.add(decisionId);
    if (loseBeforeCommit) {
      throw lost();
    }
    real.undo(decisionId);
    if (loseAfterCommit) {
      throw lost();
    }
  }

  @Override
  public Optional<DecisionEntry> decision(long decisionId) {
    return real.decision(decisionId);
  }

  @Override
  public List<DecisionEntry> recentDecisions(int limit) {
    return real.recentDecisions(limit);
  }

  /**
   * The connection drops while the bulk item this many items from now (0: the next) is sent; -1:
   * never. The items after it in the same call are not sent.
   */
  volatile int loseBulkAt = -1;

  /** Whether the item in flight at that loss commits first (its answer is lost) or not. */
  volatile boolean bulkLossAfterCommit;

  /** Runs (on the worker) when that loss happens, e.g. to take the console offline. */
  volatile Runnable whenBulkLost = () -> {};

  /** Every bulk item sent, with its request key, in order. */
  final List<BulkItem> bulkSent = new CopyOnWriteArrayList<>();

  // The items before the loss go to the database for real; the item in flight reaches it only when
  // the loss comes after its commit; the rest never do, as ModerationBulkService reports it.
  @Override
  public List<BulkResult> bulk(List<BulkItem> items, DecisionRequest template) {
    List<BulkResult> results = new ArrayList<>();
    boolean lost = false;
    for (BulkItem item : items) {
      if (lost) {
        results.add(BulkResult.notSent(item));
        continue;
      }
      bulkSent.add(item);
      boolean inFlight = loseBulkAt == 0;
      loseBulkAt = loseBulkAt > 0 ? loseBulkAt - 1 : -1;
      if (!inFlight) {
        results.addAll(real.bulk(List.of(item), template));
        continue;
      }
      lost = true;
      whenBulkLost.run();
      if (bulkLossAfterCommit) {
        real.bulk(List.of(item), template);
      }
      results.add(BulkResult.unknown(item));
    }
    return results;
  }
}
