package dev.arbiter.persistence.workspaces;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

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
  static Optional<Recorded> find(Connection c, String key) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT action, fingerprint, (result ->> 'value')::bigint, result ->> 'at'"
                + " FROM staff_requests WHERE idempotency_key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Recorded(
                rs.getString(1), rs.getString(2), new Answer(rs.getLong(3), rs.getString(4))));
      }
    }
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
  static void record(Connection c, String key, Request request, Answer answer) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO staff_requests (idempotency_key, action, fingerprint, result)"
                + " VALUES (?, ?, ?, jsonb_strip_nulls(jsonb_build_object('value', ?::bigint,"
                + " 'at', ?::text)))")) {
      ps.setString(1, key);
      ps.setString(2, request.action());
      ps.setString(3, request.fingerprint());
      ps.setLong(4, answer.value());
      ps.setString(5, answer.at());
      ps.executeUpdate();
    }
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
