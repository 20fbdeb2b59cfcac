package dev.arbiter.persistence.security;

import static dev.arbiter.persistence.escrow.RawMoney.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.contract.Transactions;
import dev.arbiter.persistence.db.StaffLogins;
import dev.arbiter.persistence.escrow.MoneyFixture;
import dev.arbiter.persistence.escrow.MoneyFixture.Deal;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Four eyes are two people, not two logins. An admin who creates a login knows its first password,
 * so every login an admin made counts as that admin (arbiter_person); two such logins cannot be the
 * two approvers of a dual checkpoint, or the proposer and the executor of a settlement, and an
 * admin gives itself no role.
 */
@Timeout(120)
class FourEyesPersonsIT {

  private static final String PASSWORD = "four-eyes-pass";

  private static TestDatabase db;

  /** A second admin, made by the DBA: a person of its own. */
  private static String adminB;

  @BeforeAll
  static void secondAdmin() throws SQLException {
    db = TestDatabase.fresh();
    adminB = dbaAdmin();
  }

  /** An admin login a DBA made outside Arbiter: nobody else knows its password. */
  private static String dbaAdmin() throws SQLException {
    String login = Insider.freshLogin("rt_dba_admin");
    try (Connection owner = db.migrator()) {
      StaffLogins.ensureLogin(owner, login, PASSWORD, List.of("arbiter_admin"));
      Insider.exec(
          owner,
          "INSERT INTO staff_accounts (login_role, display_name) VALUES (?, 'DBA-made admin')",
          login);
    }
    return login;
  }

  /** {@code creator} makes a login; {@code granter} gives it {@code group}. */
  private static String created(Connection creator, Connection granter, String group)
      throws SQLException {
    String login = Insider.freshLogin("rt_made");
    Insider.exec(creator, "SELECT create_staff_login(?, 'Made Login', ?)", login, PASSWORD);
    Insider.exec(granter, "SELECT grant_staff_role(?, ?)", login, group);
    return login;
  }

  private static String approve(String login, long checkpoint) throws SQLException {
    try (Connection c = Insider.login(db, login, PASSWORD)) {
      return call(c, "approve_checkpoint", checkpoint, "Fine", null, "four-eyes-" + Fixtures.next())
          .outcome();
    }
  }

  private static String release(String login, long checkpoint) throws SQLException {
    try (Connection c = Insider.login(db, login, PASSWORD)) {
      return call(c, "release_checkpoint", checkpoint, null, "four-eyes-" + Fixtures.next())
          .outcome();
    }
  }

  private static long dualCheckpoint() throws SQLException {
    try (Connection owner = db.migrator()) {
      Deal deal = MoneyFixture.deal(owner, "USD", 10_000);
      return MoneyFixture.submitted(owner, deal, 10_000, "dual", "user:7");
    }
  }

  @Test
  void twoLoginsOneAdminMadeAreOnePersonForADualApproval() throws SQLException {
    String x;
    String y;
    try (Connection a = db.as("demo_admin");
        Connection b = Insider.login(db, adminB, PASSWORD)) {
      x = created(a, b, "arbiter_finance");
      y = created(a, b, "arbiter_finance");
    }
    long checkpoint = dualCheckpoint();
    long journals = Insider.journals(db);

    assertThat(approve(x, checkpoint)).isEqualTo("ok");
    assertThat(approve(y, checkpoint)).isEqualTo("same_person");
    assertThat(release(x, checkpoint)).isEqualTo("illegal_status");
    assertThat(release(y, checkpoint)).isEqualTo("illegal_status");

    assertThat(
            Insider.count(
                db, "SELECT count(*) FROM release_approvals WHERE checkpoint_id = ?", checkpoint))
        .isOne();
    assertThat(Insider.row(db, "escrow_checkpoints", checkpoint))
        .contains("\"status\": \"submitted\"");
    assertThat(Insider.journals(db)).isEqualTo(journals);

    try (Connection fran = db.as("demo_finance")) {
      assertThat(
              call(
                      fran,
                      "approve_checkpoint",
                      checkpoint,
                      "Fine",
                      null,
                      "four-eyes-" + Fixtures.next())
                  .outcome())
          .as("a second person still counts")
          .isEqualTo("ok");
    }
    assertThat(release(y, checkpoint)).isEqualTo("ok");
    Insider.assertLedgerClean(db);
  }

  @Test
  void aProposalIsNotExecutedByAnotherLoginOfItsProposer() throws SQLException {
    String support;
    String finance;
    try (Connection a = db.as("demo_admin");
        Connection b = Insider.login(db, adminB, PASSWORD)) {
      support = created(a, b, "arbiter_support");
      finance = created(a, b, "arbiter_finance");
    }
    long settlement;
    try (Connection owner = db.migrator()) {
      Deal deal = MoneyFixture.deal(owner, "USD", 10_000);
      long dispute = MoneyFixture.dispute(owner, deal, null, "settling", 4_000);
      try (Connection s = Insider.login(db, support, PASSWORD)) {
        settlement =
            Fixtures.id(
                s,
                "INSERT INTO settlements (dispute_id, outcome, payee_minor, payer_minor, currency,"
                    + " reason) VALUES (?, 'refund_to_payer', 0, 4000, 'USD', 'Agreed')",
                dispute);
      }
    }
    String before = Insider.row(db, "settlements", settlement);
    long journals = Insider.journals(db);

    try (Connection f = Insider.login(db, finance, PASSWORD)) {
      assertThat(
              call(f, "execute_settlement", settlement, "Go", "four-eyes-" + Fixtures.next())
                  .outcome())
          .isEqualTo("self_approval");
    }

    assertThat(Insider.row(db, "settlements", settlement)).isEqualTo(before);
    assertThat(Insider.journals(db)).isEqualTo(journals);
  }

  @Test
  void anAdminCannotGrantItsOwnLoginARole() throws SQLException {
    String admin = dbaAdmin();
    try (Connection c = Insider.login(db, admin, PASSWORD)) {
      Transactions.refusedLeavingNothing(
          db,
          c,
          "42501",
          "staff_own_roles",
          x -> Insider.exec(x, "SELECT grant_staff_role(?, 'arbiter_finance')", admin));
    }
    assertThat(groupsOf(admin)).isEqualTo("{arbiter_admin}");
  }

  @Test
  void anAdminCannotGrantItselfARoleThroughALoginItCreated() throws SQLException {
    String admin = dbaAdmin();
    String puppet;
    try (Connection a = Insider.login(db, admin, PASSWORD)) {
      puppet = created(a, a, "arbiter_admin");
    }
    try (Connection p = Insider.login(db, puppet, PASSWORD)) {
      SQLException refusal =
          Insider.refused(p, "SELECT grant_staff_role(?, 'arbiter_finance')", admin);
      assertThat(refusal.getSQLState()).isEqualTo("42501");
    }
    assertThat(groupsOf(admin)).isEqualTo("{arbiter_admin}");
  }

  @Test
  void aLongChainOfCreatedLoginsIsStillOnePerson() throws SQLException {
    String root = dbaAdmin();
    String previous = root;
    String[] chain = new String[67];
    for (int i = 1; i < chain.length; i++) {
      try (Connection c = Insider.login(db, previous, PASSWORD)) {
        chain[i] = created(c, c, "arbiter_admin");
      }
      previous = chain[i];
    }
    try (Connection c = Insider.login(db, chain[64], PASSWORD)) {
      Insider.exec(c, "SELECT grant_staff_role(?, 'arbiter_finance')", chain[65]);
      Insider.exec(c, "SELECT grant_staff_role(?, 'arbiter_finance')", chain[66]);
    }
    long checkpoint = dualCheckpoint();

    assertThat(approve(chain[65], checkpoint)).isEqualTo("ok");
    assertThat(approve(chain[66], checkpoint))
        .as("the same admin approving twice")
        .isEqualTo("same_person");
    assertThat(Insider.row(db, "escrow_checkpoints", checkpoint))
        .contains("\"status\": \"submitted\"");
  }

  private static String groupsOf(String login) throws SQLException {
    try (Connection su = db.superuser()) {
      return Fixtures.value(su, "SELECT staff_groups_of(?)::text", login).toString();
    }
  }
}
