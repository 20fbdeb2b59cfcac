package dev.arbiter.persistence.automation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Whether a worker is keeping the clock's promises, from the runs it records: the console says
 * "automation stopped since 10:42" when no worker has run the rules for longer than their interval,
 * so nobody trusts a deadline that will not fire.
 */
public final class AutomationHealth {

  /** How the automation looks from here. {@code since} is its last run (null if it never ran). */
  public record Status(State state, Instant since) {}

  public enum State {
    RUNNING,
    STOPPED,
    NEVER_RAN
  }

  /** One rule's last recorded run. */
  record LastRun(String rule, Instant finishedAt, Duration interval) {}

  // A run is late after twice its interval and this much more: a busy database may delay one.
  static final Duration GRACE = Duration.ofSeconds(30);

  private static final String SQL =
      "SELECT now() AS now, rule, finished_at, interval_seconds FROM automation_runs";

  private final DataSource dataSource;

  public AutomationHealth(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Reads the runs and judges them by the database's clock. */
  public Status read() throws SQLException {
    Instant now = null;
    List<LastRun> runs = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(SQL);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        now = rs.getObject("now", OffsetDateTime.class).toInstant();
        runs.add(
            new LastRun(
                rs.getString("rule"),
                rs.getObject("finished_at", OffsetDateTime.class).toInstant(),
                Duration.ofSeconds(rs.getInt("interval_seconds"))));
      }
    }
    return judge(runs, now);
  }

  /** Stopped when every rule is late: a worker that runs at all records each of its rules. */
  static Status judge(List<LastRun> runs, Instant now) {
    if (runs.isEmpty()) {
      return new Status(State.NEVER_RAN, null);
    }
    Instant last = runs.stream().map(LastRun::finishedAt).max(Instant::compareTo).orElseThrow();
    boolean late =
        runs.stream()
            .allMatch(
                r -> r.finishedAt().plus(r.interval().multipliedBy(2)).plus(GRACE).isBefore(now));
    return new Status(late ? State.STOPPED : State.RUNNING, last);
  }
}
