package dev.arbiter.persistence.workspaces;

import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.plans.QueryPlan;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The workspace list's sorts by a column of the workspace read a page from an index, in both
 * directions, with the values bound and as a generic plan. (The sorts by members, open contracts
 * and escrow held are aggregates over every workspace; docs/PERFORMANCE.md has their cost.)
 */
class WorkspaceListPlanIT {

  private static final int WORKSPACES = 5_000;

  private static final Map<WorkspaceSort, String> INDEX =
      Map.of(
          WorkspaceSort.NAME, "workspaces_name_idx",
          WorkspaceSort.SLUG, "workspaces_slug_key",
          WorkspaceSort.STATUS, "workspaces_list_status",
          WorkspaceSort.CREATED, "workspaces_list_created");

  private static TestDatabase db;

  @BeforeAll
  static void fill() throws Exception {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      long user = Fixtures.user(owner, "agency_owner");
      try (PreparedStatement ps =
          owner.prepareStatement(
              "INSERT INTO workspaces (owner_id, name, slug, type, status, created_at)"
                  + " SELECT ?, 'Studio ' || (g * 7919) % 100000, 'plan-' || g,"
                  + " (ARRAY['agency','company','studio','collective'])[1 + g % 4],"
                  + " (ARRAY['active','active','active','suspended','archived'])[1 + g % 5],"
                  + " now() - ((g::bigint * 104729) % 60480000) * interval '1 second'"
                  + " FROM generate_series(1, ?) g")) {
        ps.setLong(1, user);
        ps.setInt(2, WORKSPACES);
        ps.executeUpdate();
      }
      try (Statement s = owner.createStatement()) {
        s.execute("ANALYZE workspaces");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = WorkspaceSort.class,
      names = {"NAME", "SLUG", "STATUS", "CREATED"})
  void sortsByAColumnReadAPageFromItsIndex(WorkspaceSort sort) throws Exception {
    try (Connection c = db.as("demo_admin")) {
      for (boolean descending : new boolean[] {false, true}) {
        WorkspaceQuery query = new WorkspaceQuery(null, null, null, sort, descending, 50, null);
        WorkspaceListService.Statement page = WorkspaceListService.statement(query);
        QueryPlan.custom(c, page.sql(), page.params())
            .uses(INDEX.get(sort))
            .examinesAtMost(QueryPlan.A_PAGE, "workspaces");
        QueryPlan.generic(c, page.sql(), page.params())
            .examinesAtMost(QueryPlan.A_PAGE, "workspaces");
      }
    }
  }
}
