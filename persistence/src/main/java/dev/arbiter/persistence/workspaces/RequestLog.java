package dev.arbiter.persistence.workspaces;

import dev.arbiter.persistence.access.Sql;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.hibernate.Session;

/**
 * The request keys of workspace actions in {@code staff_requests} (V81), read and written inside
 * the action's own transaction under the staff login: each login sees only its own keys.
 */
final class RequestLog {

  /**
   * One keyed action: its name (e.g. {@code workspace.add_note}) and a fingerprint of its
   * arguments, so that the same key with other arguments is refused rather than replayed.
   */
  record Request(String action, String fingerprint) {

    static Request of(String action, Object... args) {
      StringBuilder text = new StringBuilder(action);
      for (Object arg : args) {
        text.append('\u001f').append(arg == null ? "\\N" : arg.toString());
      }
      return new Request(action, sha256(text.toString()));
    }
  }

  /** What an action answered when it first ran: a number, and for an invite its expiry. */
  record Answer(long value, String at) {}

  /** A key's recorded request and answer. */
  record Recorded(String action, String fingerprint, Answer answer) {

    boolean same(Request request) {
      return action.equals(request.action()) && fingerprint.equals(request.fingerprint());
    }
  }

  private RequestLog() {}

  /** The signed-in login's record of {@code key}, if it has one. */
  static Optional<Recorded> find(Session session, String key) {
    return Sql.first(
        session,
        "SELECT action, fingerprint, coalesce((result ->> 'value')::bigint, 0) AS value, result ->> 'at' AS at"
            + " FROM staff_requests WHERE idempotency_key = ?",
        row ->
            new Recorded(
                row.text("action"),
                row.text("fingerprint"),
                new Answer(row.getLong("value"), row.text("at"))),
        key);
  }

  /**
   * The first answer to {@code request} when {@code recorded} is its record; refused when the key
   * was used for another action or other arguments.
   */
  static Answer replay(Recorded recorded, Request request, String key) throws SQLException {
    if (!recorded.same(request)) {
      throw new SQLException(
          "request key " + key + " was already used for another action (" + recorded.action() + ")",
          "22023");
    }
    return recorded.answer();
  }

  /** Records {@code key} for {@code request} with its answer, in the caller's transaction. */
  static void record(Session session, String key, Request request, Answer answer) {
    Sql.update(
        session,
        "INSERT INTO staff_requests (idempotency_key, action, fingerprint, result)"
            + " VALUES (?, ?, ?, jsonb_strip_nulls(jsonb_build_object('value', CAST(? AS bigint),"
            + " 'at', CAST(? AS text))))",
        key,
        request.action(),
        request.fingerprint(),
        answer.value(),
        answer.at());
  }

  static String sha256(String text) {
    Objects.requireNonNull(text);
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
