package dev.arbiter.persistence.disputes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.model.common.DatabaseValue;
import dev.arbiter.model.disputes.DisputeStatus;
import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.disputes.DisputeCommand.ChangeStatus;
import dev.arbiter.persistence.disputes.DisputeFixtures.Deal;
import dev.arbiter.persistence.staff.StaffRole;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.EnumMap;
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
 * Random sequences of status changes, made through the service and as raw SQL by every role, never
 * take a dispute off the legal graph: each change that happens is a legal direct move made by a
 * role allowed to make it, each legal move by such a role happens, and each write is audited once.
 */
class DisputeStatusPropertyIT {

  /** Who attempts a change, and how. */
  enum Actor {
    SERVICE(null, true),
    SUPPORT_SQL("demo_support", true),
    BACKEND_SQL("demo_backend", true),
    FINANCE_SQL("demo_finance", false),
    MODERATOR_SQL("demo_moderator", false),
    ADMIN_SQL("demo_admin", false);

    final String login;
    final boolean mayWriteStatus;

    Actor(String login, boolean mayWriteStatus) {
      this.login = login;
      this.mayWriteStatus = mayWriteStatus;
    }
  }

  record Step(Actor actor, DisputeStatus target) {}

  private static TestDatabase db;
  private static Deal deal;
  private static SupportDesk desk;
  private static final Map<Actor, Connection> CONNECTIONS = new EnumMap<>(Actor.class);

  @BeforeContainer
  static void open() throws Exception {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      deal = DisputeFixtures.deal(owner, "Pat Payer", "Quinn Payee", 50_000);
    }
    desk = SupportDesk.open(db, "demo_support", StaffRole.SUPPORT);
    for (Actor actor : Actor.values()) {
      if (actor.login != null) {
        CONNECTIONS.put(actor, db.as(actor.login));
      }
    }
  }

  @AfterContainer
  static void close() throws SQLException {
    for (Connection c : CONNECTIONS.values()) {
      c.close();
    }
    desk.close();
  }

  @Property(tries = 40, seed = "20261207")
  void statusChangesStayOnTheLegalGraph(
      @ForAll DisputeStatus start, @ForAll("steps") List<Step> steps) throws Exception {
    long id;
    try (Connection owner = db.migrator()) {
      id = DisputeFixtures.open().status(start.dbValue()).insert(owner, deal);
    }
    int writes = 0;
    for (Step step : steps) {
      DisputeStatus before = status(id);
      boolean wrote = attempt(step, id);
      DisputeStatus after = status(id);
      // The backend moves a case only when the parties answered; every other move is support's.
      boolean legal =
          before.canMoveTo(step.target())
              && !before.requiresMoneyFunction(step.target())
              && (step.actor() != Actor.BACKEND_SQL
                  || (before == DisputeStatus.AWAITING_PARTIES
                      && step.target() == DisputeStatus.UNDER_REVIEW));
      // The service moves to settling only by proposing a settlement, never by a bare change.
      boolean serviceRefusesOnPurpose =
          step.actor() == Actor.SERVICE && step.target() == DisputeStatus.SETTLING;

      if (after != before) {
        assertThat(legal).as("%s moved %s -> %s", step.actor(), before, after).isTrue();
        assertThat(step.actor().mayWriteStatus).as("%s changed the status", step.actor()).isTrue();
        assertThat(after).isEqualTo(step.target());
      }
      if (legal && step.actor().mayWriteStatus && !serviceRefusesOnPurpose) {
        assertThat(after)
            .as("%s: legal %s -> %s", step.actor(), before, step.target())
            .isEqualTo(step.target());
      }
      if (wrote) {
        writes++;
      }
    }
    try (Connection c = db.superuser()) {
      Object audited =
          Fixtures.value(
              c,
              "SELECT count(*) FROM audit_log WHERE entity_type = 'disputes' AND entity_id = ?"
                  + " AND action = 'update'",
              Long.toString(id));
      assertThat(((Number) audited).intValue()).isEqualTo(writes);
    }
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    return Combinators.combine(Arbitraries.of(Actor.class), Arbitraries.of(DisputeStatus.class))
        .as(Step::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(12);
  }

  /** Tries the step and says whether a row was written (a refusal writes nothing). */
  private static boolean attempt(Step step, long id) throws SQLException {
    if (step.actor() == Actor.SERVICE) {
      try {
        DisputeSnapshot seen = desk.cases.load(id).orElseThrow().snapshot();
        desk.actions.execute(new ChangeStatus(seen, step.target(), DisputeCommand.newKey()));
        return true;
      } catch (DisputeActionRefused refused) {
        return false;
      }
    }
    Connection c = CONNECTIONS.get(step.actor());
    try (PreparedStatement ps = c.prepareStatement("UPDATE disputes SET status = ? WHERE id = ?")) {
      ps.setString(1, step.target().dbValue());
      ps.setLong(2, id);
      return ps.executeUpdate() == 1;
    } catch (SQLException refused) {
      assertThat(refused.getSQLState()).isIn("42501", "23514");
      return false;
    }
  }

  private static DisputeStatus status(long id) throws SQLException {
    try (Connection c = db.superuser()) {
      return DatabaseValue.fromDb(
          DisputeStatus.class,
          (String) Fixtures.value(c, "SELECT status FROM disputes WHERE id = ?", id));
    }
  }
}
