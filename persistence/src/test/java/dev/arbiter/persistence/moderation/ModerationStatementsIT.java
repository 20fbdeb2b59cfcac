package dev.arbiter.persistence.moderation;

import static dev.arbiter.persistence.moderation.ModerationFixture.flag;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.model.moderation.FlaggedEntityType;
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
 * What the moderation screens cost in statements, so that a query per flag or per row cannot creep
 * in: an item costs the same with one flag as with ten, and a queue page is one statement.
 */
class ModerationStatementsIT {

  private static final String LOGIN = "demo_moderator";
  // Preview, flags, their reporters, content, author, earlier flags, decisions against the author,
  // decisions on the item, timeline.
  private static final int ITEM_STATEMENTS = 9;

  private static TestDatabase db;
  private static ItemKey oneFlag;
  private static ItemKey tenFlags;

  @BeforeAll
  static void createItems() throws SQLException {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      long author = ModerationFixture.user(owner);
      oneFlag = item(owner, author, 1);
      tenFlags = item(owner, author, 10);
    }
  }

  private static ItemKey item(Connection owner, long author, int flags) throws SQLException {
    long message = ModerationFixture.message(owner, author, "flagged " + flags + " times");
    for (int i = 0; i < flags; i++) {
      flag(owner, "dispute_message", message, ModerationFixture.user(owner), "spam", "medium");
    }
    return new ItemKey(FlaggedEntityType.DISPUTE_MESSAGE, message);
  }

  @Test
  void anItemCostsTheSameStatementsWithOneFlagAsWithTen() {
    ModerationItemService items = new ModerationItemService(db.access(LOGIN));
    Statistics stats = db.sessionFactory(LOGIN).getStatistics();

    stats.clear();
    ItemDetail one = items.load(oneFlag);
    long forOne = stats.getPrepareStatementCount();
    stats.clear();
    ItemDetail ten = items.load(tenFlags);
    long forTen = stats.getPrepareStatementCount();

    assertThat(one.flags()).hasSize(1);
    assertThat(ten.flags()).hasSize(10);
    assertThat(ten.flags()).allSatisfy(f -> assertThat(f.reporterName()).isNotBlank());
    assertThat(forOne).isEqualTo(forTen).isEqualTo(ITEM_STATEMENTS);
    assertThat(stats.getEntityLoadCount()).isEqualTo(10);
  }

  @Test
  void aQueuePageIsOneStatementFirstOrDeep() {
    CountingDataSource pool =
        new CountingDataSource(db.dataSource(LOGIN, StaffLogins.DEMO_PASSWORD));
    ModerationQueueService queue = new ModerationQueueService(DataAccesses.over(pool.dataSource()));

    QueuePage first = queue.page(QueueFilter.open(), QueueSort.PRIORITY, null, 1);
    assertThat(pool.takeCount()).isOne();

    QueuePage second = queue.page(QueueFilter.open(), QueueSort.PRIORITY, first.next(), 1);
    assertThat(pool.takeCount()).isOne();
    assertThat(second.rows()).hasSize(1).doesNotContainAnyElementsOf(first.rows());
  }
}
