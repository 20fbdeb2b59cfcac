package dev.arbiter.persistence.ledger;

import dev.arbiter.persistence.ledger.Exposure.HeldByAge;
import dev.arbiter.persistence.ledger.Exposure.LargestExposure;
import dev.arbiter.persistence.ledger.Exposure.UpcomingRelease;
import dev.arbiter.persistence.session.StaffDatabase;
import dev.arbiter.persistence.session.StaffDatabaseException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Reads the exposure figures in one read-only snapshot. */
public final class ExposureService {

  static final int UPCOMING = 20;
  static final int LARGEST = 10;

  private static final String HELD_BY_AGE =
      "SELECT currency, CASE WHEN age < interval '7 days' THEN 0 WHEN age < interval '30 days'"
          + " THEN 1 WHEN age < interval '90 days' THEN 2 ELSE 3 END AS bucket,"
          + " sum(held)::bigint, count(*) FROM (SELECT currency, now() - created_at AS age,"
          + " funded_minor - released_minor - refunded_minor AS held FROM escrows) x"
          + " WHERE held > 0 GROUP BY 1, 2 ORDER BY 1, 2";

  private static final String UPCOMING_SQL =
      "SELECT cp.id, cp.label, k.reference, cp.status, cp.amount_minor - cp.released_minor,"
          + " cp.currency, cp.auto_release_at FROM escrow_checkpoints cp"
          + " JOIN escrows e ON e.id = cp.escrow_id JOIN contracts k ON k.id = e.contract_id"
          + " WHERE cp.status IN ('submitted', 'approved') AND cp.auto_release_at IS NOT NULL"
          + " ORDER BY cp.auto_release_at, cp.id LIMIT "
          + UPCOMING;

  private static final String LARGEST_SQL =
      "SELECT e.id, k.reference, k.title, e.funded_minor - e.released_minor - e.refunded_minor,"
          + " e.currency, e.created_at FROM escrows e JOIN contracts k ON k.id = e.contract_id"
          + " WHERE e.funded_minor - e.released_minor - e.refunded_minor > 0"
          + " ORDER BY 4 DESC, e.id LIMIT "
          + LARGEST;

  private final DataSource dataSource;

  public ExposureService(StaffDatabase database) {
    this(database.dataSource());
  }

  public ExposureService(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Exposure load() {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      c.setReadOnly(true);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try (Statement s = c.createStatement()) {
        Exposure exposure = read(s);
        c.commit();
        return exposure;
      } finally {
        c.rollback();
        c.setReadOnly(false);
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StaffDatabaseException("Could not load the escrow exposure", e);
    }
  }

  private static Exposure read(Statement s) throws SQLException {
    Instant asOf;
    try (ResultSet rs = s.executeQuery("SELECT now()")) {
      rs.next();
      asOf = rs.getObject(1, OffsetDateTime.class).toInstant();
    }
    List<HeldByAge> held = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(HELD_BY_AGE)) {
      while (rs.next()) {
        held.add(
            new HeldByAge(
                rs.getString(1),
                Exposure.AGE_BUCKETS.get(rs.getInt(2)),
                rs.getLong(3),
                rs.getLong(4)));
      }
    }
    List<UpcomingRelease> upcoming = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(UPCOMING_SQL)) {
      while (rs.next()) {
        upcoming.add(
            new UpcomingRelease(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getLong(5),
                rs.getString(6),
                instant(rs.getTimestamp(7))));
      }
    }
    List<LargestExposure> largest = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(LARGEST_SQL)) {
      while (rs.next()) {
        largest.add(
            new LargestExposure(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getLong(4),
                rs.getString(5),
                instant(rs.getTimestamp(6))));
      }
    }
    return new Exposure(asOf, held, upcoming, largest);
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
