package dev.arbiter.persistence.moderation;

import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.access.DataAccess.Audited;
import dev.arbiter.persistence.access.Sql;
import dev.arbiter.persistence.moderation.BulkResult.Outcome;
import dev.arbiter.persistence.session.ConnectionFailures;
import dev.arbiter.persistence.session.StaffDatabaseException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies one decision to many items. Each item is claimed and decided in its own transaction under
 * its own request key (V82), so an item another moderator holds is refused and reported while the
 * others go through, and an item sent again after a lost connection is decided once.
 */
public final class ModerationBulkService {

  private static final String DECIDE =
      "SELECT moderation_bulk_decide_keyed(?, ?, ?, ?, ?, CAST(? AS text), CAST(? AS interval))"
          + " AS id";

  private final DataAccess access;

  public ModerationBulkService(DataAccess access) {
    this.access = access;
  }

  /**
   * Claims and decides every item in {@code items} with {@code template}'s decision, each under its
   * request key. When the connection drops, the run stops and says what is known instead of
   * throwing: the items answered keep their answer, the item in flight is {@link Outcome#UNKNOWN}
   * (settle it by its key) and the rest are {@link Outcome#NOT_SENT}. Sending the unknown and
   * unsent items again under the same keys finishes the run with one decision per item.
   *
   * @return one result per item, in order
   * @throws StaffDatabaseException when no connection could be had for a reason other than a lost
   *     server (nothing was sent)
   */
  public List<BulkResult> apply(List<BulkItem> items, DecisionRequest template) {
    List<BulkResult> results = new ArrayList<>(items.size());
    for (BulkItem item : items) {
      BulkResult result = one(item, template.forItem(item.key()), results.isEmpty());
      if (result == null) {
        break;
      }
      results.add(result);
      if (result.outcome() == Outcome.UNKNOWN) {
        break;
      }
    }
    for (BulkItem item : items.subList(results.size(), items.size())) {
      results.add(BulkResult.notSent(item));
    }
    boolean cut = !results.stream().allMatch(BulkResult::answered);
    // After a lost connection the catch-up would only wait for the pool; the next decision
    // (anyone's) re-scores what is queued.
    if (!cut) {
      Rescoring.catchUp(access);
    }
    return results;
  }

  /** The item's result, or null when no connection could be had for it (nothing was sent). */
  private BulkResult one(BulkItem item, DecisionRequest request, boolean first) {
    boolean[] sent = {false};
    try {
      long id =
          access.write(
              Audited.as(
                  "moderation bulk " + request.decision().dbValue() + " " + request.key().label()),
              session -> {
                sent[0] = true;
                return Sql.one(
                    session,
                    DECIDE,
                    row -> row.getLong("id"),
                    ModerationDecisionService.prepend(
                        item.requestKey(), ModerationDecisionService.arguments(request)));
              });
      return BulkResult.decided(item, id);
    } catch (SQLException e) {
      if (!sent[0]) {
        // No connection for this item: the run stops here, and the rest count as not sent.
        if (first && !ConnectionFailures.isConnectionLost(e)) {
          throw new StaffDatabaseException("Could not run the bulk action", e);
        }
        return null;
      }
      if (ConnectionFailures.isConnectionLost(e)) {
        return BulkResult.unknown(item);
      }
      // The server answered with an error, so the item's transaction did not commit: reported on
      // the item, like a refusal, and the run goes on.
      ModerationRefusal refusal = ModerationRefusal.from(e);
      return BulkResult.refused(item, refusal != null ? refusal.getMessage() : e.getMessage());
    }
  }
}
