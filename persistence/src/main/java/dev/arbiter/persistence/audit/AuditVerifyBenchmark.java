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
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.postgresql.PGStatement;

/**
 * Chain verification against a plain read of the same rows: the same ranges and columns on one
 * connection, every value fetched as raw bytes and nothing checked. The design asks for at least
 * 200,000 entries/s and at most 1.5 times the plain read.
 */
public final class AuditVerifyBenchmark implements Benchmark {

  private static final int ENTRIES_PER_SCALE = 200_000;

  @Override
  public String name() {
    return "audit-verify";
  }

  @Override
  public String description() {
    return "verify the audit chain vs a plain read of the same rows";
  }

  @Override
  public List<BenchLine> run(BenchContext context) throws Exception {
    int entries = ENTRIES_PER_SCALE * context.scale();
    context.progress().accept("  writing " + entries + " audited rows");
    fill(context.owner(), entries);
    DataSource staff = context.asLogin().apply("demo_finance");
    AuditChainVerifier verifier = new AuditChainVerifier();
    long[] rows = new long[3];
    VerifyOptions two = VerifyOptions.defaults().parallelism(2);
    VerifyOptions one = VerifyOptions.defaults().parallelism(1);
    context.progress().accept("  timing (interleaved, median of 5)");
    double[] plainVsTwo =
        Timing.interleavedMedians(
            1, 5, () -> rows[0] = plainRead(staff), () -> rows[1] = intact(verifier, staff, two));
    double oneConnection = Timing.medianMillis(1, 3, () -> rows[2] = intact(verifier, staff, one));
    if (rows[0] != rows[1] || rows[1] != rows[2]) {
      throw new IllegalStateException(
          "read " + rows[0] + " rows but verified " + rows[1] + " and " + rows[2]);
    }
    return List.of(
        BenchLine.baseline("plain read, " + rows[0] + " rows, 1 connection", plainVsTwo[0]),
        BenchLine.compared(
            "verify, 2 connections (" + perSecond(rows[1], plainVsTwo[1]) + ")",
            plainVsTwo[1],
            plainVsTwo[0],
            "≤ 1.5×, ≥ 200k/s"),
        BenchLine.compared(
            "verify, 1 connection (" + perSecond(rows[2], oneConnection) + ")",
            oneConnection,
            plainVsTwo[0],
            "≤ 1.5×"));
  }

  private static String perSecond(long rows, double millis) {
    return String.format(Locale.ROOT, "%,.0f rows/s", rows / (millis / 1000));
  }

  private static long intact(AuditChainVerifier verifier, DataSource ds, VerifyOptions options) {
    ChainVerification result = verifier.verify(ds, options);
    if (!result.intact()) {
      throw new IllegalStateException("the bench chain is broken: " + result.firstBreak());
    }
    return result.rowsChecked();
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

  /** The verifier's own query and ranges, values fetched as bytes, nothing hashed or compared. */
  static long plainRead(DataSource ds) throws SQLException {
    long rows = 0;
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT id, occurred_at, actor, db_user, action, command, entity_type, entity_id,"
                  + " old_values::text, new_values::text, request_id, client_info, prev_hash, hash"
                  + " FROM audit_log WHERE id > ? AND id <= ? ORDER BY id LIMIT ?")) {
        ps.unwrap(PGStatement.class).setPrepareThreshold(-1);
        ps.setFetchSize(5_000);
        long after = 0;
        int read;
        do {
          ps.setLong(1, after);
          ps.setLong(2, Long.MAX_VALUE);
          ps.setInt(3, AuditChainVerifier.DEFAULT_BATCH_SIZE);
          read = 0;
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              after = rs.getLong(1);
              for (int col = 2; col <= 14; col++) {
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
