package dev.arbiter.persistence.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.model.audit.AuditActor;
import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.contract.Fixtures.Seed;
import dev.arbiter.persistence.db.StaffLogins;
import dev.arbiter.persistence.disputes.DisputeCaseService;
import dev.arbiter.persistence.escrow.CheckpointDetailService;
import dev.arbiter.persistence.moderation.ItemKey;
import dev.arbiter.persistence.moderation.ModerationItemService;
import dev.arbiter.persistence.testing.TestDatabase;
import dev.arbiter.persistence.timeline.TimelineEntry;
import dev.arbiter.persistence.workspaces.WorkspaceDetailService;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The backend writes as its own login for a marketplace user it names; every read model that says
 * who changed a record carries both, so the console can never show the user without the login.
 */
class NamedActorReadModelsIT {

  private static final String USER = "user:4821@ios";
  private static final AuditActor FOR_USER = new AuditActor(USER, StaffLogins.DEMO_BACKEND);

  private static TestDatabase db;
  private static Seed seed;

  @BeforeAll
  static void backendActsForAUser() throws SQLException {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      seed = Fixtures.seed(owner);
      // The backend moves a case only when the parties answered.
      Fixtures.update(
          owner, "UPDATE disputes SET status = 'under_review' WHERE id = ?", seed.dispute());
      Fixtures.update(
          owner, "UPDATE disputes SET status = 'awaiting_parties' WHERE id = ?", seed.dispute());
    }
    try (Connection backend = db.as(StaffLogins.DEMO_BACKEND);
        Statement s = backend.createStatement()) {
      backend.setAutoCommit(false);
      s.execute("SET LOCAL arbiter.actor = '" + USER + "'");
      s.execute("UPDATE disputes SET status = 'under_review' WHERE id = " + seed.dispute());
      s.execute("UPDATE workspaces SET name = 'Renamed by the app' WHERE id = " + seed.workspace());
      s.execute(
          "UPDATE escrow_checkpoints SET status = 'submitted' WHERE id = "
              + seed.pendingCheckpoint());
      s.execute(
          "INSERT INTO moderation_flags (entity_type, entity_id, reporter_id, reason, severity)"
              + " VALUES ('user', "
              + seed.client()
              + ", "
              + seed.freelancer()
              + ", 'harassment', 'medium')");
      backend.commit();
    }
  }

  @Test
  void recordHistoryNamesTheUserAndTheBackendLogin() {
    RecordHistory history =
        new RecordHistoryService(db.access("demo_support"), false)
            .history("disputes", seed.dispute());

    AuditRecord last = history.changes().get(history.changes().size() - 1);
    assertThat(last.by()).isEqualTo(FOR_USER);
    assertThat(last.by().text()).isEqualTo("user:4821@ios (via demo_backend)");
    assertThat(history.changes().get(0).by().isOnBehalf()).isFalse();
  }

  @Test
  void theDisputeTimelineCarriesBothIdentities() {
    TimelineEntry newest =
        new DisputeCaseService(db.access("demo_support"), false)
            .load(seed.dispute())
            .orElseThrow()
            .timeline()
            .get(0);

    assertThat(newest.by()).isEqualTo(FOR_USER);
    assertThat(newest.summary()).contains("status: awaiting_parties → under_review");
  }

  @Test
  void theWorkspaceHistoryCarriesBothIdentities() {
    TimelineEntry newest =
        new WorkspaceDetailService(db.access("demo_admin"), true)
            .load(seed.workspace())
            .timeline()
            .get(0);

    assertThat(newest.by()).isEqualTo(FOR_USER);
    assertThat(newest.summary()).contains("Renamed by the app");
  }

  @Test
  void theCheckpointTimelineCarriesBothIdentities() {
    TimelineEntry newest =
        new CheckpointDetailService(db.access("demo_finance"))
            .load(seed.pendingCheckpoint())
            .orElseThrow()
            .timeline()
            .get(0);

    assertThat(newest.by()).isEqualTo(FOR_USER);
    assertThat(newest.summary()).isEqualTo("status pending → submitted");
  }

  @Test
  void theModerationItemHistoryCarriesBothIdentities() {
    TimelineEntry newest =
        new ModerationItemService(db.access("demo_moderator"))
            .load(ItemKey.of("user", seed.client()))
            .timeline()
            .get(0);

    assertThat(newest.by()).isEqualTo(FOR_USER);
    assertThat(newest.summary()).contains("raised: harassment");
  }
}
