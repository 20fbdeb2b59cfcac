package dev.arbiter.persistence.escrow;

import dev.arbiter.persistence.ledger.MoneyResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Calls a money function as raw SQL on a connection, the way someone at a psql prompt would: no
 * console, no service, only what the database itself enforces.
 */
public final class RawMoney {

  private RawMoney() {}

  /** Runs {@code SELECT function(args)} and reads its answer; a null arg is a SQL NULL. */
  public static MoneyResult call(Connection c, String function, Object... args)
      throws SQLException {
    String placeholders = String.join(", ", java.util.Collections.nCopies(args.length, "?"));
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + function + "(" + placeholders + ")::text")) {
      for (int i = 0; i < args.length; i++) {
        if (args[i] == null) {
          ps.setNull(
              i + 1,
              function.equals("release_checkpoint") && i == 1 ? Types.BIGINT : Types.VARCHAR);
        } else {
          ps.setObject(i + 1, args[i]);
        }
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return MoneyResult.parse(rs.getString(1));
      }
    }
  }

  /** Journals that do not balance per currency, or have fewer than two entries. */
  public static long unbalancedJournals(Connection c) throws SQLException {
    return MoneyFixture.longValue(
        c,
        "SELECT count(*) FROM journals j WHERE NOT EXISTS (SELECT 1 FROM ledger_entries e"
            + " WHERE e.journal_id = j.id) OR EXISTS (SELECT 1 FROM ledger_entries e"
            + " WHERE e.journal_id = j.id GROUP BY e.currency HAVING sum(CASE e.direction"
            + " WHEN 'credit' THEN e.amount_minor ELSE -e.amount_minor END) <> 0"
            + " OR count(*) < 2)");
  }

  public static long balance(Connection c, String kind, Long owner, String currency)
      throws SQLException {
    return MoneyFixture.longValue(
        c,
        "SELECT balance_minor FROM wallets WHERE kind = ?"
            + " AND coalesce(owner_user_id, 0) = coalesce(CAST(? AS bigint), 0)"
            + " AND currency = ?",
        kind,
        owner,
        currency);
  }
}
