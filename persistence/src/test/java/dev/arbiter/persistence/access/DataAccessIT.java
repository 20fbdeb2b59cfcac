package dev.arbiter.persistence.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.model.disputes.DisputeStatus;
import dev.arbiter.persistence.access.DataAccess.Audited;
import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.db.StaffLogins;
import dev.arbiter.persistence.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The one transaction template and the one row mapper, against the real server. */
class DataAccessIT {

  private static TestDatabase db;
  private static DataAccess support;

  @BeforeAll
  static void open() {
    db = TestDatabase.fresh();
    support = db.access("demo_support");
  }

  @Test
  void aSnapshotSeesOneMomentAndWritesNothing() throws SQLException {
    List<Object> seen =
        support.snapshot(
            session -> {
              String first = Sql.one(session, "SELECT now()::text AS t", r -> r.text("t"));
              String level =
                  Sql.one(
                      session,
                      "SELECT current_setting('transaction_isolation') AS level,"
                          + " current_setting('transaction_read_only') AS ro",
                      r -> r.text("level") + "/" + r.text("ro"));
              String second = Sql.one(session, "SELECT now()::text AS t", r -> r.text("t"));
              return List.of(first.equals(second), level);
            });
    assertThat(seen).containsExactly(true, "repeatable read/on");

    assertThatThrownBy(
            () ->
                support.snapshot(
                    session ->
                        Sql.one(
                            session,
                            "WITH changed AS (UPDATE disputes SET priority = 'high' WHERE id = -1"
                                + " RETURNING id) SELECT count(*) AS n FROM changed",
                            r -> r.getLong("n"))))
        .isInstanceOf(SQLException.class)
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("25006");
  }

  @Test
  void aReadIsReadOnly() throws SQLException {
    String inRead =
        support.read(
            session ->
                Sql.one(
                    session,
                    "SELECT current_setting('transaction_read_only') AS ro",
                    r -> r.text("ro")));
    String inWrite =
        support.write(
            Audited.as("check the mode"),
            session ->
                Sql.one(
                    session,
                    "SELECT current_setting('transaction_read_only') AS ro",
                    r -> r.text("ro")));
    assertThat(inRead).isEqualTo("on");
    assertThat(inWrite).isEqualTo("off");
  }

  @Test
  void aWriteNamesItsCommandAndRequestInTheAuditLog() throws SQLException {
    long dispute;
    try (Connection owner = db.migrator()) {
      long client = Fixtures.user(owner, "client");
      dispute =
          Fixtures.dispute(
              owner, Fixtures.contract(owner, client, Fixtures.user(owner, "freelancer")), client);
    }
    support.write(
        new Audited("raise priority", "key-" + Fixtures.next() + "-abcdef"),
        session ->
            Sql.update(session, "UPDATE disputes SET priority = 'high' WHERE id = ?", dispute));

    Map<String, Object> entry;
    try (Connection owner = db.migrator()) {
      entry =
          Map.of(
              "command",
              Fixtures.value(
                  owner,
                  "SELECT command FROM audit_log WHERE entity_type = 'disputes' AND entity_id = ?"
                      + " AND action = 'update' ORDER BY id DESC LIMIT 1",
                  Long.toString(dispute)),
              "request",
              Fixtures.value(
                  owner,
                  "SELECT request_id FROM audit_log WHERE entity_type = 'disputes'"
                      + " AND entity_id = ? AND action = 'update' ORDER BY id DESC LIMIT 1",
                  Long.toString(dispute)));
    }
    assertThat(entry.get("command")).isEqualTo("raise priority");
    assertThat((String) entry.get("request")).startsWith("key-");
  }

  @Test
  void aQueryRunsOnThePoolAsTheLoginWithoutStartingHibernate() throws SQLException {
    DataAccess withoutHibernate =
        new DataAccess(
            () -> {
              throw new AssertionError("a query must not start Hibernate");
            },
            db.dataSource("demo_support", StaffLogins.DEMO_PASSWORD));
    List<String> seen =
        withoutHibernate.query(
            "SELECT current_user AS login, CAST(? AS text) AS echoed",
            row -> row.text("login") + " " + row.text("echoed"),
            "page");
    assertThat(seen).containsExactly("demo_support page");
  }

  @Test
  void aRefusalArrivesAsTheDriversExceptionWithItsState() {
    assertThatThrownBy(
            () ->
                support.write(
                    Audited.as("forge the ledger"),
                    session -> Sql.update(session, "DELETE FROM ledger_entries WHERE id = -1")))
        .isInstanceOf(SQLException.class)
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("42501");
  }

  @Test
  void aStatementTimeoutArrivesAsTheDriversExceptionWithItsState() {
    assertThatThrownBy(
            () ->
                support.snapshot(
                    session -> {
                      Sql.one(
                          session,
                          "SELECT set_config('statement_timeout', '50ms', true) AS timeout",
                          r -> r.text("timeout"));
                      return Sql.one(
                          session, "SELECT pg_sleep(5)::text AS slept", r -> r.text("slept"));
                    }))
        .isInstanceOf(SQLException.class)
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("57014");
  }

  @Test
  void rowsAreReadByNameInEveryTypeTheServiceNeeds() throws SQLException {
    record Everything(
        long big,
        int small,
        Long none,
        String text,
        boolean yes,
        BigDecimal decimal,
        Instant at,
        List<Long> ids,
        List<String> words,
        DisputeStatus status) {}
    Everything row =
        support.read(
            session ->
                Sql.one(
                    session,
                    "SELECT 9007199254740993::bigint AS big, 7 AS small,"
                        + " CAST(? AS bigint) AS none, 'x' AS text, true AS yes,"
                        + " 12.50::numeric AS decimal,"
                        + " timestamptz '2026-12-07 10:00:00+00' AS at,"
                        + " ARRAY[1, 2]::bigint[] AS ids, ARRAY['a', 'b'] AS words,"
                        + " 'under_review' AS status",
                    r ->
                        new Everything(
                            r.getLong("big"),
                            r.getInt("small"),
                            r.nullableLong("none"),
                            r.text("text"),
                            r.getBoolean("yes"),
                            r.decimal("decimal"),
                            r.instant("at"),
                            r.longs("ids"),
                            r.texts("words"),
                            r.value(DisputeStatus.class, "status")),
                    (Object) null));
    assertThat(row)
        .isEqualTo(
            new Everything(
                9007199254740993L,
                7,
                null,
                "x",
                true,
                new BigDecimal("12.50"),
                Instant.parse("2026-12-07T10:00:00Z"),
                List.of(1L, 2L),
                List.of("a", "b"),
                DisputeStatus.UNDER_REVIEW));
  }

  @Test
  void everyQueryIsCountedInTheStatistics() throws SQLException {
    Statistics stats = db.sessionFactory("demo_support").getStatistics();
    stats.clear();
    support.snapshot(
        session -> {
          Sql.list(session, "SELECT id FROM disputes LIMIT 5", r -> r.getLong("id"));
          Sql.first(session, "SELECT 1 AS one", r -> r.getInt("one"));
          return null;
        });
    assertThat(stats.getPrepareStatementCount()).isEqualTo(2);
  }
}
