package dev.arbiter.persistence.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.access.Jdbc;
import dev.arbiter.persistence.audit.AuditFixture.Written;
import dev.arbiter.persistence.audit.FieldChange.Kind;
import dev.arbiter.persistence.db.EmbeddedServer;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Filters select exactly the rows plain SQL selects, newest first, page after page. */
class AuditQueryServiceIT {

  private static TestDatabase db;
  private static Written w;
  private static AuditQueryService support;
  private static AuditQueryService admin;

  @BeforeAll
  static void entries() throws SQLException {
    db = TestDatabase.fresh();
    w = AuditFixture.write(db);
    support = new AuditQueryService(db.access("demo_support"), false);
    admin = new AuditQueryService(db.access("demo_admin"), true);
  }

  /** What plain SQL selects as support, whose row policies hide the seed's wallets. */
  private static List<Long> readable(String condition, Object... params) throws SQLException {
    return AuditFixture.idsReadableBy(db, "demo_support", condition, params);
  }

  private static List<Long> allPages(AuditQueryService service, AuditFilter filter, int size) {
    List<Long> ids = new ArrayList<>();
    long before = Long.MAX_VALUE;
    AuditPage page;
    do {
      page = service.page(filter, before, size);
      assertThat(page.entries().size()).isLessThanOrEqualTo(size);
      page.entries().forEach(e -> ids.add(e.id()));
      before = page.oldestId();
    } while (page.hasOlder());
    return ids;
  }

  @Test
  void keysetPagesNewestFirstCoverEveryEntryOnce() throws SQLException {
    List<Long> expected = readable("TRUE");
    assertThat(expected)
        .as("entries support may not read leave gaps")
        .hasSizeLessThan(AuditFixture.idsWhere(db, "TRUE").size());
    assertThat(allPages(support, AuditFilter.none(), 7)).isEqualTo(expected);
    assertThat(allPages(support, AuditFilter.none(), 1000)).isEqualTo(expected);
    AuditPage first = support.page(AuditFilter.none(), Long.MAX_VALUE, 3);
    assertThat(first.hasOlder()).isTrue();
    assertThat(first.entries()).extracting(AuditRecord::id).isEqualTo(expected.subList(0, 3));
  }

  @Test
  void actorRoleAndActionFiltersMatchSql() throws SQLException {
    assertThat(allPages(support, AuditFilter.none().withActor("demo_support"), 2))
        .isEqualTo(readable("actor = 'demo_support'"))
        .hasSize(1);
    assertThat(allPages(support, AuditFilter.none().withActor("user:42"), 2))
        .isEqualTo(readable("actor = 'user:42'"))
        .isNotEmpty();
    assertThat(allPages(support, AuditFilter.none().withRole(AuditActorRole.BACKEND), 2))
        .isEqualTo(readable("db_user = 'demo_backend'"))
        .isNotEmpty();
    assertThat(allPages(support, AuditFilter.none().withRole(AuditActorRole.ADMIN), 2))
        .isEqualTo(readable("db_user = 'demo_admin'"))
        .hasSize(1);
    assertThat(allPages(support, AuditFilter.none().withRole(AuditActorRole.FINANCE), 2)).isEmpty();
    assertThat(allPages(support, AuditFilter.none().withAction("update"), 4))
        .isEqualTo(readable("action = 'update'"));
  }

  @Test
  void aLoginFilterAlsoFindsWhatTheLoginWroteForActorsItNamed() throws SQLException {
    List<Long> backend = readable("actor = 'demo_backend' OR db_user = 'demo_backend'");
    assertThat(allPages(support, AuditFilter.none().withActor("demo_backend"), 2))
        .isEqualTo(backend)
        .containsAll(readable("actor = 'user:42'"))
        .isNotEmpty();
    assertThat(allPages(support, AuditFilter.none().withActor("demo_support"), 2))
        .isEqualTo(readable("actor = 'demo_support' OR db_user = 'demo_support'"));
    String owner = EmbeddedServer.SUPERUSER;
    assertThat(allPages(support, AuditFilter.none().withActor(owner), 50))
        .isEqualTo(readable("actor = ? OR db_user = ?", owner, owner))
        .isNotEmpty();
  }

  @Test
  void onlyLoginsThatMayNameAnActorAreLookedUpByTheirDatabaseLogin() throws SQLException {
    try (Connection support = db.as("demo_support")) {
      AuditSql.Lookup c = AuditSql.Lookup.of(support);
      assertThat(AuditSql.namesOthers(c, "demo_backend")).isTrue();
      assertThat(AuditSql.namesOthers(c, "arbiter_migrator")).isTrue();
      assertThat(AuditSql.namesOthers(c, EmbeddedServer.SUPERUSER)).isTrue();
      assertThat(AuditSql.namesOthers(c, "demo_support")).isFalse();
      assertThat(AuditSql.namesOthers(c, "demo_admin")).isFalse();
      assertThat(AuditSql.namesOthers(c, "user:42")).isFalse();
    }
  }

  @Test
  void entityFiltersAcceptIdsAndReferences() throws SQLException {
    List<Long> dispute =
        readable("entity_type = 'disputes' AND entity_id = ?", Long.toString(w.seed().dispute()));
    assertThat(dispute).hasSizeGreaterThanOrEqualTo(3);
    assertThat(
            allPages(support, AuditFilter.record("disputes", Long.toString(w.seed().dispute())), 2))
        .isEqualTo(dispute);
    assertThat(allPages(support, AuditFilter.none().withEntity(w.disputeReference()), 2))
        .isEqualTo(dispute);
    assertThat(allPages(support, AuditFilter.none().withEntity(w.contractReference()), 2))
        .isEqualTo(
            readable(
                "entity_type = 'contracts' AND entity_id = ?", Long.toString(w.seed().contract())))
        .isNotEmpty();
    assertThat(allPages(support, AuditFilter.none().withEntity("DSP-999999"), 2)).isEmpty();
    assertThat(allPages(support, AuditFilter.none().withEntityType("workspaces"), 2))
        .isEqualTo(readable("entity_type = 'workspaces'"));
  }

  @Test
  void timeRangeSelectsEntriesWrittenInIt() throws SQLException {
    List<Long> expected =
        readable(
            "occurred_at >= ? AND occurred_at < ?",
            Timestamp.from(w.consoleFrom()),
            Timestamp.from(w.consoleTo()));
    assertThat(expected).hasSize(4);
    assertThat(allPages(support, AuditFilter.none().between(w.consoleFrom(), w.consoleTo()), 3))
        .isEqualTo(expected);
    assertThat(allPages(support, AuditFilter.none().between(w.consoleFrom(), null), 3))
        .isEqualTo(readable("occurred_at >= ?", Timestamp.from(w.consoleFrom())));
    assertThat(allPages(support, AuditFilter.none().between(null, w.consoleFrom()), 5))
        .isEqualTo(readable("occurred_at < ?", Timestamp.from(w.consoleFrom())));
    assertThat(
            allPages(
                support,
                AuditFilter.none()
                    .between(w.consoleFrom(), w.consoleTo())
                    .withRole(AuditActorRole.SUPPORT),
                3))
        .hasSize(1);
  }

  @Test
  void theIdBoundOfATimeSplitsWhatTheLoginReadsBeforeAndFromThatTime() throws SQLException {
    try (Connection c = db.as("demo_support")) {
      List<Instant> times =
          new ArrayList<>(
              Jdbc.list(
                  c,
                  "SELECT occurred_at FROM audit_log ORDER BY id",
                  row -> row.instant("occurred_at")));
      Instant afterAll = times.get(times.size() - 1).plusSeconds(1);
      times.add(times.get(0).minusSeconds(1));
      times.add(afterAll);
      AuditSql.Lookup lookup = AuditSql.Lookup.of(c);
      for (Instant at : times) {
        long bound = AuditSql.firstIdAtOrAfter(lookup, at);
        assertThat(readable("occurred_at < ?", Timestamp.from(at))).allMatch(id -> id < bound);
        assertThat(readable("occurred_at >= ?", Timestamp.from(at))).allMatch(id -> id >= bound);
      }
      assertThat(AuditSql.firstIdAtOrAfter(lookup, afterAll))
          .isEqualTo(readable("TRUE").get(0) + 1);
    }
  }

  @Test
  void textFoundOnlyInAHiddenKeyIsFoundForAdminsOnly() throws SQLException {
    AuditFilter needle = AuditFilter.none().withText("needle");
    List<Long> everywhere =
        AuditFixture.idsWhere(
            db, "old_values::text ILIKE '%needle%' OR new_values::text ILIKE '%needle%'");
    assertThat(allPages(admin, needle, 1)).isEqualTo(everywhere);
    List<Long> visible = allPages(support, needle, 1);
    assertThat(visible)
        .isEqualTo(
            readable("entity_type = 'users' AND entity_id = ?", Long.toString(w.visibleUser())));
    assertThat(everywhere).hasSizeGreaterThan(visible.size());
    assertThat(allPages(support, AuditFilter.none().withText("100%_"), 5)).isEmpty();
  }

  @Test
  void hiddenKeysAreMaskedForStaffAndShownToAdminsWithTheStoredRowUntouched() {
    AuditFilter user = AuditFilter.record("users", Long.toString(w.hiddenUser()));
    AuditRecord update =
        support.page(user.withAction("update"), Long.MAX_VALUE, 1).entries().get(0);
    assertThat(update.hiddenKeys()).isEqualTo(4);
    assertThat(update.newValues()).contains("platinum").doesNotContain("_internal", "privateNote");
    assertThat(update.changedFields())
        .extracting(FieldChange::path)
        .contains("metadata.tier")
        .noneMatch(path -> path.contains("_internal") || path.contains("private"));

    AuditRecord asAdmin = admin.entry(update.id()).orElseThrow();
    assertThat(asAdmin.hiddenKeys()).isZero();
    assertThat(asAdmin.newValues()).contains("\"_internal_score\": 7", "privateNote");
    assertThat(asAdmin.hash()).isEqualTo(update.hash());
    assertThat(new AuditChainVerifier().verify(db.superuserDataSource()).intact()).isTrue();
  }

  @Test
  void entryCarriesWhoWhenClientRequestAndTheFieldDiff() {
    AuditRecord entry =
        support
            .page(
                AuditFilter.none().withActor("user:42").withEntityType("disputes"),
                Long.MAX_VALUE,
                1)
            .entries()
            .get(0);
    assertThat(entry.dbUser()).isEqualTo("demo_backend");
    assertThat(entry.requestId()).isEqualTo("req-7f3a");
    assertThat(entry.clientInfo()).isEqualTo("marketplace-api");
    assertThat(entry.action()).isEqualTo("update");
    assertThat(entry.changedFields())
        .contains(new FieldChange("status", Kind.CHANGED, "awaiting_parties", "under_review"));
    assertThat(entry.changes()).anyMatch(c -> c.kind() == Kind.UNCHANGED);
    assertThat(entry.summary()).contains("status: awaiting_parties → under_review");
    assertThat(entry.hash()).hasSize(64);
    assertThat(support.entry(9_999_999)).isEmpty();
  }

  @Test
  void everyStoredValueRendersBackToTheServersOwnText() throws SQLException {
    try (var c = db.superuser();
        var rs =
            c.createStatement()
                .executeQuery(
                    "SELECT v::text FROM (SELECT old_values AS v FROM audit_log UNION ALL"
                        + " SELECT new_values FROM audit_log UNION ALL SELECT '{\"n\": 2.50,"
                        + " \"e\": 1e3, \"s\": \"tab\\t \\u0001 é\", \"bbb\": [], \"a\": null}'::jsonb) x"
                        + " WHERE v IS NOT NULL")) {
      int checked = 0;
      while (rs.next()) {
        String server = rs.getString(1);
        assertThat(JsonValues.jsonbText(JsonValues.parse(server))).isEqualTo(server);
        checked++;
      }
      assertThat(checked).isGreaterThan(20);
    }
  }

  @Test
  void staffLoginsAreOfferedForTheActorFilter() {
    assertThat(support.staffLogins()).contains("demo_support", "demo_admin");
  }
}
