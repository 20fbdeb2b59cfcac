package dev.arbiter.persistence.moderation;

import dev.arbiter.persistence.session.StaffDatabase;
import dev.arbiter.persistence.session.StaffDatabaseException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Applies one decision to many items. Each item is claimed and decided in its own transaction, so
 * an item another moderator holds is refused and reported while the others go through.
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
   * Claims and decides every item in {@code keys} with {@code template}'s decision.
   *
   * @return one result per item, in order
   * @throws StaffDatabaseException when the connection itself fails
   */
  public List<BulkResult> apply(List<ItemKey> keys, DecisionRequest template) {
    List<BulkResult> results = new ArrayList<>(keys.size());
    try (Connection c = dataSource.getConnection()) {
      for (ItemKey key : keys) {
        results.add(one(c, template.forItem(key)));
      }
    } catch (SQLException e) {
      throw new StaffDatabaseException("Could not run the bulk action", e);
    }
    Rescoring.catchUp(dataSource);
    return results;
  }

  private static BulkResult one(Connection c, DecisionRequest request) throws SQLException {
    try {
      long id =
          FunctionCall.inTransaction(
              c,
              "moderation bulk " + request.decision().dbValue() + " " + request.key().label(),
              // The claim sits in a FROM subquery, so it runs before the decision reads it.
              "SELECT moderation_decide(?, ?, ?, ?, ?, CAST(? AS interval))"
                  + " FROM (SELECT moderation_claim(?, ?) AS claimed_until) claim",
              ps -> {
                ModerationDecisionService.bindDecision(ps, request);
                ps.setString(7, request.key().type().dbValue());
                ps.setLong(8, request.key().id());
              },
              ModerationBulkService::decisionId);
      return new BulkResult(request.key(), id, null);
    } catch (SQLException e) {
      ModerationRefusal refusal = ModerationRefusal.from(e);
      if (refusal == null) {
        throw e;
      }
      return new BulkResult(request.key(), null, refusal.getMessage());
    }
  }

  private static Long decisionId(ResultSet rs) throws SQLException {
    return rs.getLong(1);
  }
}
