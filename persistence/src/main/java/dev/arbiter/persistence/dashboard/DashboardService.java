package dev.arbiter.persistence.dashboard;

import dev.arbiter.persistence.dashboard.DashboardFigures.HeldFunds;
import dev.arbiter.persistence.session.StaffDatabase;
import dev.arbiter.persistence.session.StaffDatabaseException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Reads the dashboard's figures. All queries run in one read-only REPEATABLE READ transaction, so a
 * dispute that changes status halfway through is counted once, in one column, and the totals add
 * up.
 */
public final class DashboardService {

  // now() is the transaction's start time, so "overdue" means overdue at the snapshot's moment.
  private static final String DISPUTES =
      "SELECT status, count(*), count(*) FILTER (WHERE response_due_at < now())"
          + " FROM disputes WHERE status NOT IN ('resolved', 'closed') GROUP BY status";
  private static final String CHECKPOINTS =
      "SELECT count(*) FILTER (WHERE status = 'submitted'),"
          + " count(*) FILTER (WHERE status = 'approved'),"
          + " count(*) FILTER (WHERE approval_requirement <> 'auto' AND auto_release_at < now())"
          + " FROM escrow_checkpoints WHERE status IN ('submitted', 'approved')";
  private static final String FLAGS =
      "SELECT severity, count(*) FROM moderation_flags WHERE status = 'open' GROUP BY severity";
  private static final String ESCROW_HELD =
      "SELECT currency, sum(funded_minor - released_minor - refunded_minor)::bigint,"
          + " count(*) FILTER (WHERE funded_minor - released_minor - refunded_minor > 0)"
          + " FROM escrows GROUP BY currency"
          + " HAVING sum(funded_minor - released_minor - refunded_minor) <> 0 ORDER BY currency";

  private final DataSource dataSource;

  public DashboardService(StaffDatabase database) {
    this.dataSource = database.dataSource();
  }

  /**
   * Reads every figure in one snapshot.
   *
   * @throws StaffDatabaseException when the database cannot be read
   */
  public DashboardFigures load() {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      c.setReadOnly(true);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try (Statement s = c.createStatement()) {
        DashboardFigures figures = read(s);
        c.commit();
        return figures;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StaffDatabaseException("Could not load the dashboard", e);
    }
  }

  private static DashboardFigures read(Statement s) throws SQLException {
    Instant asOf;
    try (ResultSet rs = s.executeQuery("SELECT now()")) {
      rs.next();
      asOf = rs.getObject(1, OffsetDateTime.class).toInstant();
    }
    Map<String, Long> disputes = new HashMap<>();
    long breached = 0;
    try (ResultSet rs = s.executeQuery(DISPUTES)) {
      while (rs.next()) {
        disputes.put(rs.getString(1), rs.getLong(2));
        breached += rs.getLong(3);
      }
    }
    long submitted;
    long approved;
    long overdue;
    try (ResultSet rs = s.executeQuery(CHECKPOINTS)) {
      rs.next();
      submitted = rs.getLong(1);
      approved = rs.getLong(2);
      overdue = rs.getLong(3);
    }
    Map<String, Long> flags = new HashMap<>();
    try (ResultSet rs = s.executeQuery(FLAGS)) {
      while (rs.next()) {
        flags.put(rs.getString(1), rs.getLong(2));
      }
    }
    List<HeldFunds> held = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(ESCROW_HELD)) {
      while (rs.next()) {
        held.add(new HeldFunds(rs.getString(1), rs.getLong(2), rs.getLong(3)));
      }
    }
    return new DashboardFigures(
        asOf, disputes, breached, submitted, approved, overdue, flags, held);
  }
}
