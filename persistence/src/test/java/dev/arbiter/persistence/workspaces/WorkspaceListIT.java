package dev.arbiter.persistence.workspaces;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WorkspaceListIT {

  private static TestDatabase db;
  private static WorkspaceFixture busy;
  private static WorkspaceListService service;

  @BeforeAll
  static void database() throws SQLException {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      busy = WorkspaceFixture.create(owner);
      for (int i = 0; i < 11; i++) {
        long user = Fixtures.user(owner, "owner");
        long ws = Fixtures.workspace(owner, user);
        if (i % 3 == 0) {
          Fixtures.update(owner, "UPDATE workspaces SET status = 'suspended' WHERE id = ?", ws);
        }
      }
    }
    service = new WorkspaceListService(db.access("demo_support"));
  }

  private static List<WorkspaceRow> all(WorkspaceQuery first) {
    List<WorkspaceRow> rows = new ArrayList<>();
    WorkspacePage page = service.page(first);
    rows.addAll(page.rows());
    while (page.hasMore()) {
      page = service.page(first.next(page.next()));
      rows.addAll(page.rows());
    }
    return rows;
  }

  @Test
  void rowCarriesOwnerMembersOpenContractsAndEscrowHeld() {
    WorkspaceRow row =
        all(WorkspaceQuery.firstPage(50)).stream()
            .filter(r -> r.id() == busy.workspace())
            .findFirst()
            .orElseThrow();
    assertThat(row.members()).isEqualTo(4);
    assertThat(row.openContracts()).isEqualTo(1);
    assertThat(row.escrowHeldMinor()).isEqualTo(75_000);
    assertThat(row.currency()).isEqualTo("USD");
    assertThat(row.ownerName()).startsWith("owner ");
  }

  @Test
  void keysetPagesCoverEveryRowOnceInOrder() {
    for (WorkspaceSort sort : WorkspaceSort.values()) {
      for (boolean descending : new boolean[] {false, true}) {
        WorkspaceQuery query = new WorkspaceQuery(null, null, null, sort, descending, 5, null);
        List<WorkspaceRow> paged = all(query);
        List<WorkspaceRow> single =
            service.page(new WorkspaceQuery(null, null, null, sort, descending, 500, null)).rows();
        assertThat(paged).as(sort + " desc=" + descending).hasSize(12).isEqualTo(single);
      }
    }
  }

  @Test
  void filtersRunInSql() {
    assertThat(all(new WorkspaceQuery(null, "suspended", null, WorkspaceSort.NAME, false, 3, null)))
        .hasSize(4)
        .allSatisfy(r -> assertThat(r.status()).isEqualTo("suspended"));
    String slug = all(WorkspaceQuery.firstPage(50)).get(0).slug();
    assertThat(
            all(
                new WorkspaceQuery(
                    slug.toUpperCase(), null, null, WorkspaceSort.SLUG, false, 3, null)))
        .extracting(WorkspaceRow::slug)
        .contains(slug);
    assertThat(
            all(new WorkspaceQuery(null, null, "collective", WorkspaceSort.NAME, false, 3, null)))
        .isEmpty();
  }
}
