package dev.arbiter.persistence.workspaces;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.arbiter.persistence.db.StaffLogins;
import dev.arbiter.persistence.testing.DataAccesses;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The workspace list's service path against plain JDBC running the same SQL, on the same pool, over
 * 20,000 workspaces: a timing run, not part of {@code mvn verify} (run it with {@code
 * -Darbiter.timing=true -Dit.test=WorkspaceListTimingIT}); it prints both medians and their ratio.
 */
@Tag("timing")
@EnabledIfSystemProperty(named = "arbiter.timing", matches = "true")
class WorkspaceListTimingIT {

  private static final int WORKSPACES = 20_000;
  private static final int PAGE = 50;
  private static final int WARMUPS = 20;
  private static final int RUNS = 201;

  @Test
  void theServicePathStaysWithinAFewPercentOfPlainJdbc() throws Exception {
    TestDatabase db = TestDatabase.fresh();
    load(db);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(db.jdbcUrl());
    config.setUsername("demo_support");
    config.setPassword(StaffLogins.DEMO_PASSWORD);
    config.setMaximumPoolSize(2);
    try (HikariDataSource pool = new HikariDataSource(config)) {
      WorkspaceListService service = new WorkspaceListService(DataAccesses.over(pool));
      WorkspaceQuery query = WorkspaceQuery.firstPage(PAGE);
      WorkspaceListService.Statement statement = WorkspaceListService.statement(query);
      long[] serviceNanos = new long[RUNS];
      long[] rawNanos = new long[RUNS];
      for (int i = -WARMUPS; i < RUNS; i++) {
        // Interleaved, so both paths see the same machine.
        long start = System.nanoTime();
        assertThat(service.page(query).rows()).hasSize(PAGE);
        long middle = System.nanoTime();
        assertThat(raw(pool, statement)).isEqualTo(PAGE + 1);
        long end = System.nanoTime();
        if (i >= 0) {
          serviceNanos[i] = middle - start;
          rawNanos[i] = end - middle;
        }
      }
      double serviceMs = median(serviceNanos);
      double rawMs = median(rawNanos);
      System.out.printf(
          "workspace list first page: raw JDBC %.3f ms, WorkspaceListService %.3f ms, %.2fx%n",
          rawMs, serviceMs, serviceMs / rawMs);
    }
  }

  // Reads every column, as the service does, so only the service's own overhead differs.
  private static int raw(HikariDataSource pool, WorkspaceListService.Statement statement)
      throws SQLException {
    try (Connection c = pool.getConnection();
        PreparedStatement ps = c.prepareStatement(statement.sql())) {
      for (int i = 0; i < statement.params().length; i++) {
        ps.setObject(i + 1, statement.params()[i]);
      }
      int rows = 0;
      try (var rs = ps.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          for (int col = 1; col <= columns; col++) {
            rs.getObject(col);
          }
          rows++;
        }
      }
      return rows;
    }
  }

  private static double median(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2] / 1_000_000.0;
  }

  // Owners, workspaces, four members each and a contract with an escrow on every other one; loaded
  // set-based with triggers off (a throw-away database), then analysed.
  private static void load(TestDatabase db) throws SQLException {
    try (Connection c = db.superuser();
        Statement s = c.createStatement()) {
      s.execute("SET session_replication_role = replica");
      s.execute(
          "INSERT INTO users (email, display_name, kind) SELECT 'ws-user-' || g || '@example.test',"
              + " 'User ' || g, CASE WHEN g % 2 = 0 THEN 'client' ELSE 'freelancer' END"
              + " FROM generate_series(1, 40000) g");
      s.execute(
          "INSERT INTO workspaces (owner_id, name, slug, type)"
              + " SELECT (SELECT min(id) FROM users) + g, 'Studio ' || md5(g::text), 'studio-' || g,"
              + " 'agency' FROM generate_series(1, "
              + WORKSPACES
              + ") g");
      s.execute(
          "INSERT INTO workspace_members (workspace_id, user_id, role)"
              + " SELECT w.id, (SELECT min(id) FROM users) + ((w.id * 7 + k) % 40000), 'member'"
              + " FROM workspaces w, generate_series(1, 4) k ON CONFLICT DO NOTHING");
      s.execute(
          "INSERT INTO contracts (reference, kind, title, client_id, freelancer_id, workspace_id,"
              + " currency, value_minor, status)"
              + " SELECT 'WL-' || (100000 + w.id), 'fixed_price', 'Work', w.owner_id, w.owner_id + 1, w.id,"
              + " 'USD', 100000, 'active' FROM workspaces w WHERE w.id % 2 = 0");
      s.execute(
          "INSERT INTO escrows (contract_id, currency, funded_minor)"
              + " SELECT id, 'USD', 50000 FROM contracts WHERE reference LIKE 'WL-%'");
      s.execute("SET session_replication_role = origin");
      s.execute("ANALYZE");
    }
  }
}
