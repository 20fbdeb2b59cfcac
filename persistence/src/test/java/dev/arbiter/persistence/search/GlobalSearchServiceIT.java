package dev.arbiter.persistence.search;

import static dev.arbiter.persistence.contract.Fixtures.id;
import static dev.arbiter.persistence.contract.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.disputes.DisputeFixtures;
import dev.arbiter.persistence.disputes.DisputeFixtures.Deal;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Quick open against the real schema, as each demo login, with the indexes it is meant to use. */
class GlobalSearchServiceIT {

  private static final Set<SearchKind> ALL = EnumSet.allOf(SearchKind.class);
  private static TestDatabase db;
  private static long zeldaDispute;
  private static String zeldaReference;
  private static String contractReference;
  private static long submittedCheckpoint;
  private static long northwind;

  @BeforeAll
  static void fill() throws Exception {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      DisputeFixtures.fill(owner, 300);
      Deal deal = DisputeFixtures.deal(owner, "Zelda Quirke", "Yusuf 50% Off", 100_000);
      zeldaDispute = DisputeFixtures.open().insert(owner, deal);
      zeldaReference =
          (String) value(owner, "SELECT reference FROM disputes WHERE id = ?", zeldaDispute);
      contractReference = "FP-" + (900_000 + Fixtures.next());
      long client = Fixtures.user(owner, "client");
      long freelancer = Fixtures.user(owner, "freelancer");
      long contract =
          id(
              owner,
              "INSERT INTO contracts (reference, kind, title, client_id, freelancer_id, currency,"
                  + " value_minor) VALUES (?, 'fixed_price', 'Harbour website redesign', ?, ?,"
                  + " 'USD', 300000)",
              contractReference,
              client,
              freelancer);
      long escrow =
          id(
              owner,
              "INSERT INTO escrows (contract_id, currency, funded_minor, status)"
                  + " VALUES (?, 'USD', 300000, 'held')",
              contract);
      Fixtures.checkpoint(owner, escrow, "pending");
      submittedCheckpoint = Fixtures.checkpoint(owner, escrow, "submitted");
      northwind =
          id(
              owner,
              "INSERT INTO workspaces (owner_id, name, slug, type) VALUES (?, 'Northwind Studio',"
                  + " 'northwind-studio', 'studio')",
              client);
      id(
          owner,
          "INSERT INTO workspaces (owner_id, name, slug, type) VALUES (?, 'Ada Atelier',"
              + " 'ada-atelier', 'studio')",
          client);
      for (int i = 0; i < 30; i++) {
        Fixtures.workspace(owner, client);
      }
      try (Statement s = owner.createStatement()) {
        s.execute("ANALYZE");
      }
    }
  }

  private static GlobalSearchService as(String login) {
    return new GlobalSearchService(db.access(login));
  }

  private static List<SearchHit> search(String login, String text, SearchKind kind) {
    return as(login).search(text, Set.of(kind), GlobalSearchService.DEFAULT_PER_KIND);
  }

  @Test
  void findsADisputeByItsReferenceFirstWhateverTheCase() {
    List<SearchHit> hits = search("demo_support", zeldaReference.toLowerCase(), SearchKind.DISPUTE);

    assertThat(hits).isNotEmpty();
    assertThat(hits.get(0).id()).isEqualTo(zeldaDispute);
    assertThat(hits.get(0).title()).isEqualTo(zeldaReference);
    assertThat(hits.get(0).detail()).contains("Zelda Quirke ↔ Yusuf 50% Off", "open");
  }

  @Test
  void findsDisputesByAPartyNameInAnyCase() {
    assertThat(search("demo_support", "  zELDA   quir ", SearchKind.DISPUTE))
        .extracting(SearchHit::id)
        .containsExactly(zeldaDispute);
  }

  @Test
  void returnsAtMostTheLimitOfEachKind() {
    GlobalSearchService support = as("demo_support");

    assertThat(support.search("alice", Set.of(SearchKind.DISPUTE), 3)).hasSize(3);
    assertThat(support.search("alice", Set.of(SearchKind.DISPUTE), 1_000))
        .hasSize(GlobalSearchService.MAX_PER_KIND);
    assertThat(support.search("studio", Set.of(SearchKind.WORKSPACE), 5)).hasSize(5);
  }

  @Test
  void findsTheCheckpointsOfAContractByReferenceOrTitleAwaitingReviewFirst() {
    List<SearchHit> byReference =
        search("demo_finance", contractReference.toLowerCase(), SearchKind.CHECKPOINT);
    assertThat(byReference).hasSize(2);
    assertThat(byReference.get(0).id()).isEqualTo(submittedCheckpoint);
    assertThat(byReference.get(0).key()).isEqualTo(contractReference);
    assertThat(byReference.get(0).detail()).contains("submitted", "Harbour website redesign");

    assertThat(search("demo_finance", "HARBOUR WEB", SearchKind.CHECKPOINT))
        .extracting(SearchHit::id)
        .contains(submittedCheckpoint);
  }

  @Test
  void findsWorkspacesBySlugByPartOfTheNameAndByTheStartOfAWord() {
    assertThat(search("demo_admin", "northwind-studio", SearchKind.WORKSPACE).get(0).id())
        .isEqualTo(northwind);
    assertThat(search("demo_admin", "WIND", SearchKind.WORKSPACE))
        .extracting(SearchHit::id)
        .containsExactly(northwind);
    // Two characters match the start of a word only: "no" is Northwind, "nd" is nothing.
    assertThat(search("demo_support", "no", SearchKind.WORKSPACE))
        .extracting(SearchHit::id)
        .containsExactly(northwind);
    assertThat(search("demo_support", "nd", SearchKind.WORKSPACE)).isEmpty();
  }

  @Test
  void findsStaffAccountsByLoginOrName() {
    assertThat(search("demo_admin", "sam sup", SearchKind.STAFF_ACCOUNT))
        .extracting(SearchHit::key)
        .containsExactly("demo_support");
    assertThat(search("demo_admin", "demo_fin", SearchKind.STAFF_ACCOUNT))
        .extracting(SearchHit::key)
        .containsExactlyInAnyOrder("demo_finance", "demo_finance2");
  }

  @Test
  void searchesOnlyTheKindsTheLoginsRolesCover() {
    assertThat(as("demo_finance").search(zeldaReference)).isEmpty();
    assertThat(as("demo_moderator").search("northwind")).isEmpty();
    assertThat(as("demo_support").search(contractReference)).isEmpty();
    assertThat(as("demo_support").search("demo_admin")).isEmpty();
    assertThat(as("demo_finance").search(contractReference))
        .extracting(SearchHit::kind)
        .containsOnly(SearchKind.CHECKPOINT);
    assertThat(as("demo_admin").search("northwind"))
        .extracting(SearchHit::kind)
        .containsOnly(SearchKind.WORKSPACE);
  }

  @Test
  void groupsHitsInKindOrder() {
    assertThat(as("demo_admin").search("ada", ALL, 5))
        .extracting(SearchHit::kind, SearchHit::title)
        .containsExactly(
            Tuple.tuple(SearchKind.WORKSPACE, "Ada Atelier"),
            Tuple.tuple(SearchKind.STAFF_ACCOUNT, "Ada Admin"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"%%", "__", "\\\\", "' OR ''='", "'; DROP TABLE disputes; --", "%_%", "\"x\""})
  void oddInputMeansItselfAndFindsNothingHarmful(String text) throws Exception {
    assertThat(as("demo_admin").search(text)).isEmpty();
    assertThat(as("demo_support").search(text)).isEmpty();
    try (Connection owner = db.migrator()) {
      assertThat(value(owner, "SELECT count(*) FROM disputes")).isEqualTo(301L);
    }
  }

  @Test
  void aPercentSignIsTheCharacterNotAWildcard() {
    assertThat(search("demo_support", "50%", SearchKind.DISPUTE))
        .extracting(SearchHit::id)
        .containsExactly(zeldaDispute);
  }

  @Test
  void tooShortTextSearchesNothing() {
    GlobalSearchService admin = as("demo_admin");
    assertThat(admin.search(null)).isEmpty();
    assertThat(admin.search("   ")).isEmpty();
    assertThat(admin.search(" s ")).isEmpty();
  }

  /**
   * With plain scans priced out, each kind's candidate query must still reach its trigram index:
   * proof that its expression is exactly the index's. (On a small table the planner rightly prefers
   * a scan; on a million rows it will not, as `arbiter bench` shows for the queue's same key.)
   */
  @Test
  void everyIndexedKindMatchesItsIndexExpression() throws Exception {
    assertUses(new KindQueries.Disputes(), "dsp-00", "dispute_queue_keys_search");
    assertUses(new KindQueries.Disputes(), "al", "dispute_queue_keys_search");
    assertUses(new KindQueries.Checkpoints(), "harbour", "contracts_search_trgm");
    assertUses(new KindQueries.Workspaces(), "wind", "workspaces_search_trgm");
    assertUses(new KindQueries.Workspaces(), "no", "workspaces_search_trgm");
  }

  private static void assertUses(KindQuery query, String typed, String index) throws Exception {
    SearchText text = SearchText.of(typed).orElseThrow();
    StringBuilder plan = new StringBuilder();
    try (Connection c = db.as("demo_admin")) {
      c.setAutoCommit(false);
      // A trigram index answers through bitmap scans only; pricing out the other ways to read a
      // table leaves the planner that, or a disabled path if the expressions do not match.
      c.createStatement()
          .execute(
              "SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off;"
                  + " SET LOCAL enable_indexonlyscan = off");
      try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + query.statement(text))) {
        KindQuery.Binder binder = new KindQuery.Binder();
        query.bind(binder, text, 5);
        List<Object> params = binder.params();
        for (int i = 0; i < params.size(); i++) {
          ps.setObject(i + 1, params.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            plan.append(rs.getString(1)).append('\n');
          }
        }
      }
      c.rollback();
    }
    assertThat(plan.toString()).as("plan for %s", typed).contains(index);
  }
}
