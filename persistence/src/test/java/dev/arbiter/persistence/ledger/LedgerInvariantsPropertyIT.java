package dev.arbiter.persistence.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.escrow.MoneyFixture;
import dev.arbiter.persistence.escrow.MoneyFixture.Deal;
import dev.arbiter.persistence.escrow.RawMoney;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random sequences of finance actions by random staff logins, as raw SQL. Whatever is refused or
 * accepted, after every single step the ledger verifies clean and no four-eyes rule is broken.
 *
 * <p>The seed is fixed (and printed), so a run in CI is the run anyone can repeat. Every sequence
 * also carries a release, a refund and a settlement execution by a finance login at random places,
 * so that the closing check (money moved every way) does not depend on the generator's luck.
 */
class LedgerInvariantsPropertyIT {

  static final String SEED = "20261207";

  private static final List<String> LOGINS =
      List.of("demo_finance", "demo_finance2", "demo_support", "demo_admin", "demo_moderator");

  private static TestDatabase db;
  private static Connection owner;
  private static final Map<String, Connection> AS = new HashMap<>();

  enum Kind {
    APPROVE,
    APPROVE_WITH_OVERRIDE,
    REJECT,
    HOLD,
    UNHOLD,
    RELEASE_ALL,
    RELEASE_PART,
    REFUND,
    EXECUTE_SETTLEMENT,
    SEND_BACK_SETTLEMENT,
    RESUBMIT,
    REPLAY_LAST
  }

  record Step(Kind kind, int login, int target, int percent) {}

  @BeforeContainer
  static void open() throws SQLException {
    System.out.println("LedgerInvariantsPropertyIT: jqwik seed " + SEED);
    db = TestDatabase.fresh();
    owner = db.migrator();
    for (String login : LOGINS) {
      AS.put(login, db.as(login));
    }
  }

  @AfterContainer
  static void close() throws SQLException {
    // The sequences must have moved money, not only been refused, for the property to mean much.
    assertThat(
            MoneyFixture.longValue(owner, "SELECT count(*) FROM journals WHERE kind = 'release'"))
        .isPositive();
    assertThat(MoneyFixture.longValue(owner, "SELECT count(*) FROM journals WHERE kind = 'refund'"))
        .isPositive();
    assertThat(
            MoneyFixture.longValue(
                owner, "SELECT count(*) FROM settlements WHERE status <> 'proposed'"))
        .isPositive();
    owner.close();
    for (Connection c : AS.values()) {
      c.close();
    }
  }

  @Property(tries = 25, seed = SEED)
  void ledgerAndFourEyesInvariantsHoldAfterEveryStep(@ForAll("steps") List<Step> steps)
      throws Exception {
    Deal deal = MoneyFixture.deal(owner, "USD", 40_000);
    long[] checkpoints = {
      MoneyFixture.submitted(owner, deal, 10_000, "single", "demo_finance"),
      MoneyFixture.submitted(owner, deal, 10_000, "dual", "requester_login"),
      MoneyFixture.submitted(owner, deal, 10_000, "single", "demo_finance2"),
      MoneyFixture.approved(owner, deal, 10_000, "demo_finance2")
    };
    MoneyFixture.threshold(owner, checkpoints[2], "4.80");
    Deal disputed = MoneyFixture.deal(owner, "USD", 8_000);
    long dispute = MoneyFixture.dispute(owner, disputed, null, "settling", 5_000);
    long settlement =
        MoneyFixture.settlement(owner, dispute, "split", 3_000, 2_000, "USD", "demo_support");
    Object[] lastArgs = null;
    String lastFunction = null;

    for (Step step : steps) {
      Connection c = AS.get(LOGINS.get(step.login()));
      long cp = checkpoints[step.target() % checkpoints.length];
      String key = "prop-" + Fixtures.next();
      String function;
      Object[] args;
      switch (step.kind()) {
        case APPROVE -> {
          function = "approve_checkpoint";
          args = new Object[] {cp, "ok", null, key};
        }
        case APPROVE_WITH_OVERRIDE -> {
          function = "approve_checkpoint";
          args = new Object[] {cp, "ok", "Client confirmed by phone", key};
        }
        case REJECT -> {
          function = "reject_checkpoint";
          args = new Object[] {cp, "Missing invoice", key};
        }
        case HOLD -> {
          function = "hold_checkpoint";
          args = new Object[] {cp, "Checking bank details", key};
        }
        case UNHOLD -> {
          function = "unhold_checkpoint";
          args = new Object[] {cp, null, key};
        }
        case RELEASE_ALL -> {
          function = "release_checkpoint";
          args = new Object[] {cp, null, key};
        }
        case RELEASE_PART -> {
          function = "release_checkpoint";
          args = new Object[] {cp, 100L * step.percent(), key};
        }
        case REFUND -> {
          function = "refund_checkpoint";
          args = new Object[] {cp, "Client cancelled", key};
        }
        case EXECUTE_SETTLEMENT -> {
          function = "execute_settlement";
          args = new Object[] {settlement, null, key};
        }
        case SEND_BACK_SETTLEMENT -> {
          function = "send_back_settlement";
          args = new Object[] {settlement, "Needs evidence", key};
        }
        case RESUBMIT -> {
          // The marketplace resubmits a rejected checkpoint; a new review round begins.
          MoneyFixture.resubmit(db, cp);
          assertInvariants();
          continue;
        }
        case REPLAY_LAST -> {
          if (lastFunction == null) {
            continue;
          }
          function = lastFunction;
          args = lastArgs;
        }
        default -> throw new IllegalStateException();
      }
      try {
        RawMoney.call(c, function, args);
      } catch (SQLException refused) {
        // Only logins outside Finance are refused the call itself.
        assertThat(refused.getSQLState()).isEqualTo("42501");
        assertThat(LOGINS.get(step.login())).doesNotStartWith("demo_finance");
      }
      lastFunction = function;
      lastArgs = args;
      assertInvariants();
    }
  }

  private static void assertInvariants() throws SQLException {
    assertThat(LedgerVerifier.verify(owner).findings()).isEmpty();
    assertThat(
            MoneyFixture.longValue(
                owner,
                "SELECT count(*) FROM release_approvals ra JOIN escrow_checkpoints cp"
                    + " ON cp.id = ra.checkpoint_id"
                    + " WHERE ra.reviewer = cp.requested_by AND ra.decision = 'approve'"))
        .as("self-approvals")
        .isZero();
    assertThat(
            MoneyFixture.longValue(
                owner, "SELECT count(*) FROM escrow_checkpoints WHERE released_by = requested_by"))
        .as("releases by their requester")
        .isZero();
    assertThat(
            MoneyFixture.longValue(
                owner,
                "SELECT count(DISTINCT j.checkpoint_id) FROM journals j"
                    + " JOIN escrow_checkpoints cp ON cp.id = j.checkpoint_id"
                    + " WHERE j.kind = 'release' AND (SELECT count(DISTINCT ra.reviewer)"
                    + " FROM release_approvals ra WHERE ra.checkpoint_id = cp.id"
                    + " AND ra.decision = 'approve' AND ra.reviewer <> coalesce(cp.requested_by, ''))"
                    + " < CASE WHEN cp.approval_requirement = 'dual'"
                    + " OR cp.csat_threshold IS NOT NULL THEN 2 ELSE 1 END"))
        .as("releases without enough distinct approvers")
        .isZero();
    assertThat(
            MoneyFixture.longValue(
                owner,
                "SELECT count(*) FROM money_requests r JOIN journals j ON j.id = r.journal_id"
                    + " WHERE j.idempotency_key <> r.idempotency_key"))
        .as("journals posted under another request's key")
        .isZero();
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step =
        Combinators.combine(
                Arbitraries.of(Kind.class),
                Arbitraries.integers().between(0, LOGINS.size() - 1),
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(1, 120))
            .as(Step::new);
    Arbitrary<List<Step>> random = step.list().ofMinSize(5).ofMaxSize(30);
    return Combinators.combine(
            random,
            financeStep(Kind.RELEASE_ALL, 3),
            financeStep(Kind.REFUND, 0),
            financeStep(Kind.EXECUTE_SETTLEMENT, 0),
            Arbitraries.integers().between(0, 1000).list().ofSize(3))
        .as(
            (steps, release, refund, settle, places) -> {
              List<Step> all = new ArrayList<>(steps);
              List<Step> required = List.of(release, refund, settle);
              for (int i = 0; i < required.size(); i++) {
                all.add(places.get(i) % (all.size() + 1), required.get(i));
              }
              return all;
            });
  }

  /**
   * A step by one of the two finance logins on {@code target}: the approved checkpoint (3) for a
   * release, a submitted one (0) for a refund; which login and where in the sequence vary.
   */
  private static Arbitrary<Step> financeStep(Kind kind, int target) {
    return Arbitraries.integers().between(0, 1).map(login -> new Step(kind, login, target, 100));
  }
}
