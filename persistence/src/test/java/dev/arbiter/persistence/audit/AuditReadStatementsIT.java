package dev.arbiter.persistence.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.audit.AuditFixture.Written;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.SQLException;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What each audit screen costs in statements, so that a query per row cannot creep in. */
class AuditReadStatementsIT {

  private static TestDatabase db;
  private static Written w;
  private static AuditQueryService queries;
  private static RecordHistoryService histories;
  private static Statistics stats;

  @BeforeAll
  static void entries() throws SQLException {
    db = TestDatabase.fresh();
    w = AuditFixture.write(db);
    queries = new AuditQueryService(db.access("demo_support"), false);
    histories = new RecordHistoryService(db.access("demo_support"), false);
    stats = db.sessionFactory("demo_support").getStatistics();
  }

  @BeforeEach
  void clear() {
    stats.clear();
  }

  @Test
  void aPageIsOneQueryWhateverItsSize() {
    AuditPage page = queries.page(AuditFilter.none(), Long.MAX_VALUE, 20);

    assertThat(page.entries()).hasSize(20);
    assertThat(stats.getPrepareStatementCount()).isEqualTo(1);
  }

  @Test
  void aLoginFilterAsksOnceWhetherTheLoginNamesOthers() {
    AuditPage page = queries.page(AuditFilter.none().withActor("demo_backend"), Long.MAX_VALUE, 5);

    assertThat(page.entries()).isNotEmpty();
    assertThat(stats.getPrepareStatementCount()).isEqualTo(2);
  }

  @Test
  void aTextSearchBoundsItsTimeInTheSameTransaction() {
    AuditPage page = queries.page(AuditFilter.none().withText("needle"), Long.MAX_VALUE, 5);

    assertThat(page.entries()).isNotEmpty();
    assertThat(stats.getPrepareStatementCount()).isEqualTo(2);
  }

  @Test
  void aTimeRangeFindsEachOfItsBoundsInOneQuery() {
    AuditPage page =
        queries.page(
            AuditFilter.none().between(w.consoleFrom(), w.consoleTo()), Long.MAX_VALUE, 10);

    assertThat(page.entries()).isNotEmpty();
    assertThat(stats.getPrepareStatementCount()).isEqualTo(3);
  }

  @Test
  void anEntrysDetailLoadsOneRow() {
    long id = queries.page(AuditFilter.none(), Long.MAX_VALUE, 1).entries().get(0).id();
    stats.clear();

    AuditRecord entry = queries.entry(id).orElseThrow();

    assertThat(entry.id()).isEqualTo(id);
    assertThat(stats.getPrepareStatementCount()).isEqualTo(1);
    assertThat(stats.getEntityLoadCount()).isEqualTo(1);
  }

  @Test
  void anEntrysDetailMatchesItsRowOnThePage() {
    AuditFilter user = AuditFilter.record("users", Long.toString(w.hiddenUser()));
    AuditRecord listed =
        queries.page(user.withAction("update"), Long.MAX_VALUE, 1).entries().get(0);

    assertThat(queries.entry(listed.id())).contains(listed);
  }

  @Test
  void aRecordsHistoryIsOneQuery() {
    RecordHistory history = histories.history("disputes", w.seed().dispute());

    assertThat(history.changes()).hasSizeGreaterThanOrEqualTo(3);
    assertThat(stats.getPrepareStatementCount()).isEqualTo(1);
  }
}
