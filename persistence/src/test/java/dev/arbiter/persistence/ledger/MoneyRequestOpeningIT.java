package dev.arbiter.persistence.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The opening every money function shares (R__30's money_request_open): the key, a refusal found in
 * the arguments, then the row, in that order, with the same outcome and message from each function.
 * A refusal after the key was accepted is stored, so the same key answers it again as a replay.
 * Each call runs in a transaction that is rolled back.
 */
class MoneyRequestOpeningIT {

  private static final String KEY = "'opening-probe-key-1'";

  private static TestDatabase db;

  @BeforeAll
  static void database() {
    db = TestDatabase.fresh();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          # The row is not there.
          demo_finance | approve_checkpoint(-1, 'ok', NULL, {key})  | not_found | checkpoint -1 does not exist | true
          demo_finance | reject_checkpoint(-1, 'late', {key})       | not_found | checkpoint -1 does not exist | true
          demo_finance | hold_checkpoint(-1, 'late', {key})         | not_found | checkpoint -1 does not exist | true
          demo_finance | unhold_checkpoint(-1, NULL, {key})         | not_found | checkpoint -1 does not exist | true
          demo_finance | release_checkpoint(-1, NULL, {key})        | not_found | checkpoint -1 does not exist | true
          demo_finance | refund_checkpoint(-1, 'late', {key})       | not_found | checkpoint -1 does not exist | true
          demo_backend | fund_escrow(-1, 100, {key})                | not_found | escrow -1 does not exist | true
          demo_finance | execute_settlement(-1, NULL, {key})        | not_found | settlement -1 does not exist | true
          demo_finance | send_back_settlement(-1, 'redo', {key})   | not_found | settlement -1 does not exist | true
          # A refusal found in the arguments comes before the row is looked for.
          demo_finance | reject_checkpoint(-1, ' ', {key})          | reason_required | a rejection needs a reason the requester can act on | true
          demo_finance | hold_checkpoint(-1, NULL, {key})           | reason_required | a hold needs a reason | true
          demo_finance | refund_checkpoint(-1, '', {key})           | reason_required | a refund needs a reason | true
          demo_backend | fund_escrow(-1, 0, {key})                  | invalid_amount | funding must be positive | true
          demo_finance | send_back_settlement(-1, ' ', {key})      | reason_required | sending a settlement back needs a note for support | true
          # The key comes before everything, and a key refused is not stored.
          demo_finance | reject_checkpoint(-1, ' ', 'short')        | invalid_key | the idempotency key must have 8 to 200 characters | false
          """)
  void theOpeningAnswersAlikeForEveryMoneyFunction(
      String login, String call, String outcome, String message, boolean stored)
      throws SQLException {
    String sql = "SELECT " + call.replace("{key}", KEY) + " AS answer";
    try (Connection c = db.as(login)) {
      c.setAutoCommit(false);
      try {
        List<String> first = answer(c, sql);
        assertThat(first.subList(0, 2)).as(first.get(3)).containsExactly(outcome, message);
        List<String> again = answer(c, sql);
        assertThat(again.subList(0, 2)).containsExactly(outcome, message);
        if (stored) {
          assertThat(first.get(2)).isEqualTo("false");
          assertThat(again.get(2)).as("answered again from money_requests").isEqualTo("true");
        } else {
          assertThat(again.get(2)).isNull();
        }
      } finally {
        c.rollback();
      }
    }
  }

  // outcome, message, replayed, and the whole answer for the failure message.
  private static List<String> answer(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT a ->> 'outcome' AS outcome, a ->> 'message' AS message,"
                    + " a ->> 'replayed' AS replayed, a::text AS whole FROM ("
                    + sql
                    + ") q(a)")) {
      rs.next();
      return Arrays.asList(
          rs.getString("outcome"),
          rs.getString("message"),
          rs.getString("replayed"),
          rs.getString("whole"));
    }
  }
}
