package dev.arbiter.persistence.automation;

import static dev.arbiter.persistence.contract.Fixtures.update;
import static dev.arbiter.persistence.contract.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.model.moderation.FlagDecision;
import dev.arbiter.persistence.audit.AuditEntries;
import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.escrow.MoneyFixture;
import dev.arbiter.persistence.escrow.MoneyFixture.Deal;
import dev.arbiter.persistence.escrow.RawMoney;
import dev.arbiter.persistence.ledger.LedgerVerifier;
import dev.arbiter.persistence.moderation.DecisionEntry;
import dev.arbiter.persistence.moderation.ItemKey;
import dev.arbiter.persistence.moderation.ModerationItemService;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each rule on items due, not due and not allowed: what is due is acted on once, under the rule's
 * own actor, and audited; what is not is left as it was, with the reason in the rule's answer.
 */
class AutomationRulesIT {

  private static TestDatabase db;
  private static Connection owner;
  private final List<String> log = new ArrayList<>();
  private AutomationWorker worker;

  @BeforeAll
  static void open() throws SQLException {
    db = TestDatabase.fresh();
    owner = db.migrator();
  }

  @AfterAll
  static void close() throws SQLException {
    owner.close();
  }

  @AfterEach
  void stop() {
    if (worker != null) {
      worker.close();
    }
  }

  private AutomationWorker worker() {
    worker =
        new AutomationWorker(
            db.dataSource(TestDatabase.WORKER, "demo"),
            "test-worker",
            log::add,
            Optional.empty(),
            Clock.systemUTC());
    return worker;
  }

  @Test
  void aDueAutoCheckpointIsPaidOnceUnderTheAutomationsActor() throws SQLException {
    Deal deal = MoneyFixture.deal(owner, "USD", 30_000);
    long due = autoCheckpoint(deal, 10_000, "now() - interval '1 minute'");
    long later = autoCheckpoint(deal, 10_000, "now() + interval '1 day'");
    long before = AuditEntries.lastId(db);

    RuleOutcome first = worker().run(AutomationRule.AUTO_RELEASE);
    RuleOutcome second = worker.run(AutomationRule.AUTO_RELEASE);

    assertThat(first.items())
        .extracting(RuleOutcome.Item::item)
        .containsExactly("checkpoint " + due);
    assertThat(first.acted()).isOne();
    assertThat(second.items()).isEmpty();
    assertThat(status(due)).isEqualTo("released");
    assertThat(status(later)).isEqualTo("submitted");
    assertThat(value(owner, "SELECT released_by FROM escrow_checkpoints WHERE id = ?", due))
        .isEqualTo("system:auto-release");
    assertThat(
            value(
                owner,
                "SELECT count(*) FROM journals WHERE checkpoint_id = ? AND kind = 'release'"
                    + " AND idempotency_key LIKE 'auto-release:' || ? || ':%'",
                due,
                due))
        .isEqualTo(1L);
    List<AuditEntries.Row> entries = AuditEntries.after(db, before);
    assertThat(entries).isNotEmpty();
    assertThat(entries)
        .allSatisfy(
            e -> {
              assertThat(e.actor()).isEqualTo("system:auto-release");
              assertThat(e.dbUser()).isEqualTo(TestDatabase.WORKER);
            });
    assertThat(LedgerVerifier.verify(owner).findings()).isEmpty();
    assertThat(log)
        .anyMatch(line -> line.contains("auto-release checkpoint " + due + ": released"));
  }

  @Test
  void theClockNeverPaysWhatAPersonMustDecideOrWhatIsDisputedHeldOrShort() throws SQLException {
    Deal deal = MoneyFixture.deal(owner, "USD", 30_000);
    long disputed = autoCheckpoint(deal, 5_000, "now() - interval '1 hour'");
    MoneyFixture.dispute(owner, deal, disputed, "open", 1_000);
    Deal rated = MoneyFixture.deal(owner, "USD", 30_000);
    long lowCsat = autoCheckpoint(rated, 5_000, "now() - interval '1 hour'");
    MoneyFixture.threshold(owner, lowCsat, "4.90");
    long held =
        autoCheckpoint(MoneyFixture.deal(owner, "USD", 30_000), 5_000, "now() - interval '1 hour'");
    update(
        owner,
        "UPDATE escrow_checkpoints SET status = 'on_hold', hold_reason = 'KYC' WHERE id = ?",
        held);
    long dual =
        MoneyFixture.submitted(
            owner, MoneyFixture.deal(owner, "USD", 30_000), 5_000, "dual", "x_login");
    update(
        owner,
        "UPDATE escrow_checkpoints SET auto_release_at = now() - interval '1 hour' WHERE id = ?",
        dual);
    long journals = journals();

    RuleOutcome outcome = worker().run(AutomationRule.AUTO_RELEASE);

    assertThat(outcome.acted()).isZero();
    assertThat(outcome.items())
        .extracting(RuleOutcome.Item::item, RuleOutcome.Item::detail)
        .contains(
            org.assertj.core.groups.Tuple.tuple("checkpoint " + disputed, "a dispute is open"),
            org.assertj.core.groups.Tuple.tuple(
                "checkpoint " + lowCsat, "CSAT 4.50 is below the threshold 4.90"));
    assertThat(outcome.items())
        .extracting(RuleOutcome.Item::item)
        .doesNotContain("checkpoint " + held, "checkpoint " + dual);
    assertThat(List.of(status(disputed), status(lowCsat), status(held), status(dual)))
        .containsExactly("submitted", "submitted", "on_hold", "submitted");
    assertThat(journals()).isEqualTo(journals);
  }

  @Test
  void anEscalationDeadlineEscalatesOnceAndHandsTheCaseToSupport() throws SQLException {
    Deal deal = MoneyFixture.deal(owner, "USD", 10_000);
    long due =
        deadlineDispute(deal, "under_review", "auto_escalate", "now() - interval '5 minutes'");
    long notYet =
        deadlineDispute(deal, "under_review", "auto_escalate", "now() + interval '1 hour'");
    long before = AuditEntries.lastId(db);

    RuleOutcome first = worker().run(AutomationRule.DEADLINE);
    RuleOutcome again = worker.run(AutomationRule.DEADLINE);

    assertThat(first.acted()).isOne();
    assertThat(again.items()).isEmpty();
    assertThat(value(owner, "SELECT status || ' ' || assigned_to FROM disputes WHERE id = ?", due))
        .isEqualTo("escalated demo_support");
    assertThat(value(owner, "SELECT deadline_acted_at IS NOT NULL FROM disputes WHERE id = ?", due))
        .isEqualTo(true);
    assertThat(value(owner, "SELECT status FROM disputes WHERE id = ?", notYet))
        .isEqualTo("under_review");
    assertThat(AuditEntries.after(db, before))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.actor()).isEqualTo("system:deadline"));

    // A new deadline set by support is a new rule to act on.
    try (Connection support = db.as("demo_support")) {
      update(
          support,
          "UPDATE disputes SET response_due_at = now() + interval '1 hour',"
              + " deadline_action = 'auto_escalate' WHERE id = ?",
          due);
    }
    assertThat(value(owner, "SELECT deadline_acted_at FROM disputes WHERE id = ?", due)).isNull();
  }

  @Test
  void aResolutionDeadlineProposesTheSettlementAndLeavesTheMoneyToFinance() throws SQLException {
    Deal deal = MoneyFixture.deal(owner, "USD", 10_000);
    long due =
        deadlineDispute(
            deal, "awaiting_parties", "auto_resolve_payee", "now() - interval '1 minute'");
    long journals = journals();

    RuleOutcome outcome = worker().run(AutomationRule.DEADLINE);

    assertThat(outcome.acted()).isOne();
    assertThat(value(owner, "SELECT status FROM disputes WHERE id = ?", due)).isEqualTo("settling");
    assertThat(
            value(
                owner,
                "SELECT outcome || ' ' || payee_minor || ' ' || proposed_by FROM settlements"
                    + " WHERE dispute_id = ? AND status = 'proposed'",
                due))
        .isEqualTo("release_to_payee 2000 system:deadline");
    assertThat(journals()).isEqualTo(journals);
    long settlement = (Long) value(owner, "SELECT id FROM settlements WHERE dispute_id = ?", due);
    try (Connection fran = db.as("demo_finance")) {
      assertThat(
              RawMoney.call(fran, "execute_settlement", settlement, null, "exec-" + Fixtures.next())
                  .ok())
          .isTrue();
    }
    assertThat(LedgerVerifier.verify(owner).findings()).isEmpty();
  }

  @Test
  void expiriesAndHousekeepingActOnWhatIsDueOnly() throws SQLException {
    long client = Fixtures.user(owner, "client");
    long workspace = Fixtures.workspace(owner, client);
    long expired = invite(workspace, "now() - interval '1 minute'");
    long valid = invite(workspace, "now() + interval '1 day'");
    long suspended = Fixtures.user(owner, "freelancer");
    update(
        owner,
        "UPDATE users SET status = 'suspended', suspended_until = now() - interval '1 minute' WHERE id = ?",
        suspended);
    long stillSuspended = Fixtures.user(owner, "freelancer");
    update(
        owner,
        "UPDATE users SET status = 'suspended', suspended_until = now() + interval '1 day' WHERE id = ?",
        stillSuspended);
    long flag = Fixtures.flag(owner, Fixtures.user(owner, "client"));
    update(
        owner,
        "UPDATE moderation_flags SET assigned_to = 'demo_moderator', claimed_at = now() - interval '2 hours' WHERE id = ?",
        flag);

    worker().runOnce();

    assertThat(value(owner, "SELECT status FROM workspace_invites WHERE id = ?", expired))
        .isEqualTo("expired");
    assertThat(value(owner, "SELECT status FROM workspace_invites WHERE id = ?", valid))
        .isEqualTo("pending");
    assertThat(
            value(
                owner,
                "SELECT status || coalesce(suspended_until::text, '') FROM users WHERE id = ?",
                suspended))
        .isEqualTo("warned");
    assertThat(value(owner, "SELECT status FROM users WHERE id = ?", stillSuspended))
        .isEqualTo("suspended");
    assertThat(value(owner, "SELECT assigned_to FROM moderation_flags WHERE id = ?", flag))
        .isNull();
    assertThat(
            value(
                owner,
                "SELECT count(*) FROM automation_runs WHERE worker = 'test-worker'"
                    + " AND finished_at > now() - interval '1 minute'"))
        .isEqualTo((long) AutomationRule.values().length);
  }

  @Test
  void aSuspensionLiftedByTheClockShowsInTheUsersModerationHistory() throws SQLException {
    long user = Fixtures.user(owner, "freelancer");
    Fixtures.flag(owner, user);
    ItemKey item = ItemKey.of("user", user);
    try (Connection moderator = db.as("demo_moderator")) {
      value(moderator, "SELECT moderation_claim('user', ?)", user);
      value(
          moderator,
          "SELECT moderation_decide('user', ?, 'suspend_user', 'spam', NULL, interval '1 day')",
          user);
    }
    // The day has passed.
    update(
        owner, "UPDATE users SET suspended_until = now() - interval '1 minute' WHERE id = ?", user);
    update(
        owner,
        "UPDATE moderation_decisions SET suspended_until = now() - interval '1 minute'"
            + " WHERE subject_user_id = ?",
        user);

    worker().run(AutomationRule.SUSPENSION_EXPIRY);
    worker.run(AutomationRule.SUSPENSION_EXPIRY);

    DecisionEntry suspension =
        new ModerationItemService(db.access("demo_moderator"))
            .load(item)
            .author()
            .decisions()
            .get(0);
    assertThat(suspension.decision()).isEqualTo(FlagDecision.SUSPEND_USER);
    assertThat(suspension.liftedBy()).isEqualTo("system:suspension-expiry");
    assertThat(suspension.liftedAt()).isNotNull();
    assertThat(value(owner, "SELECT status FROM users WHERE id = ?", user)).isEqualTo("warned");
    assertThat(
            value(
                owner,
                "SELECT count(*) FROM audit_log WHERE entity_type = 'moderation_decisions'"
                    + " AND entity_id = ? AND actor = 'system:suspension-expiry'",
                Long.toString(suspension.id())))
        .isEqualTo(1L);
  }

  @Test
  void onlyTheAutomationRunsTheRulesAndTheAutomationDoesNothingElse() throws SQLException {
    for (String login : List.of("demo_support", "demo_finance", "demo_admin", "demo_backend")) {
      try (Connection c = db.as(login)) {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> value(c, "SELECT automation_auto_release(10)"))
            .isInstanceOf(SQLException.class)
            .extracting(e -> ((SQLException) e).getSQLState())
            .isEqualTo("42501");
      }
    }
    try (Connection c = db.as(TestDatabase.WORKER)) {
      for (String sql :
          List.of(
              "SELECT count(*) FROM disputes",
              "UPDATE escrow_checkpoints SET status = 'approved'",
              "SELECT release_checkpoint(1, NULL, 'worker-key-1')",
              "SELECT moderation_claim('user', 1)",
              "SELECT grant_staff_role('demo_support', 'arbiter_admin')")) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> value(c, sql))
            .as(sql)
            .isInstanceOf(SQLException.class)
            .extracting(e -> ((SQLException) e).getSQLState())
            .isEqualTo("42501");
      }
      // Whatever actor it names, a rule's changes are recorded under the rule.
      long invite = invite(Fixtures.workspace(owner, Fixtures.user(owner, "client")), "now()");
      long before = AuditEntries.lastId(db);
      c.setAutoCommit(false);
      value(c, "SELECT set_config('arbiter.actor', 'demo_finance', true)");
      value(c, "SELECT automation_expire_invites(10)");
      c.commit();
      assertThat(value(owner, "SELECT status FROM workspace_invites WHERE id = ?", invite))
          .isEqualTo("expired");
      assertThat(AuditEntries.after(db, before))
          .extracting(AuditEntries.Row::actor)
          .containsOnly("system:invite-expiry");
    }
  }

  private long autoCheckpoint(Deal deal, long amount, String autoReleaseAt) throws SQLException {
    long cp = MoneyFixture.submitted(owner, deal, amount, "auto", "demo_backend");
    update(
        owner,
        "UPDATE escrow_checkpoints SET auto_release_at = " + autoReleaseAt + " WHERE id = ?",
        cp);
    return cp;
  }

  private long deadlineDispute(Deal deal, String status, String action, String due)
      throws SQLException {
    long id = MoneyFixture.dispute(owner, deal, null, status, 2_000);
    update(
        owner,
        "UPDATE disputes SET deadline_action = ?, response_due_at = " + due + " WHERE id = ?",
        action,
        id);
    return id;
  }

  private long invite(long workspace, String expiresAt) throws SQLException {
    return Fixtures.id(
        owner,
        "INSERT INTO workspace_invites (workspace_id, email, role, token_hash, expires_at, created_at)"
            + " VALUES (?, ?, 'member', sha256(?::bytea), "
            + expiresAt
            + ", now() - interval '2 days')",
        workspace,
        "invitee" + Fixtures.next() + "@example.test",
        "token-" + Fixtures.next());
  }

  private static String status(long checkpoint) throws SQLException {
    return (String) value(owner, "SELECT status FROM escrow_checkpoints WHERE id = ?", checkpoint);
  }

  private static long journals() throws SQLException {
    return (Long) value(owner, "SELECT count(*) FROM journals");
  }
}
