package dev.arbiter.persistence.moderation;

import dev.arbiter.persistence.moderation.BulkResult.Outcome;
import dev.arbiter.persistence.session.ConnectionFailures;
import dev.arbiter.persistence.session.StaffDatabase;
import dev.arbiter.persistence.session.StaffDatabaseException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Applies one decision to many items. Each item is claimed and decided in its own transaction under
 * its own request key (V82), so an item another moderator holds is refused and reported while the
 * others go through, and an item sent again after a lost connection is decided once.
 */
public final class ModerationBulkService {

  private final DataSource dataSource;

  public ModerationBulkService(StaffDatabase database) {
    this(database.dataSource());
  }

  public ModerationBulkService(DataSource dataSource) {
    this.dataSource = dataSource;
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
    try (Connection c = dataSource.getConnection()) {
      for (BulkItem item : items) {
        BulkResult result = one(c, item, template.forItem(item.key()));
        results.add(result);
        if (result.outcome() == Outcome.UNKNOWN) {
          break;
        }
      }
    } catch (SQLException e) {
      // one() answers every failure on its item, so this is getting the connection (nothing sent)
      // or giving it back (every answer is in).
      if (results.isEmpty() && !ConnectionFailures.isConnectionLost(e)) {
        throw new StaffDatabaseException("Could not run the bulk action", e);
      }
    }
    for (BulkItem item : items.subList(results.size(), items.size())) {
      results.add(BulkResult.notSent(item));
    }
    boolean cut = !results.stream().allMatch(BulkResult::answered);
    // After a lost connection the catch-up would only wait for the pool; the next decision
    // (anyone's) re-scores what is queued.
    if (!cut) {
      Rescoring.catchUp(dataSource);
    }
    return results;
  }

  private static BulkResult one(Connection c, BulkItem item, DecisionRequest request) {
    try {
      long id =
          FunctionCall.inTransaction(
              c,
              "moderation bulk " + request.decision().dbValue() + " " + request.key().label(),
              "SELECT moderation_bulk_decide_keyed(?, ?, ?, ?, ?, ?, CAST(? AS interval))",
              ps -> {
                ps.setString(1, item.requestKey());
                ModerationDecisionService.bindDecision(ps, 2, request);
              },
              rs -> rs.getLong(1));
      return BulkResult.decided(item, id);
    } catch (SQLException e) {
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
