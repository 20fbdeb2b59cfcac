package dev.arbiter.persistence.ledger;

import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.access.Sql;
import dev.arbiter.persistence.ledger.Exposure.HeldByAge;
import dev.arbiter.persistence.ledger.Exposure.LargestExposure;
import dev.arbiter.persistence.ledger.Exposure.UpcomingRelease;
import dev.arbiter.persistence.session.StaffDatabaseException;
import org.hibernate.Session;

/** Reads the exposure figures in one read-only snapshot, four statements, rows read by name. */
public final class ExposureService {

  static final int UPCOMING = 20;
  static final int LARGEST = 10;

  private static final String HELD_BY_AGE =
      "SELECT currency, CASE WHEN age < interval '7 days' THEN 0 WHEN age < interval '30 days'"
          + " THEN 1 WHEN age < interval '90 days' THEN 2 ELSE 3 END AS bucket,"
          + " sum(held)::bigint AS held, count(*) AS escrows FROM (SELECT currency,"
          + " now() - created_at AS age, funded_minor - released_minor - refunded_minor AS held"
          + " FROM escrows) x WHERE held > 0 GROUP BY 1, 2 ORDER BY 1, 2";

  private static final String UPCOMING_SQL =
      "SELECT cp.id AS id, cp.label AS label, k.reference AS contract_reference,"
          + " cp.status AS status, cp.amount_minor - cp.released_minor AS remaining_minor,"
          + " cp.currency AS currency, cp.auto_release_at AS auto_release_at"
          + " FROM escrow_checkpoints cp"
          + " JOIN escrows e ON e.id = cp.escrow_id JOIN contracts k ON k.id = e.contract_id"
          + " WHERE cp.status IN ('submitted', 'approved') AND cp.auto_release_at IS NOT NULL"
          + " ORDER BY cp.auto_release_at, cp.id LIMIT "
          + UPCOMING;

  private static final String LARGEST_SQL =
      "SELECT e.id AS id, k.reference AS contract_reference, k.title AS contract_title,"
          + " e.funded_minor - e.released_minor - e.refunded_minor AS held_minor,"
          + " e.currency AS currency, e.created_at AS funded_since"
          + " FROM escrows e JOIN contracts k ON k.id = e.contract_id"
          + " WHERE e.funded_minor - e.released_minor - e.refunded_minor > 0"
          + " ORDER BY 4 DESC, e.id LIMIT "
          + LARGEST;

  private final DataAccess access;

  public ExposureService(DataAccess access) {
    this.access = access;
  }

  public Exposure load() {
    return StaffDatabaseException.wrap(
        "Could not load the escrow exposure", () -> access.snapshot(ExposureService::read));
  }

  private static Exposure read(Session session) {
    return new Exposure(
        Sql.one(session, "SELECT now() AS as_of", r -> r.instant("as_of")),
        Sql.list(
            session,
            HELD_BY_AGE,
            r ->
                new HeldByAge(
                    r.text("currency"),
                    Exposure.AGE_BUCKETS.get(r.getInt("bucket")),
                    r.getLong("held"),
                    r.getLong("escrows"))),
        Sql.list(
            session,
            UPCOMING_SQL,
            r ->
                new UpcomingRelease(
                    r.getLong("id"),
                    r.text("label"),
                    r.text("contract_reference"),
                    r.text("status"),
                    r.getLong("remaining_minor"),
                    r.text("currency"),
                    r.instant("auto_release_at"))),
        Sql.list(
            session,
            LARGEST_SQL,
            r ->
                new LargestExposure(
                    r.getLong("id"),
                    r.text("contract_reference"),
                    r.text("contract_title"),
                    r.getLong("held_minor"),
                    r.text("currency"),
                    r.instant("funded_since"))));
  }
}
