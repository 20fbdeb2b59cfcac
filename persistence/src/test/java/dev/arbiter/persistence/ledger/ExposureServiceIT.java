package dev.arbiter.persistence.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.escrow.MoneyFixture;
import dev.arbiter.persistence.escrow.MoneyFixture.Deal;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/** The exposure view is four statements in one snapshot, however many escrows hold money. */
class ExposureServiceIT {

  private final TestDatabase db = TestDatabase.fresh();

  @Test
  void exposureIsFourStatementsWithOneEscrowOrTwelve() throws Exception {
    Statistics stats = db.sessionFactory("demo_support").getStatistics();
    ExposureService service = new ExposureService(db.access("demo_support"));
    try (Connection owner = db.migrator()) {
      MoneyFixture.submitted(
          owner, MoneyFixture.deal(owner, "USD", 5_000), 1_000, "single", "requester_login");
    }

    stats.clear();
    Exposure one = service.load();
    long forOne = stats.getPrepareStatementCount();

    try (Connection owner = db.migrator()) {
      for (int i = 0; i < 11; i++) {
        Deal deal = MoneyFixture.deal(owner, i % 2 == 0 ? "EUR" : "USD", 1_000 * (i + 1));
        MoneyFixture.submitted(owner, deal, 500, "single", "requester_login");
      }
    }
    stats.clear();
    Exposure twelve = service.load();
    long forTwelve = stats.getPrepareStatementCount();

    assertThat(one.largest())
        .singleElement()
        .satisfies(e -> assertThat(e.heldMinor()).isEqualTo(5_000));
    assertThat(one.upcoming()).hasSize(1);
    assertThat(twelve.largest()).hasSize(ExposureService.LARGEST);
    assertThat(twelve.largest().get(0).heldMinor()).isEqualTo(11_000);
    assertThat(twelve.upcoming()).hasSize(12);
    assertThat(twelve.heldByAge())
        .extracting(Exposure.HeldByAge::currency, Exposure.HeldByAge::escrows)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("EUR", 6L),
            org.assertj.core.groups.Tuple.tuple("USD", 6L));
    assertThat(forOne).isEqualTo(4);
    assertThat(forTwelve).isEqualTo(4);
  }
}
