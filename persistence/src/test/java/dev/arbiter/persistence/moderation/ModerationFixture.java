package dev.arbiter.persistence.moderation;

import static dev.arbiter.persistence.contract.Fixtures.id;

import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.db.StaffLogins;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Rows for the moderation tests, written as the owner. */
public final class ModerationFixture {

  public static final String SECOND_MODERATOR = "test_moderator2";

  private ModerationFixture() {}

  /** A second moderator login (password {@code demo}) with its staff account. */
  public static void secondModerator(TestDatabase db) throws SQLException {
    try (Connection owner = db.migrator()) {
      StaffLogins.ensureLogin(owner, SECOND_MODERATOR, "demo", List.of("arbiter_moderator"));
      id(
          owner,
          "INSERT INTO staff_accounts (login_role, display_name, email) VALUES (?, 'Max Moderator',"
              + " 'max@arbiter.example') ON CONFLICT (login_role) DO UPDATE SET email = EXCLUDED.email",
          SECOND_MODERATOR);
    }
  }

  public static long user(Connection owner) throws SQLException {
    return Fixtures.user(owner, "client");
  }

  /** A dispute message written by {@code author} on a fresh contract and dispute. */
  public static long message(Connection owner, long author, String body) throws SQLException {
    long other = Fixtures.user(owner, "freelancer");
    long contract = Fixtures.contract(owner, author, other);
    long dispute = Fixtures.dispute(owner, contract, author);
    return id(
        owner,
        "INSERT INTO dispute_messages (dispute_id, author_user_id, visibility, body)"
            + " VALUES (?, ?, 'parties', ?)",
        dispute,
        author,
        body);
  }

  /** An open flag. */
  public static long flag(
      Connection c, String type, long entity, long reporter, String reason, String severity)
      throws SQLException {
    return id(
        c,
        "INSERT INTO moderation_flags (entity_type, entity_id, reporter_id, reason, severity,"
            + " details) VALUES (?, ?, ?, ?, ?, 'seen in the thread')",
        type,
        entity,
        reporter,
        reason,
        severity);
  }

  /** A flag on a dispute message, as the marketplace backend raises it. */
  public record BackendFlag(long message, long reporter, String reason, String severity) {}

  /**
   * Raises {@code flags} as the marketplace backend's trust-and-safety bot does: as {@code
   * demo_backend}, with its actor set, committed together.
   */
  public static void raiseAsBackend(TestDatabase db, BackendFlag... flags) throws SQLException {
    try (Connection backend = db.as("demo_backend")) {
      backend.setAutoCommit(false);
      exec(backend, "SET LOCAL arbiter.actor = 'svc:trust-safety-bot'");
      for (BackendFlag f : flags) {
        flag(backend, "dispute_message", f.message(), f.reporter(), f.reason(), f.severity());
      }
      backend.commit();
    }
  }

  /** A flag decided in the past ({@code actioned} or {@code dismissed}), inserted as history. */
  public static long decidedFlag(Connection owner, long reporter, String status)
      throws SQLException {
    long target = Fixtures.user(owner, "client");
    return id(
        owner,
        "INSERT INTO moderation_flags (entity_type, entity_id, reporter_id, reason, severity,"
            + " status, decision, decided_by, decided_at)"
            + " VALUES ('user', ?, ?, 'spam', 'low', ?, ?, 'demo_moderator', now() - interval '9 days')",
        target,
        reporter,
        status,
        status.equals("actioned") ? "warn_user" : "dismiss");
  }

  public static String text(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  public static long count(Connection c, String sql, Object... params) throws SQLException {
    return Long.parseLong(text(c, sql, params));
  }

  public static void exec(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      ps.execute();
    }
  }
}
