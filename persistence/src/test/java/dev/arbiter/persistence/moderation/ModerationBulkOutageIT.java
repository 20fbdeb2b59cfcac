package dev.arbiter.persistence.moderation;

import static dev.arbiter.persistence.moderation.ModerationFixture.SECOND_MODERATOR;
import static dev.arbiter.persistence.moderation.ModerationFixture.count;
import static dev.arbiter.persistence.moderation.ModerationFixture.flag;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.model.moderation.FlagDecision;
import dev.arbiter.model.moderation.FlaggedEntityType;
import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.moderation.BulkResult.Outcome;
import dev.arbiter.persistence.moderation.CuttingDataSource.Cut;
import dev.arbiter.persistence.session.CommitOutcomes;
import dev.arbiter.persistence.session.ConsoleTarget;
import dev.arbiter.persistence.session.StaffDatabase;
import dev.arbiter.persistence.testing.DataAccesses;
import dev.arbiter.persistence.testing.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A bulk run whose session the server ends part-way (V82): what was answered is kept, the item in
 * flight is settled by its request key, the rest are reported not sent, and sending the leftovers
 * again under their keys decides every item exactly once.
 */
class ModerationBulkOutageIT {

  private static TestDatabase db;
  private static StaffDatabase mo;
  private static StaffDatabase max;

  private Connection owner;
  private CuttingDataSource cutting;
  private ModerationBulkService bulk;
  private CommitOutcomes outcomes;

  @BeforeAll
  static void signIn() throws Exception {
    db = TestDatabase.fresh();
    ModerationFixture.secondModerator(db);
    ConsoleTarget target = new ConsoleTarget(db.jdbcUrl(), false, "test");
    mo = StaffDatabase.open(target, "demo_moderator", "demo");
    max = StaffDatabase.open(target, SECOND_MODERATOR, "demo");
  }

  @AfterAll
  static void signOut() {
    mo.close();
    max.close();
  }

  @BeforeEach
  void open() throws SQLException {
    owner = db.migrator();
    cutting = new CuttingDataSource(mo.dataSource(), db);
    DataAccess access = DataAccesses.over(cutting);
    // Hibernate starts before any commit is counted, as the console's does at its first read.
    access.read(session -> session.isOpen());
    bulk = new ModerationBulkService(access);
    outcomes = new CommitOutcomes(mo.access());
  }

  @AfterEach
  void close() throws SQLException {
    owner.close();
  }

  @Test
  void aRunCutBeforeACommitKeepsItsAnswersAndTheRetryDecidesEachItemOnce() throws Exception {
    List<ItemKey> keys = items(5);
    new ModerationDecisionService(max.access()).claim(keys.get(1));
    List<BulkItem> plan = BulkItem.plan(keys);
    // Item 0 commits, item 1 is refused (rolled back), item 2 commits, item 3 is cut at its commit.
    cutting.cutCommit(3, Cut.BEFORE_COMMIT);

    List<BulkResult> first = bulk.apply(plan, dismiss(keys.get(0)));

    assertThat(first).extracting(BulkResult::item).containsExactlyElementsOf(plan);
    assertThat(first)
        .as(first.toString())
        .extracting(BulkResult::outcome)
        .containsExactly(
            Outcome.DECIDED, Outcome.REFUSED, Outcome.DECIDED, Outcome.UNKNOWN, Outcome.NOT_SENT);
    assertThat(first.get(1).refusal()).contains("claimed by " + SECOND_MODERATOR);
    assertThat(decisionsPerItem(keys)).containsExactly(1L, 0L, 1L, 0L, 0L);
    assertThat(decisionId(keys.get(0))).isEqualTo(first.get(0).decisionId());
    assertThat(decisionId(keys.get(2))).isEqualTo(first.get(2).decisionId());
    // The item in flight died with the session: its key says so, and a retry is safe.
    assertThat(outcomes.committed(plan.get(3).requestKey())).isFalse();
    assertThat(outcomes.committed(plan.get(0).requestKey())).isTrue();

    List<BulkResult> retry = bulk.apply(leftOver(first), dismiss(keys.get(0)));

    assertThat(retry).extracting(BulkResult::outcome).containsOnly(Outcome.DECIDED);
    assertThat(decisionsPerItem(keys)).containsExactly(1L, 0L, 1L, 1L, 1L);

    // Once the colleague lets go, the whole plan again: the decided items replay their first
    // decision, and only the refused one (its key still free) is decided now.
    new ModerationDecisionService(max.access()).release(keys.get(1));
    List<BulkResult> again = bulk.apply(plan, dismiss(keys.get(0)));

    assertThat(again).extracting(BulkResult::outcome).containsOnly(Outcome.DECIDED);
    assertThat(again.get(0).decisionId()).isEqualTo(first.get(0).decisionId());
    assertThat(again.get(3).decisionId()).isEqualTo(retry.get(0).decisionId());
    assertThat(decisionsPerItem(keys)).containsOnly(1L);
    for (BulkItem item : plan) {
      assertThat(requests(item.requestKey())).as(item.key().label()).isOne();
    }
  }

  @Test
  void aRunWhoseAnswerIsLostAfterACommitReportsTheItemUnknownAndItsKeySettlesIt() throws Exception {
    List<ItemKey> keys = items(4);
    List<BulkItem> plan = BulkItem.plan(keys);
    cutting.cutCommit(2, Cut.AFTER_COMMIT);

    List<BulkResult> first = bulk.apply(plan, dismiss(keys.get(0)));

    assertThat(first)
        .as(first.toString())
        .extracting(BulkResult::outcome)
        .containsExactly(Outcome.DECIDED, Outcome.UNKNOWN, Outcome.NOT_SENT, Outcome.NOT_SENT);
    // Committed although the answer never came: the key says so.
    assertThat(decisionsPerItem(keys)).containsExactly(1L, 1L, 0L, 0L);
    assertThat(outcomes.committed(plan.get(1).requestKey())).isTrue();

    List<BulkResult> retry = bulk.apply(leftOver(first), dismiss(keys.get(0)));

    assertThat(retry).extracting(BulkResult::outcome).containsOnly(Outcome.DECIDED);
    // Sent again, the item in flight replays its decision instead of being decided twice.
    assertThat(retry.get(0).decisionId()).isEqualTo(decisionId(keys.get(1)));
    assertThat(decisionsPerItem(keys)).containsOnly(1L);
  }

  @Test
  void aRunThatCannotGetAConnectionReportsEveryItemNotSent() throws Exception {
    List<ItemKey> keys = items(2);
    List<BulkItem> plan = BulkItem.plan(keys);
    // The console started on the real server; then the server is gone (nothing listens on port
    // 1) before the run starts.
    PGSimpleDataSource gone = new PGSimpleDataSource();
    gone.setUrl("jdbc:postgresql://localhost:1/arbiter?connectTimeout=2");
    gone.setUser("demo_moderator");
    gone.setPassword("demo");
    AtomicReference<DataSource> server = new AtomicReference<>(mo.dataSource());
    DataAccess access = DataAccesses.over(rerouted(server));
    access.read(session -> session.isOpen());
    server.set(gone);
    ModerationBulkService unreachable = new ModerationBulkService(access);

    List<BulkResult> results = unreachable.apply(plan, dismiss(keys.get(0)));

    assertThat(results).extracting(BulkResult::outcome).containsOnly(Outcome.NOT_SENT);
    assertThat(decisionsPerItem(keys)).containsOnly(0L);
  }

  @Test
  void aBulkKeyIsRefusedForAnotherDecisionAndDoesNotDecideTheItem() throws Exception {
    List<ItemKey> keys = items(1);
    List<BulkItem> plan = BulkItem.plan(keys);
    bulk.apply(plan, dismiss(keys.get(0)));
    List<ItemKey> other = items(1);

    List<BulkResult> reused =
        bulk.apply(
            List.of(new BulkItem(other.get(0), plan.get(0).requestKey())), dismiss(other.get(0)));

    assertThat(reused.get(0).outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(reused.get(0).refusal()).contains("already used for another request");
    assertThat(decisionsPerItem(other)).containsOnly(0L);
  }

  // A data source that asks whichever server {@code server} names at the time.
  private static DataSource rerouted(AtomicReference<DataSource> server) {
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              try {
                return method.invoke(server.get(), args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private static List<BulkItem> leftOver(List<BulkResult> results) {
    return results.stream().filter(r -> !r.answered()).map(BulkResult::item).toList();
  }

  private List<ItemKey> items(int n) {
    try {
      long author = ModerationFixture.user(owner);
      List<ItemKey> keys = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        long message = ModerationFixture.message(owner, author, "bulk message " + i);
        flag(owner, "dispute_message", message, ModerationFixture.user(owner), "spam", "medium");
        keys.add(new ItemKey(FlaggedEntityType.DISPUTE_MESSAGE, message));
      }
      return keys;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static DecisionRequest dismiss(ItemKey key) {
    return new DecisionRequest(
        key, FlagDecision.DISMISS, ModerationReason.NO_VIOLATION, "bulk, after review", null);
  }

  private List<Long> decisionsPerItem(List<ItemKey> keys) throws SQLException {
    List<Long> counts = new ArrayList<>();
    for (ItemKey key : keys) {
      counts.add(
          count(
              owner,
              "SELECT count(*) FROM moderation_decisions WHERE entity_type = ? AND entity_id = ?",
              key.type().dbValue(),
              key.id()));
    }
    return counts;
  }

  private long decisionId(ItemKey key) throws SQLException {
    return count(
        owner,
        "SELECT max(id) FROM moderation_decisions WHERE entity_type = ? AND entity_id = ?",
        key.type().dbValue(),
        key.id());
  }

  private long requests(String requestKey) throws SQLException {
    return count(
        owner, "SELECT count(*) FROM staff_requests WHERE idempotency_key = ?", requestKey);
  }
}
