package dev.arbiter.persistence.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.contract.Transactions;
import dev.arbiter.persistence.escrow.MoneyFixture;
import dev.arbiter.persistence.escrow.MoneyFixture.Deal;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who did it must be who was logged in. Only the backend names an actor, and only a marketplace
 * user or a service; staff never name anyone, themselves included; and what a client adds about a
 * change (command, request id, application name) cannot smuggle control characters or pages of text
 * into the log. Every refused write leaves the row and the audit chain as they were.
 */
class ForgedIdentityIT {

  private static TestDatabase db;
  private static Deal deal;
  private static long pending;
  private static long dispute;
  private static long submitted;

  @BeforeAll
  static void rows() throws SQLException {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      deal = MoneyFixture.deal(owner, "USD", 50_000);
      pending =
          Fixtures.id(
              owner,
              "INSERT INTO escrow_checkpoints (escrow_id, seq, label, amount_minor, currency)"
                  + " VALUES (?, 1, 'Design', 10000, 'USD')",
              deal.escrow());
      submitted = MoneyFixture.submitted(owner, deal, 10_000, "single", "user:7");
      dispute = Fixtures.dispute(owner, deal.contract(), deal.client());
    }
  }

  @ParameterizedTest(name = "backend as \"{0}\"")
  @ValueSource(
      strings = {
        "demo_finance",
        "demo_admin",
        "staff:demo_admin",
        "user:0",
        "user:01",
        "user:-1",
        "user:12345678901234567890",
        "user:1@IOS",
        "user:1@",
        "user:1@9app",
        "user:1 ",
        "user:1;user:2",
        "user:1\nuser:2",
        "user:1@ios\u2028demo_admin",
        "svc:",
        "svc:Billing",
        "svc:billing/../demo_admin"
      })
  void theBackendNamesOnlyAMarketplaceUserOrAService(String actor) throws SQLException {
    String before = Insider.row(db, "escrow_checkpoints", pending);

    try (Connection backend = db.as("demo_backend")) {
      Transactions.refusedLeavingNothing(
          db,
          backend,
          "22023",
          "audit_actor_format",
          c -> {
            Insider.exec(c, "SELECT set_config('arbiter.actor', ?, true)", actor);
            Insider.exec(
                c, "UPDATE escrow_checkpoints SET status = 'submitted' WHERE id = ?", pending);
          });
    }

    assertThat(Insider.row(db, "escrow_checkpoints", pending)).isEqualTo(before);
  }

  @Test
  void theBackendActingForAUserIsRecordedAsThatUserThroughTheBackend() throws SQLException {
    long checkpoint;
    try (Connection owner = db.migrator()) {
      checkpoint =
          Fixtures.id(
              owner,
              "INSERT INTO escrow_checkpoints (escrow_id, seq, label, amount_minor, currency)"
                  + " VALUES (?, 2, 'Build', 10000, 'USD')",
              deal.escrow());
    }
    long head = Insider.auditHead(db);

    try (Connection backend = db.as("demo_backend")) {
      backend.setAutoCommit(false);
      Insider.exec(backend, "SET LOCAL arbiter.actor = 'user:42@ios'");
      Insider.exec(
          backend, "UPDATE escrow_checkpoints SET status = 'submitted' WHERE id = ?", checkpoint);
      backend.commit();
    }

    assertThat(Insider.auditSince(db, head))
        .containsExactly("user:42@ios / demo_backend: update escrow_checkpoints");
    assertThat(Insider.row(db, "escrow_checkpoints", checkpoint))
        .contains("\"requested_by\": \"user:42@ios\"", "\"submission_round\": 1");
  }

  @ParameterizedTest(name = "{0} naming \"{1}\"")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          demo_support   | user:42      | UPDATE disputes SET priority = 'urgent' WHERE id = {dispute}
          demo_support   | demo_support | UPDATE disputes SET priority = 'urgent' WHERE id = {dispute}
          demo_support   | demo_admin   | UPDATE disputes SET priority = 'urgent' WHERE id = {dispute}
          demo_admin     | demo_finance | UPDATE staff_accounts SET display_name = 'Fran F.' WHERE login_role = 'demo_finance'
          demo_admin     | svc:payroll  | UPDATE staff_accounts SET display_name = 'Fran F.' WHERE login_role = 'demo_finance'
          demo_finance   | demo_finance2 | SELECT approve_checkpoint({submitted}, 'Looks fine', NULL, 'forged-approve-1')
          demo_finance   | user:7       | SELECT hold_checkpoint({submitted}, 'Wait', 'forged-hold-0001')
          """)
  void staffNeverNameAnActorNotEvenThemselves(String login, String actor, String sql)
      throws SQLException {
    String statement =
        sql.replace("{dispute}", Long.toString(dispute))
            .replace("{submitted}", Long.toString(submitted));
    String disputeBefore = Insider.row(db, "disputes", dispute);
    String checkpointBefore = Insider.row(db, "escrow_checkpoints", submitted);
    long approvals = Insider.count(db, "SELECT count(*) FROM release_approvals");

    try (Connection c = db.as(login)) {
      Transactions.refusedLeavingNothing(
          db,
          c,
          "42501",
          "audit_actor_format",
          x -> {
            Insider.exec(x, "SELECT set_config('arbiter.actor', ?, true)", actor);
            Insider.exec(x, statement);
          });
    }

    assertThat(Insider.row(db, "disputes", dispute)).isEqualTo(disputeBefore);
    assertThat(Insider.row(db, "escrow_checkpoints", submitted)).isEqualTo(checkpointBefore);
    assertThat(Insider.count(db, "SELECT count(*) FROM release_approvals")).isEqualTo(approvals);
    assertThat(
            Insider.count(
                db, "SELECT count(*) FROM money_requests WHERE idempotency_key LIKE 'forged-%'"))
        .isZero();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          arbiter.command    | "dispute.assign\\nforged line"
          arbiter.command    | "dispute.assign\\r"
          arbiter.command    | "tab\\there"
          arbiter.command    | "\\u001b[2Kdispute.close"
          arbiter.command    | "\\u0085next line"
          arbiter.command    | LONG_201
          arbiter.request_id | short12
          arbiter.request_id | "req 1234567"
          arbiter.request_id | "req-1234567\\n"
          arbiter.request_id | -starts-with-dash
          arbiter.request_id | "ключ-1234567"
          arbiter.request_id | LONG_201
          """)
  void clientContextWithControlCharactersOrOfTheWrongSizeRefusesTheWrite(String setting, String raw)
      throws SQLException {
    String value = raw.equals("LONG_201") ? "r".repeat(201) : Insider.unescape(raw);
    String before = Insider.row(db, "disputes", dispute);

    try (Connection support = db.as("demo_support")) {
      Transactions.refusedLeavingNothing(
          db,
          support,
          "22023",
          "audit_context_format",
          c -> {
            Insider.exec(c, "SELECT set_config(?, ?, true)", setting, value);
            Insider.exec(c, "UPDATE disputes SET priority = 'high' WHERE id = ?", dispute);
          });
    }

    assertThat(Insider.row(db, "disputes", dispute)).isEqualTo(before);
  }

  @ParameterizedTest(name = "U+{0}")
  @ValueSource(strings = {"2028", "2029", "202E"})
  void aCommandCannotCarryAUnicodeLineBreakOrBidiOverride(String codePoint) throws SQLException {
    String value = "dispute.assign" + (char) Integer.parseInt(codePoint, 16) + "admin approved";
    String before = Insider.row(db, "disputes", dispute);

    try (Connection support = db.as("demo_support")) {
      Transactions.refusedLeavingNothing(
          db,
          support,
          "22023",
          "audit_context_format",
          c -> {
            Insider.exec(c, "SELECT set_config('arbiter.command', ?, true)", value);
            Insider.exec(c, "UPDATE disputes SET priority = 'high' WHERE id = ?", dispute);
          });
    }

    assertThat(Insider.row(db, "disputes", dispute)).isEqualTo(before);
  }

  @Test
  void anApplicationNameWithAControlCharacterReachesTheLogOnlyEscaped() throws SQLException {
    long head = Insider.auditHead(db);

    try (Connection support = withApplicationName("Arbiter\nadmin approved")) {
      Insider.exec(support, "UPDATE disputes SET priority = 'low' WHERE id = ?", dispute);
    }

    // PostgreSQL 16 and later escape a byte outside printable ASCII as \xNN; 15 replaces it with
    // '?'. Either way no control character reaches the log.
    String logged =
        db.serverMajorVersion() >= 16 ? "Arbiter\\x0aadmin approved" : "Arbiter?admin approved";
    try (Connection su = db.superuser()) {
      assertThat(Fixtures.value(su, "SELECT client_info FROM audit_log WHERE id > ?", head))
          .isEqualTo(logged);
    }
  }

  @Test
  void anApplicationNameThatEscapesToMoreThan64CharactersRefusesTheWrite() throws SQLException {
    String name = "Arbiter\n\u202e" + "x".repeat(60);
    if (db.serverMajorVersion() < 16) {
      // PostgreSQL 15 replaces each byte outside printable ASCII with '?' and cuts the name to 63
      // bytes itself: nothing unprintable or over-long is left to refuse, and the log holds that.
      long head = Insider.auditHead(db);
      try (Connection support = withApplicationName(name)) {
        Insider.exec(support, "UPDATE disputes SET priority = 'high' WHERE id = ?", dispute);
      }
      try (Connection su = db.superuser()) {
        assertThat(Fixtures.value(su, "SELECT client_info FROM audit_log WHERE id > ?", head))
            .isEqualTo("Arbiter????" + "x".repeat(52));
      }
      return;
    }
    String before = Insider.row(db, "disputes", dispute);

    try (Connection support = withApplicationName(name)) {
      Transactions.refusedLeavingNothing(
          db,
          support,
          "22023",
          "audit_context_format",
          c -> Insider.exec(c, "UPDATE disputes SET priority = 'high' WHERE id = ?", dispute));
    }

    assertThat(Insider.row(db, "disputes", dispute)).isEqualTo(before);
  }

  /** A support session whose client says it is {@code name} (the server escapes and cuts it). */
  private static Connection withApplicationName(String name) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", "demo_support");
    props.setProperty("password", "demo");
    props.setProperty("ApplicationName", name);
    return java.sql.DriverManager.getConnection(db.jdbcUrl(), props);
  }

  @Test
  void nobodyWritesTheAuditLogOrCallsItsAppendFunction() throws SQLException {
    long head = Insider.auditHead(db);
    for (String login : new String[] {"demo_admin", "demo_backend", "demo_finance"}) {
      try (Connection c = db.as(login)) {
        assertThat(
                Insider.refused(
                        c,
                        "SELECT audit_append('update', 'escrow_checkpoints', '1', NULL,"
                            + " '{\"status\": \"released\"}')")
                    .getSQLState())
            .isEqualTo("42501");
        assertThat(
                Insider.refused(
                        c,
                        "INSERT INTO audit_log (id, occurred_at, actor, db_user, action, entity_type,"
                            + " prev_hash, hash) VALUES (999999, now(), 'demo_admin', 'demo_admin',"
                            + " 'update', 'x', '\\x00', '\\x00')")
                    .getSQLState())
            .isEqualTo("42501");
      }
    }
    assertThat(Insider.auditHead(db)).isEqualTo(head);
  }
}
