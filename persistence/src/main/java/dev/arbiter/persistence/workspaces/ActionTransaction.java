package dev.arbiter.persistence.workspaces;

import dev.arbiter.persistence.workspaces.RequestLog.Answer;
import dev.arbiter.persistence.workspaces.RequestLog.Recorded;
import dev.arbiter.persistence.workspaces.RequestLog.Request;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * One workspace action in its own transaction, named in the audit log's command and, when a request
 * key is given, recorded under that key in the same transaction (V81). A request already recorded
 * under its key is answered from the record and not run again.
 */
final class ActionTransaction {

  /** Work on a connection inside the action's transaction. */
  interface Work {
    long apply(Connection c) throws SQLException;
  }

  private final DataSource dataSource;
  private final String requestKey;

  /**
   * @param requestKey the key the action is recorded under, or null for an action without one
   */
  ActionTransaction(DataSource dataSource, String requestKey) {
    this.dataSource = dataSource;
    this.requestKey = requestKey;
  }

  /**
   * Runs {@code work} as {@code command} and answers what it returned (with {@code at}, recorded
   * alongside); refusals become {@link WorkspaceActionException} headed {@code what}.
   */
  Answer run(String what, Request request, String command, String at, Work work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement ps =
            c.prepareStatement("SELECT set_config('arbiter.command', ?, true)")) {
          ps.setString(1, command);
          ps.execute();
        }
        Optional<Recorded> prior =
            requestKey == null ? Optional.empty() : RequestLog.find(c, requestKey);
        if (prior.isPresent()) {
          Answer first = RequestLog.replay(prior.get(), request, requestKey);
          c.commit();
          return first;
        }
        Answer answer = new Answer(work.apply(c), at);
        if (requestKey != null) {
          RequestLog.record(c, requestKey, request, answer);
        }
        c.commit();
        return answer;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        Answer first = sentMeanwhile(c, request);
        if (first != null) {
          return first;
        }
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new WorkspaceActionException(what, e);
    }
  }

  // Another send of this very request may have committed while this one ran (a double click, a
  // retry racing a late commit): its key then refuses this one's record, or its change makes this
  // one stale. This send is then that request's replay, not a failure.
  private Answer sentMeanwhile(Connection c, Request request) {
    if (requestKey == null) {
      return null;
    }
    try {
      Optional<Recorded> prior = RequestLog.find(c, requestKey);
      c.commit();
      return prior.filter(r -> r.same(request)).map(Recorded::answer).orElse(null);
    } catch (SQLException e) {
      return null;
    }
  }

  /** Runs a query and returns the first column of its one row as a number. */
  static long call(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, args);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      ps.setObject(i + 1, args[i]);
    }
    return ps;
  }
}
