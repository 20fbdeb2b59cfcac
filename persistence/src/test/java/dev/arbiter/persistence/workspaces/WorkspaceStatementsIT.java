package dev.arbiter.persistence.workspaces;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.db.StaffLogins;
import dev.arbiter.persistence.testing.CountingDataSource;
import dev.arbiter.persistence.testing.DataAccesses;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the workspace screens cost in statements: a workspace costs the same with one member as with
 * twenty (no query per member, invite or note), and a list page is one statement.
 */
class WorkspaceStatementsIT {

  private static final String LOGIN = "demo_admin";
  // Workspace with its owner, settings, contact contracts, members, invites, notes, contracts,
  // disputes, flags, timeline.
  private static final int DETAIL_STATEMENTS = 10;

  private static TestDatabase db;
  private static long small;
  private static long large;

  @BeforeAll
  static void createWorkspaces() throws SQLException {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      small = workspace(owner, 1);
      large = workspace(owner, 20);
    }
  }

  private static long workspace(Connection owner, int members) throws SQLException {
    long ownerUser = Fixtures.user(owner, "owner");
    long workspace = Fixtures.workspace(owner, ownerUser);
    for (int i = 0; i < members; i++) {
      long user = i == 0 ? ownerUser : Fixtures.user(owner, "member");
      Fixtures.update(
          owner,
          "INSERT INTO workspace_members (workspace_id, user_id, role, invited_by)"
              + " VALUES (?, ?, ?, ?)",
          workspace,
          user,
          i == 0 ? "owner" : "member",
          i == 0 ? null : ownerUser);
      Fixtures.update(
          owner,
          "INSERT INTO contact_notes (workspace_id, subject_user_id, body, visibility)"
              + " VALUES (?, ?, 'Spoke to them', 'workspace')",
          workspace,
          user);
    }
    return workspace;
  }

  @Test
  void aWorkspaceCostsTheSameStatementsWithOneMemberAsWithTwenty() {
    WorkspaceDetailService details = new WorkspaceDetailService(db.access(LOGIN), true);
    Statistics stats = db.sessionFactory(LOGIN).getStatistics();

    stats.clear();
    WorkspaceDetails one = details.load(small);
    long forOne = stats.getPrepareStatementCount();
    stats.clear();
    WorkspaceDetails twenty = details.load(large);
    long forTwenty = stats.getPrepareStatementCount();

    assertThat(one.members()).hasSize(1);
    assertThat(twenty.members()).hasSize(20);
    assertThat(twenty.notes()).hasSize(20);
    assertThat(forOne).isEqualTo(forTwenty).isEqualTo(DETAIL_STATEMENTS);
  }

  @Test
  void aListPageIsOneStatementFirstOrNext() {
    CountingDataSource pool =
        new CountingDataSource(db.dataSource(LOGIN, StaffLogins.DEMO_PASSWORD));
    WorkspaceListService list = new WorkspaceListService(DataAccesses.over(pool.dataSource()));

    WorkspacePage first = list.page(WorkspaceQuery.firstPage(1));
    assertThat(pool.takeCount()).isOne();

    WorkspacePage next = list.page(WorkspaceQuery.firstPage(1).next(first.next()));
    assertThat(pool.takeCount()).isOne();
    assertThat(next.rows()).hasSize(1).doesNotContainAnyElementsOf(first.rows());
  }
}
