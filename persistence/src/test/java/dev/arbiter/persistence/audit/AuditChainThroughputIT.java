package dev.arbiter.persistence.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verification costs little more than reading the same rows without checking them. Bounds are loose
 * because the build machine is shared and noisy; the measured figures are logged. A measurement, so
 * it runs in the timing run only ({@code -Ptiming}); what verification finds is the other audit
 * tests' to check.
 */
@Tag("timing")
class AuditChainThroughputIT {

  private static final Logger LOG = LoggerFactory.getLogger(AuditChainThroughputIT.class);
  private static final int ENTRIES = 100_000;

  @Test
  void verificationIsCloseToAPlainReadOfTheSameRows() throws SQLException {
    TestDatabase db = TestDatabase.fresh();
    long start = System.nanoTime();
    try (Connection owner = db.migrator();
        Statement s = owner.createStatement()) {
      s.execute(
          "INSERT INTO users (email, display_name, kind, metadata)"
              + " SELECT 'bulk' || g || '@example.test', 'Bulk user ' || g, 'client',"
              + " jsonb_build_object('source', 'import', 'row', g)"
              + " FROM generate_series(1, "
              + ENTRIES
              + ") g");
    }
    LOG.info("wrote {} audited rows in {} ms", ENTRIES, (System.nanoTime() - start) / 1_000_000);
    DataSource ds = db.dataSource("demo_finance", "demo");
    AuditChainVerifier verifier = new AuditChainVerifier();

    // Warm both paths (JIT, server caches) before measuring, then take the best of three.
    verifier.verify(ds);
    plainRead(ds);
    long verifyNanos = Long.MAX_VALUE;
    long readNanos = Long.MAX_VALUE;
    ChainVerification result = null;
    for (int i = 0; i < 3; i++) {
      long t0 = System.nanoTime();
      result = verifier.verify(ds);
      verifyNanos = Math.min(verifyNanos, System.nanoTime() - t0);
      long t1 = System.nanoTime();
      assertThat(plainRead(ds)).isEqualTo(result.rowsChecked());
      readNanos = Math.min(readNanos, System.nanoTime() - t1);
    }
    double rowsPerSecond = result.rowsChecked() / (verifyNanos / 1e9);
    double ratio = (double) verifyNanos / readNanos;
    LOG.info(
        "verified {} entries in {} ms ({} rows/s); plain read {} ms; ratio {}",
        result.rowsChecked(),
        verifyNanos / 1_000_000,
        Math.round(rowsPerSecond),
        readNanos / 1_000_000,
        String.format("%.2f", ratio));
    assertThat(result.intact()).isTrue();
    assertThat(result.rowsChecked()).isGreaterThanOrEqualTo(ENTRIES);
    // The design asks for >= 200,000 rows/s and <= 1.5x a plain read. On the shared two-core build
    // machine a plain read alone manages about 100,000 rows/s, so the absolute floor here only
    // catches gross regressions (a String round trip per value, a query per row), and the ratio is
    // given some room for noise.
    assertThat(rowsPerSecond).isGreaterThan(40_000);
    assertThat(ratio).isLessThan(1.8);
  }

  // The same ranges and columns, read as text, with nothing checked.
  private static long plainRead(DataSource ds) throws SQLException {
    long rows = 0;
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT id, occurred_at, actor, db_user, action, command, entity_type, entity_id,"
                  + " old_values::text, new_values::text, request_id, client_info, salt,"
                  + " prev_hash, hash"
                  + " FROM audit_log WHERE id > ? ORDER BY id LIMIT ?")) {
        ps.setFetchSize(5_000);
        long after = 0;
        int read;
        do {
          ps.setLong(1, after);
          ps.setInt(2, AuditChainVerifier.DEFAULT_BATCH_SIZE);
          read = 0;
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              after = rs.getLong(1);
              for (int col = 2; col <= 12; col++) {
                rs.getString(col);
              }
              rs.getBytes(13);
              rs.getBytes(14);
              rs.getBytes(15);
              read++;
            }
          }
          rows += read;
        } while (read == AuditChainVerifier.DEFAULT_BATCH_SIZE);
      }
      c.rollback();
    }
    return rows;
  }
}
