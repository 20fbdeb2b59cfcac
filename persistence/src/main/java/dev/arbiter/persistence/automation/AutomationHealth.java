package dev.arbiter.persistence.automation;

import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.access.Sql;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

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

  private final DataAccess access;

  public AutomationHealth(DataAccess access) {
    this.access = access;
  }

  /** Reads the runs and judges them by the database's clock. */
  public Status read() throws SQLException {
    record Run(Instant now, LastRun run) {}
    List<Run> runs =
        access.read(
            session ->
                Sql.list(
                    session,
                    SQL,
                    row ->
                        new Run(
                            row.instant("now"),
                            new LastRun(
                                row.text("rule"),
                                row.instant("finished_at"),
                                Duration.ofSeconds(row.getInt("interval_seconds"))))));
    Instant now = runs.isEmpty() ? null : runs.get(runs.size() - 1).now();
    return judge(runs.stream().map(Run::run).toList(), now);
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
