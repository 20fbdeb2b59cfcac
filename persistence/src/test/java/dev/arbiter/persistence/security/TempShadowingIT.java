package dev.arbiter.persistence.security;

import static dev.arbiter.persistence.contract.Fixtures.update;
import static dev.arbiter.persistence.contract.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.persistence.audit.AuditEntries;
import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.escrow.MoneyFixture;
import dev.arbiter.persistence.escrow.MoneyFixture.Deal;
import dev.arbiter.persistence.escrow.RawMoney;
import dev.arbiter.persistence.ledger.LedgerVerifier;
import dev.arbiter.persistence.ledger.MoneyRefusal;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * The second line: should a server hand TEMPORARY back to a runtime login (a DBA's slip, or a
 * database the migrator does not own), its temporary tables still cannot fool a guard. Each session
 * here shadows every relation of the schema and every catalog view a function reads, with tables
 * that say what an attacker would like (every status move allowed to anyone, everyone a superuser,
 * every account active, a private note visible), then tries what those lies would allow. The list
 * of relations comes from the catalog, so a table added later is shadowed too.
 */
class TempShadowingIT {

  private static TestDatabase db;
  private static Connection owner;
  private static List<String> shadowDdl;
  private static String support;
  private static String finance;
  private static String backend;

  @BeforeAll
  static void open() throws SQLException {
    db = TestDatabase.fresh();
    owner = db.migrator();
    support = shadowLogin("arbiter_support");
    finance = shadowLogin("arbiter_finance");
    backend = shadowLogin("marketplace_backend");
    shadowDdl = shadowDefinitions();
  }

  @AfterAll
  static void close() throws SQLException {
    owner.close();
  }

  @Test
  void theShadowsCoverEveryTableAndTheCatalogViewsTheFunctionsRead() {
    assertThat(String.join("\n", shadowDdl))
        .contains(
            "TABLE status_transitions (",
            "TABLE staff_accounts (",
            "TABLE pg_roles (",
            "TABLE audit_log (");
    assertThat(shadowDdl).hasSizeGreaterThan(30);
  }

  @Test
  void aShadowedLoginIsStillNeitherTheOwnerNorAnotherActor() throws SQLException {
    try (Connection c = shadowed(support);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT arbiter_is_owner(), arbiter_is_owner_session(), arbiter_actor(),"
                    + " arbiter_person('"
                    + support
                    + "')")) {
      rs.next();
      assertThat(rs.getBoolean(1)).isFalse();
      assertThat(rs.getBoolean(2)).isFalse();
      assertThat(rs.getString(3)).isEqualTo(support);
      assertThat(rs.getString(4)).isEqualTo(support);
    }
  }

  @Test
  void statusRulesHoldWhatTheShadowTransitionsSay() throws SQLException {
    Deal deal = MoneyFixture.deal(owner, "USD", 10_000);
    long dispute = MoneyFixture.dispute(owner, deal, null, "under_review", 1_000);
    refusedChangingNothing(
        support,
        "23514",
        "SELECT status FROM disputes WHERE id = " + dispute,
        c -> update(c, "UPDATE public.disputes SET status = 'open' WHERE id = ?", dispute));
  }

  @Test
  void aRefundedCheckpointStaysRefundedForTheBackend() throws SQLException {
    Deal deal = MoneyFixture.deal(owner, "USD", 10_000);
    long cp = MoneyFixture.submitted(owner, deal, 4_000, "single", "demo_backend");
    try (Connection fran = db.as("demo_finance")) {
      assertThat(RawMoney.call(fran, "refund_checkpoint", cp, "gone", key()).ok()).isTrue();
    }
    refusedChangingNothing(
        backend,
        "23514",
        "SELECT status || refunded_minor FROM escrow_checkpoints WHERE id = " + cp,
        c ->
            update(
                c, "UPDATE public.escrow_checkpoints SET status = 'submitted' WHERE id = ?", cp));
  }

  @Test
  void theBackendCannotNameAStaffMemberThoughItsShadowSaysItIsASuperuser() throws SQLException {
    Deal deal = MoneyFixture.deal(owner, "USD", 10_000);
    refusedChangingNothing(
        backend,
        "22023",
        "SELECT csat_score FROM contracts WHERE id = " + deal.contract(),
        c -> {
          value(c, "SELECT set_config('arbiter.actor', 'demo_finance', true)");
          update(c, "UPDATE public.contracts SET csat_score = 1.0 WHERE id = ?", deal.contract());
        });
  }

  @Test
  void financeCannotApproveItsOwnRequestWhateverThePeopleTablesSay() throws SQLException {
    Deal deal = MoneyFixture.deal(owner, "USD", 10_000);
    long cp = MoneyFixture.submitted(owner, deal, 4_000, "single", finance);
    try (Connection c = shadowed(finance)) {
      assertThat(RawMoney.call(c, "approve_checkpoint", cp, "mine", null, key()).refusal())
          .contains(MoneyRefusal.SELF_APPROVAL);
    }
    assertThat(value(owner, "SELECT count(*) FROM release_approvals WHERE checkpoint_id = ?", cp))
        .isEqualTo(0L);
  }

  @Test
  void aDeactivatedLoginStaysPowerlessThoughItsShadowSaysItIsActive() throws SQLException {
    Deal deal = MoneyFixture.deal(owner, "USD", 10_000);
    long dispute = MoneyFixture.dispute(owner, deal, null, "under_review", 1_000);
    try (Connection c = shadowed(support)) {
      update(
          owner,
          "UPDATE staff_accounts SET active = false, deactivated_at = now() WHERE login_role = ?",
          support);
      try {
        refusedChangingNothing(
            c,
            "42501",
            "SELECT priority FROM disputes WHERE id = " + dispute,
            s -> update(s, "UPDATE public.disputes SET priority = 'urgent' WHERE id = ?", dispute));
      } finally {
        update(
            owner,
            "UPDATE staff_accounts SET active = true, deactivated_at = NULL WHERE login_role = ?",
            support);
      }
    }
  }

  @Test
  void aNoteCannotSupersedeAPrivateNoteItsAuthorAloneSees() throws SQLException {
    long workspace = Fixtures.workspace(owner, Fixtures.user(owner, "client"));
    long secret;
    try (Connection admin = db.as("demo_admin")) {
      secret =
          ((Number)
                  value(
                      admin,
                      "INSERT INTO contact_notes (workspace_id, body, visibility) VALUES (?,"
                          + " 'owes us', 'private') RETURNING id",
                      workspace))
              .longValue();
    }
    refusedChangingNothing(
        support,
        "23503",
        "SELECT count(*) FROM contact_notes WHERE supersedes_id = " + secret,
        c -> {
          // The shadow shows the private note as an ordinary workspace note.
          update(
              c,
              "INSERT INTO pg_temp.contact_notes (id, workspace_id, author, body, visibility)"
                  + " VALUES (?, ?, 'demo_admin', 'x', 'workspace')",
              secret,
              workspace);
          update(
              c,
              "INSERT INTO public.contact_notes (workspace_id, body, visibility, supersedes_id)"
                  + " VALUES (?, 'corrected', 'workspace', ?)",
              workspace,
              secret);
        });
  }

  /**
   * Runs {@code attack} in a shadowed session of {@code login} and expects it refused with {@code
   * state}, leaving {@code probe}'s answer, the ledger and the audit log as they were.
   */
  private static void refusedChangingNothing(
      String login, String state, String probe, ThrowingConsumer<Connection> attack)
      throws SQLException {
    try (Connection c = shadowed(login)) {
      refusedChangingNothing(c, state, probe, attack);
    }
  }

  private static void refusedChangingNothing(
      Connection c, String state, String probe, ThrowingConsumer<Connection> attack)
      throws SQLException {
    Object before = value(owner, probe);
    long lastEntry = AuditEntries.lastId(db);
    c.setAutoCommit(false);
    try {
      assertThatThrownBy(() -> attack.accept(c))
          .isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo(state);
    } finally {
      c.rollback();
      c.setAutoCommit(true);
    }
    assertThat(value(owner, probe)).isEqualTo(before);
    assertThat(AuditEntries.after(db, lastEntry)).isEmpty();
    assertThat(LedgerVerifier.verify(owner).findings()).isEmpty();
  }

  /** A session of {@code login} with every relation shadowed by a lying temporary table. */
  private static Connection shadowed(String login) throws SQLException {
    Connection c = DriverManager.getConnection(db.jdbcUrl(), login, "demo");
    try (Statement s = c.createStatement()) {
      for (String ddl : shadowDdl) {
        s.execute(ddl);
      }
      // Every move allowed, to anyone.
      s.execute(
          "INSERT INTO pg_temp.status_transitions"
              + " SELECT e, f, t, false FROM (SELECT DISTINCT entity, from_status FROM"
              + " public.status_transitions UNION SELECT DISTINCT entity, to_status FROM"
              + " public.status_transitions) a(e, f)"
              + " JOIN (SELECT DISTINCT entity, to_status FROM public.status_transitions"
              + " UNION SELECT DISTINCT entity, from_status FROM public.status_transitions)"
              + " b(e2, t) ON b.e2 = a.e");
      // Everyone a superuser, every account active and nobody's creation.
      s.execute("INSERT INTO pg_temp.pg_roles SELECT * FROM pg_catalog.pg_roles");
      s.execute("UPDATE pg_temp.pg_roles SET rolsuper = true");
      s.execute(
          "INSERT INTO pg_temp.staff_accounts (id, login_role, display_name, active)"
              + " SELECT id, login_role, display_name, true FROM public.staff_accounts");
    }
    return c;
  }

  // CREATE TEMP TABLE statements with the columns of every relation in the schema and of the
  // catalog views that any of its functions mentions, written from the catalog by the owner.
  private static List<String> shadowDefinitions() throws SQLException {
    List<String> ddl = new ArrayList<>();
    try (Statement s = owner.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT format('CREATE TEMP TABLE %I (%s)', c.relname, string_agg(format('%I %s',"
                    + " a.attname, format_type(a.atttypid, a.atttypmod)), ', ' ORDER BY a.attnum))"
                    + " FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0"
                    + " AND NOT a.attisdropped"
                    + " WHERE c.relkind IN ('r', 'v', 'm', 'p')"
                    + " AND (c.relnamespace = 'public'::regnamespace"
                    + "  OR (c.relnamespace = 'pg_catalog'::regnamespace AND EXISTS (SELECT 1"
                    + "   FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace"
                    + "   AND p.prosrc ~ ('\\m' || c.relname || '\\M'))))"
                    + " GROUP BY c.relname ORDER BY c.relname")) {
      while (rs.next()) {
        ddl.add(rs.getString(1));
      }
    }
    return ddl;
  }

  /** A login in {@code group} that was (wrongly) given TEMPORARY on the database. */
  private static String shadowLogin(String group) throws SQLException {
    String login =
        "shadow_" + group.replace("arbiter_", "").replace("marketplace_", "") + "_" + db.name();
    try (Connection su = db.superuser();
        Statement s = su.createStatement()) {
      s.execute("CREATE ROLE " + login + " LOGIN PASSWORD 'demo' IN ROLE " + group);
      s.execute("GRANT TEMPORARY ON DATABASE " + db.name() + " TO " + login);
    }
    if (!group.equals("marketplace_backend")) {
      update(
          owner,
          "INSERT INTO staff_accounts (login_role, display_name) VALUES (?, ?)",
          login,
          "Shadow " + group);
    }
    return login;
  }

  private static String key() {
    return "shadow-" + Fixtures.next();
  }
}
