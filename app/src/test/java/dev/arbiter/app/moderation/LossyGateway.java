package dev.arbiter.app.moderation;

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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The real gateway, except that a decision's connection can drop: before the server saw it, or
 * after it committed (the answer is lost), as the driver reports a broken connection (08006).
 */
final class LossyGateway implements ModerationGateway {

  private final ModerationGateway real;
  volatile boolean loseBeforeCommit;
  volatile boolean loseAfterCommit;

  /** The request key of every decision sent, in order. */
  final List<String> sent = new CopyOnWriteArrayList<>();

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
    real.undo(decisionId);
  }

  @Override
  public List<DecisionEntry> recentDecisions(int limit) {
    return real.recentDecisions(limit);
  }

  @Override
  public List<BulkResult> bulk(List<ItemKey> keys, DecisionRequest template) {
    return real.bulk(keys, template);
  }
}
