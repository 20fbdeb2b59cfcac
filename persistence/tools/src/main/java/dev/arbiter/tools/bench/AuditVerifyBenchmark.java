package dev.arbiter.tools.bench;

import dev.arbiter.persistence.access.Jdbc;
import dev.arbiter.persistence.access.Row;
import dev.arbiter.persistence.audit.AuditChainVerifier;
import dev.arbiter.persistence.audit.ChainRanges;
import dev.arbiter.persistence.audit.ChainVerification;
import dev.arbiter.persistence.audit.VerifyOptions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * Chain verification against a plain read of the same rows: the same ranges and columns on one
 * connection, every value fetched by name (as the driver's Java value) and nothing checked. The
 * verifier takes text as raw bytes, so this read decodes more than the verifier does and the ratio
 * flatters the verifier somewhat (docs/PERFORMANCE.md). The design asks for at least 200,000
 * entries/s and at most 1.5 times the plain read, for a login that reads every entry (an admin; the
 * superuser alike).
 *
 * <p>Then the same for support, once the log holds as many entries again, every other one a wallet
 * that support may not read (row policies, V88): single gaps, the worst spread for verification by
 * links. Support's plain read reads what support may read; its verification also fetches the links
 * of the entries it may not. No target; recorded in docs/PERFORMANCE.md.
 */
public final class AuditVerifyBenchmark implements Benchmark.Measurement {

  private static final int ENTRIES_PER_SCALE = 200_000;

  private static final List<String> ENTRY_COLUMNS =
      List.of(
          "occurred_at",
          "actor",
          "db_user",
          "action",
          "command",
          "entity_type",
          "entity_id",
          "old_values",
          "new_values",
          "request_id",
          "client_info",
          "salt",
          "prev_hash",
          "hash");

  @Override
  public List<BenchLine> run(BenchContext context) throws Exception {
    int entries = ENTRIES_PER_SCALE * context.scale();
    context.progress().accept("  writing " + entries + " audited rows");
    fill(context.owner(), entries);
    List<BenchLine> lines = new ArrayList<>(measure(context, "demo_admin", "admin"));
    context.progress().accept("  writing " + entries + " more, every other one a wallet");
    fillAlternating(context.owner(), entries / 2);
    lines.addAll(measure(context, "demo_support", "support"));
    return lines;
  }

  private static List<BenchLine> measure(BenchContext context, String login, String who)
      throws Exception {
    DataSource staff = context.asLogin().apply(login);
    AuditChainVerifier verifier = new AuditChainVerifier();
    long[] rows = new long[3];
    ChainVerification[] results = new ChainVerification[2];
    VerifyOptions two = VerifyOptions.defaults().parallelism(2);
    VerifyOptions one = VerifyOptions.defaults().parallelism(1);
    context.progress().accept("  timing as " + who + " (interleaved, median of 5)");
    double[] plainVsTwo =
        Timing.interleavedMedians(
            1,
            5,
            () -> rows[0] = plainRead(staff),
            () -> results[0] = intact(verifier, staff, two));
    double oneConnection =
        Timing.medianMillis(1, 3, () -> results[1] = intact(verifier, staff, one));
    rows[1] = results[0].rowsChecked() - results[0].linksOnly();
    rows[2] = results[1].rowsChecked() - results[1].linksOnly();
    if (rows[0] != rows[1] || rows[1] != rows[2]) {
      throw new IllegalStateException(
          "read " + rows[0] + " rows but verified " + rows[1] + " and " + rows[2]);
    }
    String links =
        results[0].linksOnly() == 0 ? "" : ", " + results[0].linksOnly() + " by link only";
    return List.of(
        BenchLine.baseline(
            "plain read as " + who + ", " + rows[0] + " rows, 1 connection", plainVsTwo[0]),
        BenchLine.compared(
            "verify as "
                + who
                + ", 2 connections ("
                + perSecond(results[0].rowsChecked(), plainVsTwo[1])
                + links
                + ")",
            plainVsTwo[1],
            plainVsTwo[0],
            links.isEmpty() ? "≤ 1.5×, ≥ 200k/s" : ""),
        BenchLine.compared(
            "verify as "
                + who
                + ", 1 connection ("
                + perSecond(results[1].rowsChecked(), oneConnection)
                + ")",
            oneConnection,
            plainVsTwo[0],
            links.isEmpty() ? "≤ 1.5×" : ""));
  }

  private static String perSecond(long rows, double millis) {
    return String.format(Locale.ROOT, "%,.0f rows/s", rows / (millis / 1000));
  }

  private static ChainVerification intact(
      AuditChainVerifier verifier, DataSource ds, VerifyOptions options) {
    ChainVerification result = verifier.verify(ds, options);
    if (!result.intact()) {
      throw new IllegalStateException("the bench chain is broken: " + result.firstBreak());
    }
    return result;
  }

  // One transaction as the owner: every inserted user is one audit entry.
  static void fill(DataSource owner, int entries) throws SQLException {
    try (Connection c = owner.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO users (email, display_name, kind, metadata)"
              + " SELECT 'bench' || g || '-' || txid_current() || '@example.test',"
              + " 'Bench user ' || g, 'client',"
              + " jsonb_build_object('source', 'bench', 'row', g, 'tier', 'gold')"
              + " FROM generate_series(1, "
              + entries
              + ") g");
      // Autovacuum would analyze after a load this size; plans on empty-table statistics would
      // measure the planner's ignorance, not the queries.
      s.execute("ANALYZE audit_log");
    }
  }

  // One transaction as the owner: a user, then that user's wallet, pairs times; support may read
  // the users' entries and not the wallets'.
  private static void fillAlternating(DataSource owner, int pairs) throws SQLException {
    try (Connection c = owner.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          """
          DO $$
          DECLARE
            v bigint;
          BEGIN
            FOR g IN 1..%d LOOP
              INSERT INTO users (email, display_name, kind, metadata)
              VALUES ('pair' || g || '-' || txid_current() || '@example.test', 'Wallet holder ' || g,
                      'client', jsonb_build_object('source', 'bench', 'row', g, 'tier', 'gold'))
              RETURNING id INTO v;
              INSERT INTO wallets (owner_user_id, kind, currency) VALUES (v, 'user', 'USD');
            END LOOP;
          END $$"""
              .formatted(pairs));
      s.execute("ANALYZE audit_log");
    }
  }

  /**
   * The verifier's own query and ranges, on one connection in one transaction, with binary results
   * from the first execution as the verifier asks for; every value is fetched and nothing is hashed
   * or compared.
   */
  static long plainRead(DataSource ds) throws SQLException {
    int batch = AuditChainVerifier.DEFAULT_BATCH_SIZE;
    long[] after = {0};
    long rows = 0;
    try (Connection c = ds.getConnection()) {
      PGConnection pg = c.unwrap(PGConnection.class);
      int threshold = pg.getPrepareThreshold();
      pg.setPrepareThreshold(-1);
      c.setAutoCommit(false);
      try {
        int[] read = new int[1];
        do {
          read[0] = 0;
          Jdbc.forEach(
              c,
              ChainRanges.SELECT_RANGE,
              Math.min(ChainRanges.FETCH_SIZE, batch),
              row -> {
                after[0] = fetchEntry(row);
                read[0]++;
              },
              after[0],
              Long.MAX_VALUE,
              batch);
          rows += read[0];
        } while (read[0] == batch);
      } finally {
        c.rollback();
        c.setAutoCommit(true);
        pg.setPrepareThreshold(threshold);
      }
    }
    return rows;
  }

  // Returns the entry's id, where the next range starts.
  private static long fetchEntry(Row row) {
    for (String column : ENTRY_COLUMNS) {
      row.isNull(column);
    }
    return row.getLong("id");
  }
}
