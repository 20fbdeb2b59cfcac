package dev.arbiter.persistence.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MoneyResultTest {

  // Stands in for the console's money format: what matters is that the figures go through it.
  private static final MoneyResult.Amounts AMOUNTS =
      (minor, currency) ->
          currency + " " + (minor / 100) + "." + String.format("%02d", minor % 100);

  @Test
  void aRefusalAboutAmountsGivesItsFiguresInTheCurrencysUnits() {
    MoneyResult refused =
        MoneyResult.parse(
            "{\"outcome\": \"amount_exceeds_remaining\", \"currency\": \"USD\","
                + " \"message\": \"500000 asked, 168000 left to release on this checkpoint\","
                + " \"asked_minor\": 500000, \"remaining_minor\": 168000}");

    assertThat(refused.describe(AMOUNTS))
        .isEqualTo(
            MoneyRefusal.AMOUNT_EXCEEDS_REMAINING.text()
                + " USD 5000.00 asked, USD 1680.00 left to release on this checkpoint.");
  }

  @Test
  void missingFundsNameWhatIsNeededAndWhatIsHeld() {
    MoneyResult refused =
        MoneyResult.parse(
            "{\"outcome\": \"insufficient_funds\", \"currency\": \"EUR\", \"message\": \"x\","
                + " \"needed_minor\": 1500, \"available_minor\": 900, \"held_minor\": 900}");

    assertThat(refused.describe(AMOUNTS))
        .endsWith(" EUR 15.00 needed, EUR 9.00 held in the escrow.");
  }

  @Test
  void anAnswerWithoutFiguresKeepsTheDatabasesWords() {
    MoneyResult refused =
        MoneyResult.parse("{\"outcome\": \"open_dispute\", \"message\": \"1 open dispute(s)\"}");

    assertThat(refused.describe(AMOUNTS)).isEqualTo(refused.describe());
  }
}
