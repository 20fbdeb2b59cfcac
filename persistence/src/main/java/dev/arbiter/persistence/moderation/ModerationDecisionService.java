package dev.arbiter.persistence.moderation;

import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.access.DataAccess.Audited;
import dev.arbiter.persistence.access.RowMapper;
import dev.arbiter.persistence.access.Sql;
import dev.arbiter.persistence.session.StaffDatabaseException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Claims, decisions and undo, each one call of a moderation function (V51) in its own audited
 * write. The functions check the role, the claim and the undo window; refusals come back as {@link
 * ModerationRefusal}.
 */
public final class ModerationDecisionService {

  // moderation_decide_seen's arguments after the item: seen flags, decision, reason, note,
  // duration.
  private static final String SEEN_ARGUMENTS =
      "?, ?, CAST(? AS bigint[]), ?, ?, CAST(? AS text), CAST(? AS interval)";

  private final DataAccess access;

  public ModerationDecisionService(DataAccess access) {
    this.access = access;
  }

  /**
   * Claims the item for the signed-in moderator and returns when the claim lapses.
   *
   * @throws ModerationRefusal when another moderator holds it or nothing is open
   */
  public Instant claim(ItemKey key) {
    return call(
        "moderation claim " + key.label(),
        "SELECT moderation_claim(?, ?) AS until",
        row -> row.instant("until"),
        key.type().dbValue(),
        key.id());
  }

  /** Gives the signed-in moderator's claim on the item back. */
  public void release(ItemKey key) {
    call(
        "moderation release " + key.label(),
        "SELECT 1 AS done FROM moderation_release(?, ?)",
        row -> Boolean.TRUE,
        key.type().dbValue(),
        key.id());
  }

  /**
   * Decides a claimed item, closing all its open flags, and returns the decision's id.
   *
   * @throws ModerationRefusal when the item is not claimed by the caller, claimed by someone else,
   *     or the decision does not apply to it
   */
  public long decide(DecisionRequest request) {
    return decided(
        request,
        "SELECT moderation_decide(?, ?, ?, ?, CAST(? AS text), CAST(? AS interval)) AS id",
        arguments(request));
  }

  /**
   * Decides a claimed item on the open flags the moderator saw: refused with {@link
   * ModerationRefusal.Kind#CHANGED_SINCE_SEEN} when the item's open flags are not exactly {@code
   * seenOpenFlags} any more (a flag arrived, or a colleague decided some), so nobody closes flags
   * they never read.
   */
  public long decide(DecisionRequest request, List<Long> seenOpenFlags) {
    return decided(
        request,
        "SELECT moderation_decide_seen(" + SEEN_ARGUMENTS + ") AS id",
        seenArguments(request, seenOpenFlags));
  }

  /**
   * Like {@link #decide(DecisionRequest, List)}, under a request key recorded with the decision in
   * its transaction (V81). Sending the same key again, after a lost answer or twice, returns the
   * first decision's id and changes nothing; the same key from another login or for another
   * decision is refused ({@link ModerationRefusal.Kind#REQUEST_KEY_REUSED}). Make one key per
   * decision the moderator takes ({@link #newRequestKey()}), and keep it for its retries.
   */
  public long decide(DecisionRequest request, List<Long> seenOpenFlags, String requestKey) {
    return decided(
        request,
        "SELECT moderation_decide_keyed(?, " + SEEN_ARGUMENTS + ") AS id",
        prepend(requestKey, seenArguments(request, seenOpenFlags)));
  }

  /**
   * A fresh request key for one decision, e.g. {@code mod-1b4e28ba-2fa1-11d2-883f-0016d3cca427}.
   */
  public static String newRequestKey() {
    return "mod-" + UUID.randomUUID();
  }

  /** The arguments of {@code moderation_decide} (and of the bulk function after its key). */
  static Object[] arguments(DecisionRequest request) {
    return new Object[] {
      request.key().type().dbValue(),
      request.key().id(),
      request.decision().dbValue(),
      request.reason().dbValue(),
      request.note(),
      request.suspendFor() == null ? null : request.suspendFor().toString()
    };
  }

  private static Object[] seenArguments(DecisionRequest request, List<Long> seen) {
    return new Object[] {
      request.key().type().dbValue(),
      request.key().id(),
      seen.toArray(Long[]::new),
      request.decision().dbValue(),
      request.reason().dbValue(),
      request.note(),
      request.suspendFor() == null ? null : request.suspendFor().toString()
    };
  }

  static Object[] prepend(Object first, Object[] rest) {
    Object[] all = new Object[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  static String command(DecisionRequest request) {
    return "moderation " + request.decision().dbValue() + " " + request.key().label();
  }

  private long decided(DecisionRequest request, String sql, Object[] arguments) {
    long id = call(command(request), sql, row -> row.getLong("id"), arguments);
    Rescoring.catchUp(access);
    return id;
  }

  /**
   * Undoes a decision made today.
   *
   * @throws ModerationRefusal when it was undone already, made before today, or the user changed
   */
  public void undo(long decisionId) {
    call(
        "moderation undo " + decisionId,
        "SELECT 1 AS done FROM moderation_undo(?)",
        row -> Boolean.TRUE,
        decisionId);
    Rescoring.catchUp(access);
  }

  /**
   * Decision {@code decisionId} as it is now, e.g. to tell whether an undo whose answer was lost
   * went through; empty if there is none.
   */
  public Optional<DecisionEntry> decision(long decisionId) {
    return decisions(" WHERE d.id = ?", decisionId).stream().findFirst();
  }

  /** The latest decisions, newest first (the log with undo). */
  public List<DecisionEntry> recentDecisions(int limit) {
    return decisions(" ORDER BY d.decided_at DESC, d.id DESC LIMIT ?", limit);
  }

  /** Every decision on one item, newest first. */
  public List<DecisionEntry> decisionsOn(ItemKey key) {
    return decisions(DecisionLog.ON_ITEM, key.type().dbValue(), key.id());
  }

  private List<DecisionEntry> decisions(String tail, Object... params) {
    return StaffDatabaseException.wrap(
        "Could not load the decision log",
        () -> access.read(session -> DecisionLog.read(session, tail, params)));
  }

  private <T> T call(String command, String sql, RowMapper<T> mapper, Object... params) {
    try {
      return access.write(Audited.as(command), session -> Sql.one(session, sql, mapper, params));
    } catch (SQLException e) {
      ModerationRefusal refusal = ModerationRefusal.from(e);
      if (refusal != null) {
        throw refusal;
      }
      throw new StaffDatabaseException("Could not " + command, e);
    }
  }
}
