package dev.arbiter.app.moderation;

import dev.arbiter.model.moderation.FlagStatus;
import dev.arbiter.model.moderation.FlaggedEntityType;
import dev.arbiter.model.moderation.Severity;
import dev.arbiter.persistence.moderation.BulkItem;
import dev.arbiter.persistence.moderation.BulkResult;
import dev.arbiter.persistence.moderation.DecisionEntry;
import dev.arbiter.persistence.moderation.DecisionRequest;
import dev.arbiter.persistence.moderation.ItemDetail;
import dev.arbiter.persistence.moderation.ItemKey;
import dev.arbiter.persistence.moderation.ModerationRefusal;
import dev.arbiter.persistence.moderation.QueueCursor;
import dev.arbiter.persistence.moderation.QueueFilter;
import dev.arbiter.persistence.moderation.QueuePage;
import dev.arbiter.persistence.moderation.QueueRow;
import dev.arbiter.persistence.moderation.QueueSort;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory queue for ViewModel tests: open items in id order, claims by login. */
final class FakeGateway implements ModerationGateway {

  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  final List<QueueRow> open = new ArrayList<>();
  final Map<ItemKey, String> claims = new HashMap<>();
  final List<DecisionRequest> decided = new ArrayList<>();
  final List<QueueFilter> filters = new ArrayList<>();
  private final String me;

  FakeGateway(String me, int items) {
    this.me = me;
    for (int i = 1; i <= items; i++) {
      open.add(row(new ItemKey(FlaggedEntityType.DISPUTE_MESSAGE, i), null));
    }
  }

  static QueueRow row(ItemKey key, String claimant) {
    return new QueueRow(
        key.id(),
        key,
        "message " + key.id(),
        2,
        2,
        Severity.HIGH,
        List.of("spam"),
        NOW.minusSeconds(3600),
        NOW,
        FlagStatus.OPEN,
        claimant,
        claimant == null ? null : NOW.plusSeconds(1800),
        BigDecimal.valueOf(31));
  }

  private List<QueueRow> current() {
    return open.stream().map(r -> row(r.key(), claims.get(r.key()))).toList();
  }

  @Override
  public QueuePage page(QueueFilter filter, QueueSort sort, QueueCursor cursor, int limit) {
    filters.add(filter);
    List<QueueRow> rows = current();
    int from = 0;
    while (cursor != null && from < rows.size() && rows.get(from).rowId() <= cursor.id()) {
      from++;
    }
    List<QueueRow> page = rows.subList(from, Math.min(rows.size(), from + limit));
    boolean more = from + limit < rows.size();
    return new QueuePage(
        page, more ? new QueueCursor("x", page.get(page.size() - 1).rowId()) : null);
  }

  @Override
  public long count(QueueFilter filter) {
    return open.size();
  }

  @Override
  public List<ItemKey> keys(QueueFilter filter, int max) {
    return open.stream().limit(max).map(QueueRow::key).toList();
  }

  @Override
  public ItemDetail load(ItemKey key) {
    return new ItemDetail(
        key,
        "message " + key.id(),
        List.of(),
        false,
        List.of(),
        new ItemDetail.AuthorHistory(null, null, null, null, List.of(), List.of()),
        List.of(),
        List.of());
  }

  @Override
  public Instant claim(ItemKey key) {
    String holder = claims.get(key);
    if (holder != null && !holder.equals(me)) {
      throw new ModerationRefusal(
          ModerationRefusal.Kind.CLAIMED_BY_OTHER, "claimed by " + holder, holder, null);
    }
    claims.put(key, me);
    return NOW.plusSeconds(1800);
  }

  @Override
  public void release(ItemKey key) {
    claims.remove(key);
  }

  @Override
  public long decide(DecisionRequest request) {
    decided.add(request);
    open.removeIf(r -> r.key().equals(request.key()));
    return decided.size();
  }

  /** Decision ids by request key, as the database records them (V81). */
  final Map<String, Long> keys = new HashMap<>();

  /** The request key of every keyed decision sent, in order. */
  final List<String> sent = new ArrayList<>();

  /** The next keyed decision loses its connection before it is saved. */
  boolean loseBeforeSaving;

  /** The next keyed decision is saved, then its answer is lost with the connection. */
  boolean loseAfterSaving;

  @Override
  public long decide(DecisionRequest request, List<Long> seenOpenFlags, String requestKey) {
    sent.add(requestKey);
    if (loseBeforeSaving) {
      loseBeforeSaving = false;
      throw connectionLost();
    }
    // The fake's items show no flags, so there is nothing to compare. A key sent again replays.
    Long first = keys.get(requestKey);
    long id = first != null ? first : decide(request);
    keys.put(requestKey, id);
    if (loseAfterSaving) {
      loseAfterSaving = false;
      throw connectionLost();
    }
    return id;
  }

  private static RuntimeException connectionLost() {
    return new IllegalStateException(
        "Could not decide", new SQLException("An I/O error occurred while sending", "08006"));
  }

  /** When set, looking a request key up fails so (the outcome cannot be told). */
  RuntimeException committedFailure;

  @Override
  public boolean committed(String requestKey) {
    if (committedFailure != null) {
      throw committedFailure;
    }
    return keys.containsKey(requestKey);
  }

  final List<Long> undone = new ArrayList<>();

  @Override
  public void undo(long decisionId) {
    undone.add(decisionId);
  }

  @Override
  public Optional<DecisionEntry> decision(long decisionId) {
    return recentDecisions(Integer.MAX_VALUE).stream()
        .filter(d -> d.id() == decisionId)
        .findFirst();
  }

  @Override
  public List<DecisionEntry> recentDecisions(int limit) {
    List<DecisionEntry> entries = new ArrayList<>();
    for (int i = decided.size(); i >= 1; i--) {
      DecisionRequest d = decided.get(i - 1);
      boolean isUndone = undone.contains((long) i);
      entries.add(
          new DecisionEntry(
              i,
              d.key(),
              "message",
              d.decision(),
              d.reason(),
              d.note(),
              2,
              null,
              null,
              me,
              NOW,
              isUndone ? me : null,
              isUndone ? NOW : null,
              !isUndone,
              null,
              null));
    }
    return entries;
  }

  /**
   * The connection drops while the item this many bulk items from now (0: the next) is sent; -1:
   * never. The items after it in the same call are not sent.
   */
  int loseBulkAt = -1;

  /** Whether the item in flight at that loss was saved first (its answer lost) or not. */
  boolean bulkSavedBeforeLoss;

  /** Runs when that loss happens (e.g. the console goes offline). */
  Runnable whenBulkLost = () -> {};

  /** Every bulk item sent, with its request key, in order. */
  final List<BulkItem> bulkSent = new ArrayList<>();

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
      if (inFlight) {
        lost = true;
        whenBulkLost.run();
        if (!bulkSavedBeforeLoss) {
          results.add(BulkResult.unknown(item));
          continue;
        }
      }
      Long first = keys.get(item.requestKey());
      String holder = claims.get(item.key());
      if (first == null && holder != null && !holder.equals(me)) {
        results.add(BulkResult.refused(item, "claimed by " + holder));
      } else {
        // A key sent again replays its decision, as the database does (V82).
        long id = first != null ? first : decide(template.forItem(item.key()));
        keys.put(item.requestKey(), id);
        results.add(inFlight ? BulkResult.unknown(item) : BulkResult.decided(item, id));
      }
    }
    return results;
  }
}
