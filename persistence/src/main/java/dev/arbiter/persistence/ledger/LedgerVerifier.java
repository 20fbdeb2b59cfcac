package dev.arbiter.persistence.ledger;

import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.access.Jdbc;
import dev.arbiter.persistence.ledger.LedgerFinding.Check;
import dev.arbiter.persistence.session.StaffDatabaseException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the ledger's invariants on one read-only snapshot: every journal balances per currency,
 * each wallet's balance equals its entries, every {@code balance_after} continues its wallet's
 * running balance, each escrow's held amount equals the net of its journals on the holding wallet,
 * the holding wallet of each currency holds exactly what the escrows hold, no checkpoint paid out
 * more than its amount, no dispute settled twice, and no money crossed currencies. Finance and
 * admins run it (the ledger is theirs to read); it only reads.
 */
public final class LedgerVerifier {

  /** The report keeps this many findings per check; the rest are counted as truncated. */
  public static final int MAX_FINDINGS_PER_CHECK = 100;

  private static final String SIGNED =
      "CASE e.direction WHEN 'credit' THEN e.amount_minor ELSE -e.amount_minor END";

  private static final String JOURNALS =
      "SELECT j.id AS id, coalesce(x.detail, 'has no entries') AS detail FROM journals j"
          + " LEFT JOIN LATERAL (SELECT string_agg(format('does not balance in %s (net %s, %s"
          + " entries)', t.currency, t.net, t.n), '; ') AS detail, count(*) AS bad"
          + " FROM (SELECT e.currency, sum("
          + SIGNED
          + ") AS net, count(*) AS n FROM ledger_entries e WHERE e.journal_id = j.id"
          + " GROUP BY e.currency) t WHERE t.net <> 0 OR t.n < 2) x ON true"
          + " WHERE x.bad > 0 OR NOT EXISTS (SELECT 1 FROM ledger_entries e WHERE e.journal_id ="
          + " j.id) ORDER BY j.id LIMIT ?";

  private static final String WALLETS =
      "SELECT w.id AS id, format('balance %s %s, its entries add up to %s', w.balance_minor, w.currency,"
          + " coalesce(s.net, 0)) AS detail FROM wallets w LEFT JOIN (SELECT e.wallet_id, sum("
          + SIGNED
          + ") AS net FROM ledger_entries e GROUP BY e.wallet_id) s ON s.wallet_id = w.id"
          + " WHERE w.balance_minor <> coalesce(s.net, 0) ORDER BY w.id LIMIT ?";

  private static final String CHAIN =
      "SELECT id AS id, format('balance_after %s, but wallet %s stood at %s after it', balance_after,"
          + " wallet_id, running) AS detail FROM (SELECT e.id, e.wallet_id, e.balance_after, sum("
          + SIGNED
          + ") OVER (PARTITION BY e.wallet_id ORDER BY e.id) AS running FROM ledger_entries e) c"
          + " WHERE balance_after <> running ORDER BY id LIMIT ?";

  private static final String ESCROWS =
      "SELECT x.id AS id, format('holds %s %s (funded %s, released %s, refunded %s), its journals say"
          + " %s', x.funded_minor - x.released_minor - x.refunded_minor, x.currency,"
          + " x.funded_minor, x.released_minor, x.refunded_minor, coalesce(j.net, 0)) AS detail"
          + " FROM escrows x LEFT JOIN (SELECT j.escrow_id, sum("
          + SIGNED
          + ") AS net FROM journals j JOIN ledger_entries e ON e.journal_id = j.id"
          + " JOIN wallets w ON w.id = e.wallet_id AND w.kind = 'escrow_holding'"
          + " WHERE j.escrow_id IS NOT NULL GROUP BY j.escrow_id) j ON j.escrow_id = x.id"
          + " WHERE x.funded_minor - x.released_minor - x.refunded_minor <> coalesce(j.net, 0)"
          + " ORDER BY x.id LIMIT ?";

  private static final String HOLDING =
      "SELECT coalesce(w.id, 0) AS id, format('%s wallet holds %s, escrows hold %s',"
          + " coalesce(w.currency, x.currency), coalesce(w.balance_minor, 0), coalesce(x.held, 0))"
          + " AS detail"
          + " FROM (SELECT * FROM wallets WHERE kind = 'escrow_holding') w"
          + " FULL JOIN (SELECT currency, sum(funded_minor - released_minor - refunded_minor) AS held"
          + " FROM escrows GROUP BY currency) x ON x.currency = w.currency"
          + " WHERE coalesce(w.balance_minor, 0) <> coalesce(x.held, 0) LIMIT ?";

  // Paid beyond its amount, whatever its status says: releases, refunds and settlements taken from
  // the holding wallet for a checkpoint add up to more than it is worth, or its own totals do.
  private static final String CHECKPOINTS =
      "SELECT cp.id AS id, format('amount %s %s, but its journals paid %s (%s), released %s + refunded %s',"
          + " cp.amount_minor, cp.currency, coalesce(p.paid, 0), coalesce(p.journals, 'none'),"
          + " cp.released_minor, cp.refunded_minor) AS detail"
          + " FROM escrow_checkpoints cp"
          + " LEFT JOIN (SELECT j.checkpoint_id, sum(e.amount_minor) AS paid,"
          + "   string_agg(DISTINCT 'journal ' || j.id, ', ') AS journals FROM journals j"
          + "   JOIN ledger_entries e ON e.journal_id = j.id AND e.direction = 'debit'"
          + "   JOIN wallets w ON w.id = e.wallet_id AND w.kind = 'escrow_holding'"
          + "   WHERE j.kind IN ('release', 'refund', 'settlement') AND j.checkpoint_id IS NOT NULL"
          + "   GROUP BY j.checkpoint_id) p ON p.checkpoint_id = cp.id"
          + " WHERE coalesce(p.paid, 0) > cp.amount_minor"
          + " OR cp.released_minor + cp.refunded_minor > cp.amount_minor"
          + " ORDER BY cp.id LIMIT ?";

  // A dispute settles once: one executed settlement, one settlement journal.
  private static final String SETTLEMENTS =
      "SELECT x.dispute_id AS id, format('%s executed settlement(s), %s settlement journal(s)%s', x.executed,"
          + " x.journals, coalesce(': ' || x.ids, '')) AS detail FROM (SELECT s.dispute_id,"
          + " count(DISTINCT s.id) FILTER (WHERE s.status = 'executed') AS executed,"
          + " count(j.id) AS journals, string_agg('journal ' || j.id, ', ' ORDER BY j.id) AS ids"
          + " FROM settlements s LEFT JOIN journals j ON j.settlement_id = s.id"
          + " GROUP BY s.dispute_id) x WHERE x.executed > 1 OR x.journals > 1"
          + " ORDER BY x.dispute_id LIMIT ?";

  // Money in one currency is never paid from another's pool: every row that names a currency agrees
  // with the row it belongs to, and a journal's entries are in its escrow's currency.
  private static final String CURRENCIES =
      "SELECT 0 AS id, m.detail AS detail FROM ("
          + " SELECT format('checkpoint %s is in %s, its escrow %s in %s', cp.id, cp.currency, e.id,"
          + "   e.currency) AS detail FROM escrow_checkpoints cp JOIN escrows e ON e.id = cp.escrow_id"
          + "   WHERE cp.currency <> e.currency"
          + " UNION ALL SELECT format('escrow %s is in %s, its contract %s in %s', e.id, e.currency,"
          + "   k.id, k.currency) FROM escrows e JOIN contracts k ON k.id = e.contract_id"
          + "   WHERE e.currency <> k.currency"
          + " UNION ALL SELECT format('dispute %s is in %s, its contract %s in %s', d.id, d.currency,"
          + "   k.id, k.currency) FROM disputes d JOIN contracts k ON k.id = d.contract_id"
          + "   WHERE d.currency <> k.currency"
          + " UNION ALL SELECT format('settlement %s is in %s, its dispute %s in %s', s.id, s.currency,"
          + "   d.id, d.currency) FROM settlements s JOIN disputes d ON d.id = s.dispute_id"
          + "   WHERE s.currency <> d.currency"
          + " UNION ALL SELECT DISTINCT format('journal %s moves %s, its escrow %s is in %s', j.id,"
          + "   le.currency, e.id, e.currency) FROM journals j JOIN escrows e ON e.id = j.escrow_id"
          + "   JOIN ledger_entries le ON le.journal_id = j.id WHERE le.currency <> e.currency"
          + ") m ORDER BY 2 LIMIT ?";

  private static final String COUNTS =
      "SELECT now() AS as_of, (SELECT count(*) FROM journals) AS journals,"
          + " (SELECT count(*) FROM ledger_entries) AS entries,"
          + " (SELECT count(*) FROM wallets) AS wallets, (SELECT count(*) FROM escrows) AS escrows";
  private final DataAccess access;

  public LedgerVerifier(DataAccess access) {
    this.access = access;
  }

  /**
   * Runs every check on one snapshot of the console's data access.
   *
   * @throws StaffDatabaseException when the ledger cannot be read
   */
  public LedgerReport verify() {
    return StaffDatabaseException.wrap(
        "Could not verify the ledger",
        () -> access.snapshot(session -> session.doReturningWork(LedgerVerifier::read)));
  }

  /**
   * Runs every check on {@code c}, in a read-only REPEATABLE READ transaction of its own: for
   * {@code ledger verify}, which runs once on a plain connection (the embedded server's superuser,
   * or a finance login on a shared server) where starting Hibernate would cost more than the check.
   */
  public static LedgerReport verify(Connection c) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    c.setReadOnly(true);
    try {
      LedgerReport report = read(c);
      c.commit();
      return report;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setReadOnly(false);
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      c.setAutoCommit(autoCommit);
    }
  }

  // Plain JDBC on the transaction's connection, rows read by name: the checks are aggregates the
  // server works out over the whole ledger (no entity to load), and the same code serves the
  // console's snapshot and the command line's connection.
  private static LedgerReport read(Connection c) throws SQLException {
    Counts counts =
        Jdbc.list(
                c,
                COUNTS,
                r ->
                    new Counts(
                        r.instant("as_of"),
                        r.getLong("journals"),
                        r.getLong("entries"),
                        r.getLong("wallets"),
                        r.getLong("escrows")))
            .get(0);
    List<LedgerFinding> findings = new ArrayList<>();
    boolean truncated = false;
    truncated |= collect(c, JOURNALS, Check.UNBALANCED_JOURNAL, findings);
    truncated |= collect(c, WALLETS, Check.WALLET_BALANCE, findings);
    truncated |= collect(c, CHAIN, Check.BALANCE_AFTER_CHAIN, findings);
    truncated |= collect(c, ESCROWS, Check.ESCROW_TOTALS, findings);
    truncated |= collect(c, HOLDING, Check.HOLDING_TOTAL, findings);
    truncated |= collect(c, CHECKPOINTS, Check.CHECKPOINT_OVERPAID, findings);
    truncated |= collect(c, SETTLEMENTS, Check.SETTLEMENT_PAID_TWICE, findings);
    truncated |= collect(c, CURRENCIES, Check.CURRENCY_MISMATCH, findings);
    return new LedgerReport(
        counts.asOf(),
        counts.journals(),
        counts.entries(),
        counts.wallets(),
        counts.escrows(),
        findings,
        truncated);
  }

  /** Adds what {@code sql} found, up to the cap; true when it found more than the cap. */
  private static boolean collect(
      Connection c, String sql, Check check, List<LedgerFinding> findings) throws SQLException {
    List<LedgerFinding> found =
        Jdbc.list(
            c,
            sql,
            r -> new LedgerFinding(check, r.getLong("id"), r.text("detail")),
            MAX_FINDINGS_PER_CHECK + 1);
    findings.addAll(found.subList(0, Math.min(found.size(), MAX_FINDINGS_PER_CHECK)));
    return found.size() > MAX_FINDINGS_PER_CHECK;
  }

  private record Counts(Instant asOf, long journals, long entries, long wallets, long escrows) {}
}
