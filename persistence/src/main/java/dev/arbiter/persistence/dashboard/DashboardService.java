package dev.arbiter.persistence.dashboard;

import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.access.Sql;
import dev.arbiter.persistence.dashboard.DashboardFigures.HeldFunds;
import dev.arbiter.persistence.session.StaffDatabaseException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * Reads the dashboard's figures. All queries run in one read-only REPEATABLE READ snapshot, so a
 * dispute that changes status halfway through is counted once, in one column, and the totals add
 * up.
 */
public final class DashboardService {

  // now() is the transaction's start time, so "overdue" means overdue at the snapshot's moment.
  private static final String DISPUTES =
      "SELECT status, count(*) AS total, count(*) FILTER (WHERE response_due_at < now()) AS breached"
          + " FROM disputes WHERE status NOT IN ('resolved', 'closed') GROUP BY status";
  private static final String CHECKPOINTS =
      "SELECT count(*) FILTER (WHERE status = 'submitted') AS submitted,"
          + " count(*) FILTER (WHERE status = 'approved') AS approved,"
          + " count(*) FILTER (WHERE approval_requirement <> 'auto' AND auto_release_at < now())"
          + " AS overdue FROM escrow_checkpoints WHERE status IN ('submitted', 'approved')";
  private static final String FLAGS =
      "SELECT severity, count(*) AS total FROM moderation_flags WHERE status = 'open'"
          + " GROUP BY severity";
  private static final String ESCROW_HELD =
      "SELECT currency, sum(funded_minor - released_minor - refunded_minor)::bigint AS held,"
          + " count(*) FILTER (WHERE funded_minor - released_minor - refunded_minor > 0)"
          + " AS escrows FROM escrows GROUP BY currency"
          + " HAVING sum(funded_minor - released_minor - refunded_minor) <> 0 ORDER BY currency";

  private record OpenDisputes(String status, long open, long breached) {}

  private record Checkpoints(long submitted, long approved, long overdue) {}

  private final DataAccess access;

  public DashboardService(DataAccess access) {
    this.access = access;
  }

  /**
   * Reads every figure in one snapshot.
   *
   * @throws StaffDatabaseException when the database cannot be read
   */
  public DashboardFigures load() {
    return StaffDatabaseException.wrap(
        "Could not load the dashboard", () -> access.snapshot(DashboardService::read));
  }

  private static DashboardFigures read(Session session) {
    Instant asOf = Sql.one(session, "SELECT now() AS as_of", r -> r.instant("as_of"));
    List<OpenDisputes> open =
        Sql.list(
            session,
            DISPUTES,
            r -> new OpenDisputes(r.text("status"), r.getLong("total"), r.getLong("breached")));
    Checkpoints checkpoints =
        Sql.one(
            session,
            CHECKPOINTS,
            r ->
                new Checkpoints(
                    r.getLong("submitted"), r.getLong("approved"), r.getLong("overdue")));
    Map<String, Long> flags =
        Sql.list(session, FLAGS, r -> Map.entry(r.text("severity"), r.getLong("total"))).stream()
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    List<HeldFunds> held =
        Sql.list(
            session,
            ESCROW_HELD,
            r -> new HeldFunds(r.text("currency"), r.getLong("held"), r.getLong("escrows")));
    return new DashboardFigures(
        asOf,
        open.stream().collect(Collectors.toMap(OpenDisputes::status, OpenDisputes::open)),
        open.stream().mapToLong(OpenDisputes::breached).sum(),
        checkpoints.submitted(),
        checkpoints.approved(),
        checkpoints.overdue(),
        flags,
        held);
  }
}
