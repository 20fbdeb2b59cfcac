package dev.arbiter.persistence.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A global search costs a fixed number of statements: the time limit, the login's roles, and one
 * query per kind the login may search, whatever it finds.
 */
class GlobalSearchStatementsIT {

  private static TestDatabase db;

  @BeforeAll
  static void createWorkspaces() throws SQLException {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      for (int i = 0; i < 12; i++) {
        Fixtures.workspace(owner, Fixtures.user(owner, "owner"));
      }
    }
  }

  @Test
  void aSearchIsTwoStatementsAndOnePerKindTheLoginMaySearch() {
    assertThat(statements("demo_admin", "studio")).isEqualTo(2 + 2);
    assertThat(statements("demo_admin", "nothing like it")).isEqualTo(2 + 2);
    assertThat(statements("demo_finance", "studio")).isEqualTo(2 + 1);
  }

  private static long statements(String login, String text) {
    GlobalSearchService search = new GlobalSearchService(db.access(login));
    Statistics stats = db.sessionFactory(login).getStatistics();
    stats.clear();
    List<SearchHit> hits = search.search(text);
    long count = stats.getPrepareStatementCount();
    if (login.equals("demo_admin") && text.equals("studio")) {
      assertThat(hits).extracting(SearchHit::kind).contains(SearchKind.WORKSPACE);
    }
    return count;
  }
}
