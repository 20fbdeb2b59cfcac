package dev.arbiter.persistence.automation;

import java.time.Duration;

/**
 * The time-driven rules the worker runs, each a database function (R__90_automation.sql) that acts
 * on its due items exactly once, however many workers call it. The interval is how often a worker
 * asks; the database decides what is due.
 */
public enum AutomationRule {
  AUTO_RELEASE(
      "auto-release", "SELECT automation_auto_release(?)::text AS result", Duration.ofSeconds(15)),
  DEADLINE(
      "deadline", "SELECT automation_dispute_deadlines(?)::text AS result", Duration.ofSeconds(15)),
  INVITE_EXPIRY(
      "invite-expiry",
      "SELECT automation_expire_invites(?)::text AS result",
      Duration.ofMinutes(1)),
  SUSPENSION_EXPIRY(
      "suspension-expiry",
      "SELECT automation_lift_suspensions(?)::text AS result",
      Duration.ofMinutes(1)),
  CLAIM_EXPIRY(
      "claim-expiry",
      "SELECT automation_release_stale_claims(?)::text AS result",
      Duration.ofSeconds(30)),
  HOUSEKEEPING(
      "housekeeping", "SELECT automation_housekeeping()::text AS result", Duration.ofSeconds(30)),
  SESSION_GUARD(
      "session-guard",
      // A session may hold the chain head (the seal, V90) as long as an entry may wait to be
      // sealed.
      "SELECT automation_end_stalled_sessions(interval '2 minutes',"
          + " (SELECT max_unsealed FROM audit_seal_policy WHERE id = 1))::text AS result",
      Duration.ofSeconds(5));

  /** How many items one run of a rule takes at most; the next run takes the rest. */
  static final int BATCH = 200;

  private final String id;
  private final String sql;
  private final Duration interval;

  AutomationRule(String id, String sql, Duration interval) {
    this.id = id;
    this.sql = sql;
    this.interval = interval;
  }

  /** The rule's name, as in its audit actor {@code system:<id>} and in automation_runs. */
  public String id() {
    return id;
  }

  String sql() {
    return sql;
  }

  boolean takesBatch() {
    return sql.contains("?");
  }

  public Duration interval() {
    return interval;
  }
}
