package dev.arbiter.persistence.security;

import static dev.arbiter.persistence.escrow.RawMoney.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.contract.Transactions;
import dev.arbiter.persistence.escrow.MoneyFixture;
import dev.arbiter.persistence.escrow.MoneyFixture.Deal;
import dev.arbiter.persistence.ledger.MoneyResult;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A login deactivated while its console is open. deactivate_staff ends its sessions where the owner
 * may signal backends; where it may not (a shared server whose DBA did not grant
 * pg_signal_backend), the session stays connected and the database itself must refuse everything it
 * tries. Both are tried here: the second by marking the accounts inactive as deactivate_staff does,
 * without ending their sessions.
 */
class DeactivatedSessionIT {

  private static final String PASSWORD = "throwaway-pass-1";

  private static TestDatabase db;
  private static long approved;
  private static long settlement;
  private static long dispute;
  private static long flaggedUser;
  private static final Map<String, String> LOGINS = new LinkedHashMap<>();
  private static final Map<String, Connection> SURVIVORS = new LinkedHashMap<>();

  @BeforeAll
  static void openSessionsThenDeactivateTheirAccounts() throws SQLException {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      Deal deal = MoneyFixture.deal(owner, "USD", 50_000);
      approved = MoneyFixture.approved(owner, deal, 10_000, "demo_finance2");
      Deal other = MoneyFixture.deal(owner, "USD", 50_000);
      long proposedOn = MoneyFixture.dispute(owner, other, null, "settling", 5_000);
      settlement =
          MoneyFixture.settlement(
              owner, proposedOn, "refund_to_payer", 0, 5_000, "USD", "demo_support");
      dispute = MoneyFixture.dispute(owner, other, null, "settling", 5_000);
      flaggedUser = Fixtures.user(owner, "client");
      Fixtures.flag(owner, flaggedUser);
    }
    for (String group : new String[] {"finance", "support", "moderator", "admin"}) {
      LOGINS.put(group, throwaway("arbiter_" + group));
      SURVIVORS.put(group, Insider.login(db, LOGINS.get(group), PASSWORD));
    }
    try (Connection moderator = Insider.login(db, LOGINS.get("moderator"), PASSWORD)) {
      Insider.exec(moderator, "SELECT moderation_claim('user', ?)", flaggedUser);
    }
    try (Connection owner = db.migrator()) {
      for (String login : LOGINS.values()) {
        Insider.exec(
            owner,
            "UPDATE staff_accounts SET active = false, deactivated_at = now() WHERE login_role = ?",
            login);
      }
    }
  }

  @AfterAll
  static void close() throws SQLException {
    for (Connection c : SURVIVORS.values()) {
      c.close();
    }
    Insider.assertLedgerClean(db);
  }

  /** A login demo_admin creates and grants {@code group}, as the staff screen does. */
  private static String throwaway(String group) throws SQLException {
    String login = Insider.freshLogin("rt_gone");
    try (Connection admin = db.as("demo_admin")) {
      Insider.exec(admin, "SELECT create_staff_login(?, 'Temp Worker', ?)", login, PASSWORD);
      Insider.exec(admin, "SELECT grant_staff_role(?, ?)", login, group);
    }
    return login;
  }

  @Test
  void aSessionEndedByDeactivationMovesNoMoneyAndCannotComeBack() throws SQLException {
    String login = throwaway("arbiter_finance");
    String before = Insider.row(db, "escrow_checkpoints", approved);
    long journals = Insider.journals(db);

    try (Connection open = Insider.login(db, login, PASSWORD);
        Connection admin = db.as("demo_admin")) {
      assertThat(Fixtures.value(admin, "SELECT deactivate_staff(?)", login)).isEqualTo(true);

      try {
        MoneyResult r = call(open, "release_checkpoint", approved, null, "gone-" + Fixtures.next());
        assertThat(r.outcome()).isEqualTo("deactivated");
      } catch (SQLException ended) {
        assertThat(ended.getSQLState()).as(ended.getMessage()).matches("57P01|08.*");
      }
    }
    assertThatThrownBy(() -> Insider.login(db, login, PASSWORD))
        .isInstanceOf(SQLException.class)
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("28000");

    assertThat(Insider.row(db, "escrow_checkpoints", approved)).isEqualTo(before);
    assertThat(Insider.journals(db)).isEqualTo(journals);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          finance | SELECT release_checkpoint({approved}, NULL, 'gone-release-1')
          finance | SELECT refund_checkpoint({approved}, 'Gone', 'gone-refund-01')
          finance | SELECT hold_checkpoint({approved}, 'Gone', 'gone-hold-0001')
          finance | SELECT execute_settlement({settlement}, 'Gone', 'gone-settle-01')
          finance | SELECT send_back_settlement({settlement}, 'Gone', 'gone-sendback')
          """)
  void anOpenFinanceSessionGetsDeactivatedForEveryMoneyFunction(String group, String sql)
      throws SQLException {
    String statement = fill(sql);
    long journals = Insider.journals(db);
    long head = Insider.auditHead(db);
    String checkpoint = Insider.row(db, "escrow_checkpoints", approved);
    String proposal = Insider.row(db, "settlements", settlement);

    String answer = (String) Fixtures.value(SURVIVORS.get(group), statement + "::text");

    assertThat(MoneyResult.parse(answer).outcome()).isEqualTo("deactivated");
    assertThat(Insider.journals(db)).isEqualTo(journals);
    assertThat(Insider.auditHead(db)).isEqualTo(head);
    assertThat(Insider.row(db, "escrow_checkpoints", approved)).isEqualTo(checkpoint);
    assertThat(Insider.row(db, "settlements", settlement)).isEqualTo(proposal);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          support   | UPDATE disputes SET priority = 'urgent' WHERE id = {dispute}
          support   | INSERT INTO dispute_messages (dispute_id, visibility, body) VALUES ({dispute}, 'internal', 'still here')
          support   | INSERT INTO settlements (dispute_id, outcome, payee_minor, payer_minor, currency, reason) VALUES ({dispute}, 'dismissed', 0, 0, 'USD', 'still here')
          support   | SELECT withdraw_settlement({settlement}, 'still here')
          moderator | SELECT moderation_decide('user', {flaggedUser}, 'suspend_user', 'spam', NULL, interval '30 days')
          moderator | SELECT moderation_claim('user', {flaggedUser})
          moderator | SELECT moderation_release('user', {flaggedUser})
          admin     | SELECT create_staff_login('rt_gone_created', 'Ghost', 'ghost-password')
          admin     | SELECT grant_staff_role('demo_support', 'arbiter_finance')
          admin     | SELECT deactivate_staff('demo_finance2')
          admin     | UPDATE staff_accounts SET display_name = 'Renamed by a ghost' WHERE login_role = 'demo_finance'
          """)
  void anOpenStaffSessionChangesNothingOnceItsAccountIsInactive(String group, String sql)
      throws SQLException {
    String statement = fill(sql);
    String before = snapshot();

    Transactions.refusedLeavingNothing(
        db, SURVIVORS.get(group), "42501", "staff_active", c -> Insider.exec(c, statement));

    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void anOpenSessionOfAnInactiveAccountCannotPublishPresence() throws SQLException {
    long rows = Insider.count(db, "SELECT count(*) FROM console_presence");

    SQLException refusal =
        Insider.refused(
            SURVIVORS.get("support"),
            "INSERT INTO console_presence (entity_type, entity_id, mode)"
                + " VALUES ('dispute', ?, 'editing')",
            dispute);

    assertThat(refusal.getSQLState()).isEqualTo("42501");
    assertThat(Insider.count(db, "SELECT count(*) FROM console_presence")).isEqualTo(rows);
  }

  /** Every row the refused statements aim at, and the staff roles they would grant. */
  private static String snapshot() throws SQLException {
    return String.join(
        "\n",
        Insider.row(db, "disputes", dispute),
        Insider.row(db, "settlements", settlement),
        Insider.row(db, "users", flaggedUser),
        String.valueOf(Insider.count(db, "SELECT count(*) FROM dispute_messages")),
        String.valueOf(Insider.count(db, "SELECT count(*) FROM settlements")),
        String.valueOf(Insider.count(db, "SELECT count(*) FROM moderation_decisions")),
        String.valueOf(Insider.count(db, "SELECT count(*) FROM staff_accounts WHERE active")),
        String.valueOf(
            Insider.count(
                db,
                "SELECT count(*) FROM moderation_flags WHERE entity_id = ? AND assigned_to IS NOT NULL",
                flaggedUser)),
        String.valueOf(
            Insider.count(db, "SELECT count(*) FROM pg_roles WHERE rolname = 'rt_gone_created'")),
        String.valueOf(
            Insider.count(
                db,
                "SELECT count(*) FROM pg_auth_members WHERE member = 'demo_support'::regrole"
                    + " AND roleid = 'arbiter_finance'::regrole")),
        String.valueOf(
            Insider.count(
                db, "SELECT count(*) FROM staff_accounts WHERE display_name LIKE '%ghost%'")));
  }

  private static String fill(String sql) {
    return sql.replace("{approved}", Long.toString(approved))
        .replace("{settlement}", Long.toString(settlement))
        .replace("{dispute}", Long.toString(dispute))
        .replace("{flaggedUser}", Long.toString(flaggedUser));
  }
}
