package dev.arbiter.persistence.disputes;

import dev.arbiter.persistence.bench.BenchContext;
import dev.arbiter.persistence.bench.BenchLine;
import dev.arbiter.persistence.bench.Benchmark;
import dev.arbiter.persistence.bench.Timing;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * "disputes-queue": a 50-row filtered, sorted keyset page through {@link DisputeQueueService}
 * against the same SQL through raw JDBC, and the page about 90% deep against the first page. The
 * benchmark fills its own table, {@code 100,000 × scale} disputes, as the owner.
 */
public final class DisputeQueueBenchmark implements Benchmark {

  private static final int PAGE = 50;
  private static final int CHUNK = 100_000;
  private static final QueueFilter FILTER = QueueFilter.OPEN_CASES.withCurrencies(Set.of("USD"));
  private static final QueueSort SORT = QueueSort.DEFAULT;

  private final int rowsPerScale;
  private final int warmups;
  private final int runs;

  public DisputeQueueBenchmark() {
    this(100_000, 30, 101);
  }

  DisputeQueueBenchmark(int rowsPerScale, int warmups, int runs) {
    this.rowsPerScale = rowsPerScale;
    this.warmups = warmups;
    this.runs = runs;
  }

  @Override
  public String name() {
    return "disputes-queue";
  }

  @Override
  public String description() {
    return "50-row filtered+sorted keyset page: service vs raw JDBC; page at ~90% vs first page";
  }

  @Override
  public List<BenchLine> run(BenchContext context) throws Exception {
    int total = rowsPerScale * context.scale();
    context.progress().accept("disputes-queue: filling " + total + " disputes");
    fill(context.owner(), total);
    DataSource support = context.asLogin().apply("demo_support");
    DisputeQueueService service = new DisputeQueueService(support);
    QueueCursor deep = cursorAt(context.owner(), 0.9);

    double[] jdbcVsService =
        Timing.interleavedMedians(
            warmups,
            runs,
            () -> rawPage(support, QueueSql.page(FILTER, SORT, null, PageDirection.FORWARD, PAGE)),
            () -> service.firstPage(FILTER, SORT, PAGE));
    double[] firstVsDeep =
        Timing.interleavedMedians(
            warmups,
            runs,
            () -> service.firstPage(FILTER, SORT, PAGE),
            () -> service.page(FILTER, SORT, deep, PageDirection.FORWARD, PAGE));
    return List.of(
        BenchLine.baseline("first page, raw JDBC", jdbcVsService[0]),
        BenchLine.compared(
            "first page, DisputeQueueService", jdbcVsService[1], jdbcVsService[0], "≤ 1.3×"),
        BenchLine.baseline("first page (service)", firstVsDeep[0]),
        BenchLine.compared(
            "page at ~90% deep (service)", firstVsDeep[1], firstVsDeep[0], "≤ 1.5×"));
  }

  /** Reads every column of every row, as the service does, without building records. */
  private static void rawPage(DataSource ds, QueueSql.Query query) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = query.prepare(c);
        ResultSet rs = ps.executeQuery()) {
      long sink = 0;
      while (rs.next()) {
        sink += rs.getLong(1);
        for (int i = 2; i <= 5; i++) {
          sink += rs.getString(i).length();
        }
        sink += rs.getLong(6);
        for (int i = 7; i <= 11; i++) {
          String s = rs.getString(i);
          sink += s == null ? 0 : s.length();
        }
        rs.getObject(12, OffsetDateTime.class);
        rs.getObject(13, OffsetDateTime.class);
        rs.getString(14);
        rs.getObject(15, OffsetDateTime.class);
        sink += rs.getInt(16);
        rs.getObject(17, OffsetDateTime.class);
      }
      if (sink == 42) {
        throw new IllegalStateException("unreachable; keeps the reads from being optimised away");
      }
    }
  }

  /** The cursor of the row at {@code fraction} of the filtered order (OFFSET is fine in setup). */
  private static QueueCursor cursorAt(DataSource owner, double fraction) throws SQLException {
    try (Connection c = owner.getConnection()) {
      long matching;
      QueueSql.Query count = QueueSql.count(FILTER, Integer.MAX_VALUE - 1);
      try (PreparedStatement ps = count.prepare(c);
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        matching = rs.getLong(1);
      }
      QueueSql.Query first = QueueSql.page(FILTER, SORT, null, PageDirection.FORWARD, 1);
      String sql =
          first.sql().replace(" LIMIT 2", " OFFSET " + (long) (matching * fraction) + " LIMIT 1");
      try (PreparedStatement ps = new QueueSql.Query(sql, first.params()).prepare(c);
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        return DisputeQueueService.row(rs, SORT.key()).cursor();
      }
    }
  }

  private static void fill(DataSource owner, int total) throws SQLException {
    try (Connection c = owner.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO users (email, display_name, kind)"
              + " SELECT 'bench' || g || '@example.test', (ARRAY['Ada','Ben','Cleo','Dev','Eli',"
              + "'Fay','Gus','Hana'])[1 + g % 8] || ' ' || (ARRAY['Archer','Baker','Chen','Diaz',"
              + "'Evans','Fox','Garcia','Hill','Ito','Jones'])[1 + g % 10] || ' ' || g,"
              + " CASE WHEN g % 2 = 0 THEN 'client' ELSE 'freelancer' END"
              + " FROM generate_series(1, 2000) g");
      s.execute(
          "INSERT INTO contracts (reference, kind, title, client_id, freelancer_id, currency,"
              + " value_minor) SELECT 'BN-' || lpad(g::text, 5, '0'), 'fixed_price', 'Bench job',"
              + " (SELECT min(id) FROM users) + 2 * g, (SELECT min(id) FROM users) + 2 * g + 1,"
              + " (ARRAY['USD','USD','EUR','GBP','JPY'])[1 + g % 5], 100000"
              + " FROM generate_series(0, 999) g");
      long base = 0;
      for (int done = 0; done < total; done += CHUNK) {
        int n = Math.min(CHUNK, total - done);
        s.execute(
            "INSERT INTO disputes (reference, contract_id, opened_by, reason_code, priority,"
                + " status, assigned_to, amount_disputed_minor, currency, response_due_at,"
                + " deadline_action, outcome, resolved_at, opened_at)"
                + " SELECT 'DSP-' || lpad(("
                + (base + done)
                + " + g)::text, 8, '0'),"
                + " c.id, c.client_id,"
                + " (ARRAY['not_delivered','quality','scope','late_delivery','unresponsive','fraud',"
                + "'payment_issue','other'])[1 + g % 8],"
                + " (ARRAY['low','normal','high','urgent'])[1 + g % 4], st.status,"
                + " (ARRAY[NULL, 'demo_support', NULL])[1 + g % 3],"
                // A dispute is in its contract's currency; contract g % 1000 has currency g % 5.
                + " 500 + (g * 7919) % 900000, c.currency,"
                + " CASE WHEN g % 9 = 0 THEN NULL"
                + "  ELSE now() + ((g * 37) % 2000 - 500) * interval '1 hour' END,"
                + " CASE WHEN g % 3 = 0 THEN 'auto_escalate' END,"
                + " CASE WHEN st.status IN ('resolved', 'closed') THEN 'dismissed' END,"
                + " CASE WHEN st.status IN ('resolved', 'closed') THEN now() END,"
                + " now() - ((g * 53) % 100000) * interval '1 minute'"
                + " FROM generate_series(1, "
                + n
                + ") g"
                + " JOIN contracts c ON c.reference = 'BN-' || lpad((g % 1000)::text, 5, '0'),"
                + " LATERAL (SELECT (ARRAY['open','under_review','awaiting_parties','escalated',"
                + "'settling','resolved','closed','closed','closed','resolved'])[1 + g % 10]"
                + " AS status) st");
      }
      s.execute("ANALYZE disputes");
      s.execute("ANALYZE dispute_queue_keys");
    }
  }
}
