package dev.arbiter.persistence.moderation;

import dev.arbiter.persistence.session.StaffDatabase;
import dev.arbiter.persistence.session.StaffDatabaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Claims, decisions and undo, each one call of a moderation function (V51) in its own transaction.
 * The functions check the role, the claim and the undo window; refusals come back as {@link
 * ModerationRefusal}.
 */
public final class ModerationDecisionService {

  private final DataSource dataSource;

  public ModerationDecisionService(StaffDatabase database) {
    this(database.dataSource());
  }

  public ModerationDecisionService(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Claims the item for the signed-in moderator and returns when the claim lapses.
   *
   * @throws ModerationRefusal when another moderator holds it or nothing is open
   */
  public Instant claim(ItemKey key) {
    return call(
        "moderation claim " + key.label(),
        "SELECT moderation_claim(?, ?)",
        ps -> {
          ps.setString(1, key.type().dbValue());
          ps.setLong(2, key.id());
        },
        rs -> rs.getTimestamp(1).toInstant());
  }

  /** Gives the signed-in moderator's claim on the item back. */
  public void release(ItemKey key) {
    call(
        "moderation release " + key.label(),
        "SELECT moderation_release(?, ?)",
        ps -> {
          ps.setString(1, key.type().dbValue());
          ps.setLong(2, key.id());
        },
        rs -> null);
  }

  /**
   * Decides a claimed item, closing all its open flags, and returns the decision's id.
   *
   * @throws ModerationRefusal when the item is not claimed by the caller, claimed by someone else,
   *     or the decision does not apply to it
   */
  public long decide(DecisionRequest request) {
    long id =
        call(
            "moderation " + request.decision().dbValue() + " " + request.key().label(),
            "SELECT moderation_decide(?, ?, ?, ?, ?, CAST(? AS interval))",
            ps -> bindDecision(ps, 1, request),
            rs -> rs.getLong(1));
    Rescoring.catchUp(dataSource);
    return id;
  }

  /**
   * Decides a claimed item on the open flags the moderator saw: refused with {@link
   * ModerationRefusal.Kind#CHANGED_SINCE_SEEN} when the item's open flags are not exactly {@code
   * seenOpenFlags} any more (a flag arrived, or a colleague decided some), so nobody closes flags
   * they never read.
   */
  public long decide(DecisionRequest request, List<Long> seenOpenFlags) {
    long id =
        call(
            "moderation " + request.decision().dbValue() + " " + request.key().label(),
            "SELECT moderation_decide_seen(?, ?, ?, ?, ?, ?, CAST(? AS interval))",
            ps -> bindSeen(ps, 1, request, seenOpenFlags),
            rs -> rs.getLong(1));
    Rescoring.catchUp(dataSource);
    return id;
  }

  /**
   * Like {@link #decide(DecisionRequest, List)}, under a request key recorded with the decision in
   * its transaction (V81). Sending the same key again, after a lost answer or twice, returns the
   * first decision's id and changes nothing; the same key from another login or for another
   * decision is refused ({@link ModerationRefusal.Kind#REQUEST_KEY_REUSED}). Make one key per
   * decision the moderator takes ({@link #newRequestKey()}), and keep it for its retries.
   */
  public long decide(DecisionRequest request, List<Long> seenOpenFlags, String requestKey) {
    long id =
        call(
            "moderation " + request.decision().dbValue() + " " + request.key().label(),
            "SELECT moderation_decide_keyed(?, ?, ?, ?, ?, ?, ?, CAST(? AS interval))",
            ps -> {
              ps.setString(1, requestKey);
              bindSeen(ps, 2, request, seenOpenFlags);
            },
            rs -> rs.getLong(1));
    Rescoring.catchUp(dataSource);
    return id;
  }

  /**
   * A fresh request key for one decision, e.g. {@code mod-1b4e28ba-2fa1-11d2-883f-0016d3cca427}.
   */
  public static String newRequestKey() {
    return "mod-" + UUID.randomUUID();
  }

  // The arguments of moderation_decide_seen from parameter {@code first} on.
  private static void bindSeen(
      PreparedStatement ps, int first, DecisionRequest request, List<Long> seen)
      throws SQLException {
    ps.setString(first, request.key().type().dbValue());
    ps.setLong(first + 1, request.key().id());
    ps.setArray(first + 2, ps.getConnection().createArrayOf("bigint", seen.toArray()));
    ps.setString(first + 3, request.decision().dbValue());
    ps.setString(first + 4, request.reason().dbValue());
    ps.setString(first + 5, request.note());
    ps.setString(first + 6, request.suspendFor() == null ? null : request.suspendFor().toString());
  }

  // The arguments of moderation_decide from parameter {@code first} on.
  static void bindDecision(PreparedStatement ps, int first, DecisionRequest request)
      throws SQLException {
    ps.setString(first, request.key().type().dbValue());
    ps.setLong(first + 1, request.key().id());
    ps.setString(first + 2, request.decision().dbValue());
    ps.setString(first + 3, request.reason().dbValue());
    ps.setString(first + 4, request.note());
    ps.setString(first + 5, request.suspendFor() == null ? null : request.suspendFor().toString());
  }

  /**
   * Undoes a decision made today.
   *
   * @throws ModerationRefusal when it was undone already, made before today, or the user changed
   */
  public void undo(long decisionId) {
    call(
        "moderation undo " + decisionId,
        "SELECT moderation_undo(?)",
        ps -> ps.setLong(1, decisionId),
        rs -> null);
    Rescoring.catchUp(dataSource);
  }

  /**
   * Decision {@code decisionId} as it is now, e.g. to tell whether an undo whose answer was lost
   * went through; empty if there is none.
   */
  public Optional<DecisionEntry> decision(long decisionId) {
    return decisions(" WHERE d.id = ?", ps -> ps.setLong(1, decisionId)).stream().findFirst();
  }

  /** The latest decisions, newest first (the log with undo). */
  public List<DecisionEntry> recentDecisions(int limit) {
    return decisions(" ORDER BY d.decided_at DESC, d.id DESC LIMIT ?", ps -> ps.setInt(1, limit));
  }

  /** Every decision on one item, newest first. */
  public List<DecisionEntry> decisionsOn(ItemKey key) {
    return decisions(
        " WHERE d.entity_type = ? AND d.entity_id = ? ORDER BY d.decided_at DESC, d.id DESC",
        ps -> {
          ps.setString(1, key.type().dbValue());
          ps.setLong(2, key.id());
        });
  }

  private List<DecisionEntry> decisions(String tail, Binder binder) {
    try (Connection c = dataSource.getConnection()) {
      return DecisionLog.read(c, tail, binder);
    } catch (SQLException e) {
      throw new StaffDatabaseException("Could not load the decision log", e);
    }
  }

  /** Statement parameters. */
  @FunctionalInterface
  interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  /** Reads the function's result. */
  @FunctionalInterface
  interface Reader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private <T> T call(String command, String sql, Binder binder, Reader<T> reader) {
    try (Connection c = dataSource.getConnection()) {
      return FunctionCall.inTransaction(c, command, sql, binder, reader);
    } catch (SQLException e) {
      ModerationRefusal refusal = ModerationRefusal.from(e);
      if (refusal != null) {
        throw refusal;
      }
      throw new StaffDatabaseException("Could not " + command, e);
    }
  }
}
