package dev.arbiter.persistence.audit;

import dev.arbiter.persistence.bench.BenchContext;
import dev.arbiter.persistence.bench.BenchLine;
import dev.arbiter.persistence.bench.Benchmark;
import dev.arbiter.persistence.bench.Timing;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Chain verification against a plain read of the same rows: the same ranges and columns on one
 * connection, every value fetched as raw bytes and nothing checked. The design asks for at least
 * 200,000 entries/s and at most 1.5 times the plain read, for a login that reads every entry (an
 * admin; the superuser alike).
 *
 * <p>Then the same for support, once the log holds as many entries again, every other one a wallet
 * that support may not read (row policies, V88): single gaps, the worst spread for verification by
 * links. Support's plain read reads what support may read; its verification also fetches the links
 * of the entries it may not. No target; recorded in docs/PERFORMANCE.md.
 */
public final class AuditVerifyBenchmark implements Benchmark {

  private static final int ENTRIES_PER_SCALE = 200_000;

  @Override
  public String name() {
    return "audit-verify";
  }

  @Override
  public String description() {
    return "verify the audit chain vs a plain read of the same rows, as an admin and as support";
  }

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

  /** The verifier's own query and ranges, values fetched as bytes, nothing hashed or compared. */
  static long plainRead(DataSource ds) throws SQLException {
    long rows = 0;
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps = ChainRanges.prepare(c, AuditChainVerifier.DEFAULT_BATCH_SIZE)) {
        long after = 0;
        int read;
        do {
          ps.setLong(1, after);
          ps.setLong(2, Long.MAX_VALUE);
          ps.setInt(3, AuditChainVerifier.DEFAULT_BATCH_SIZE);
          read = 0;
          try (ResultSet rs = ps.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
              after = rs.getLong(1);
              for (int col = 2; col <= columns; col++) {
                rs.getBytes(col);
              }
              read++;
            }
          }
          rows += read;
        } while (read == AuditChainVerifier.DEFAULT_BATCH_SIZE);
      } finally {
        c.rollback();
      }
    }
    return rows;
  }
}
