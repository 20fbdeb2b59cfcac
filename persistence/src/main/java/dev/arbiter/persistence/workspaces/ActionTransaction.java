package dev.arbiter.persistence.workspaces;

import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.access.DataAccess.Audited;
import dev.arbiter.persistence.session.ConnectionFailures;
import dev.arbiter.persistence.workspaces.RequestLog.Answer;
import dev.arbiter.persistence.workspaces.RequestLog.Recorded;
import dev.arbiter.persistence.workspaces.RequestLog.Request;
import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.util.Optional;
import org.hibernate.Session;
import org.hibernate.StaleStateException;

/**
 * One workspace action in one audited write, named in the audit log's command and, when a request
 * key is given, recorded under that key in the same transaction (V81). A request already recorded
 * under its key is answered from the record and not run again.
 */
final class ActionTransaction {

  private final DataAccess access;
  private final String requestKey;

  /**
   * @param requestKey the key the action is recorded under, or null for an action without one
   */
  ActionTransaction(DataAccess access, String requestKey) {
    this.access = access;
    this.requestKey = requestKey;
  }

  /**
   * Runs {@code work} as {@code command} and answers what it returned (with {@code at}, recorded
   * alongside); refusals become {@link WorkspaceActionException} headed {@code what}.
   */
  Answer run(String what, Request request, String command, String at, DataAccess.Work<Long> work) {
    try {
      return access.write(
          Audited.as(command),
          session -> {
            Optional<Recorded> prior =
                requestKey == null ? Optional.empty() : RequestLog.find(session, requestKey);
            if (prior.isPresent()) {
              return RequestLog.replay(prior.get(), request, requestKey);
            }
            Answer answer = new Answer(work.apply(session), at);
            if (requestKey != null) {
              RequestLog.record(session, requestKey, request, answer);
            }
            return answer;
          });
    } catch (SQLException | RuntimeException e) {
      // A lost connection leaves the outcome unknown: the caller settles it by the key, and says
      // so, rather than this send passing for the one that committed.
      if (ConnectionFailures.isConnectionLost(e)) {
        throw e instanceof SQLException lost
            ? new WorkspaceActionException(what, lost)
            : (RuntimeException) e;
      }
      Answer first = sentMeanwhile(request);
      if (first != null) {
        return first;
      }
      if (e instanceof SQLException refused) {
        throw new WorkspaceActionException(what, refused);
      }
      throw (RuntimeException) e;
    }
  }

  // Another send of this very request may have committed while this one ran (a double click, a
  // retry racing a late commit): its key then refuses this one's record, or its change makes this
  // one stale. This send is then that request's replay, not a failure.
  private Answer sentMeanwhile(Request request) {
    if (requestKey == null) {
      return null;
    }
    try {
      Optional<Recorded> prior = access.read(session -> RequestLog.find(session, requestKey));
      return prior.filter(r -> r.same(request)).map(Recorded::answer).orElse(null);
    } catch (SQLException | RuntimeException e) {
      return null;
    }
  }

  /** Flushes the session's entity changes now, so that a refusal belongs to this action. */
  static void flush(Session session) throws SQLException {
    try {
      session.flush();
    } catch (OptimisticLockException | StaleStateException e) {
      for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
        if (t instanceof SQLException refused) {
          throw refused;
        }
      }
      // Hibernate's own version check found the row changed between the read and the write.
      throw new SQLException("the record changed since it was read", "40001", e);
    }
  }
}
