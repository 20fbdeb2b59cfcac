package dev.arbiter.tools.bench;

import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.access.Jdbc;
import dev.arbiter.persistence.access.Row;
import dev.arbiter.persistence.db.HibernateFactory;
import dev.arbiter.persistence.disputes.DisputeQueueService;
import dev.arbiter.persistence.disputes.PageDirection;
import dev.arbiter.persistence.disputes.QueueCursor;
import dev.arbiter.persistence.disputes.QueueFilter;
import dev.arbiter.persistence.disputes.QueueSort;
import dev.arbiter.persistence.disputes.QueueSql;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;

/**
 * "disputes-queue": a 50-row filtered, sorted keyset page through {@link DisputeQueueService}
 * against the same SQL through raw JDBC, and the page about 90% deep against the first page. The
 * benchmark fills its own table, {@code 100,000 × scale} disputes as the owner, nine in ten of them
 * closed long ago.
 */
public final class DisputeQueueBenchmark implements Benchmark.Measurement {

  private static final int PAGE = 50;
  private static final int CHUNK = 100_000;
  private static final QueueFilter FILTER = QueueFilter.OPEN_CASES.withCurrencies(Set.of("USD"));
  private static final QueueSort SORT = QueueSort.DEFAULT;

  private static final List<String> TEXT_COLUMNS =
      List.of(
          "reference",
          "client_name",
          "freelancer_name",
          "contract_reference",
          "currency",
          "reason_code",
          "priority",
          "status",
          "assigned_to",
          "deadline_action");

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
  public List<BenchLine> run(BenchContext context) throws Exception {
    int total = rowsPerScale * context.scale();
    context.progress().accept("disputes-queue: filling " + total + " disputes");
    fill(context.owner(), total);
    DataSource support = context.asLogin().apply("demo_support");
    try (SessionFactory sessions = HibernateFactory.build(support)) {
      return run(
          context, support, new DisputeQueueService(new DataAccess(() -> sessions, support)));
    }
  }

  private List<BenchLine> run(BenchContext context, DataSource support, DisputeQueueService service)
      throws Exception {
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

  /** Reads every column of every row by name, as the service does, without building records. */
  private static void rawPage(DataSource ds, QueueSql.Query query) throws SQLException {
    long[] sink = new long[1];
    try (Connection c = ds.getConnection()) {
      Jdbc.forEach(c, query.sql(), 0, row -> sink[0] += readRow(row), query.params().toArray());
    }
    if (sink[0] == 42) {
      throw new IllegalStateException("unreachable; keeps the reads from being optimised away");
    }
  }

  private static long readRow(Row row) {
    long sink = row.getLong("id") + row.getLong("amount_disputed_minor") + row.getInt("version");
    for (String column : TEXT_COLUMNS) {
      String s = row.text(column);
      sink += s == null ? 0 : s.length();
    }
    row.instant("opened_at");
    row.instant("response_due_at");
    row.instant("deadline_acted_at");
    row.instant("sort_value");
    return sink;
  }

  /**
   * The cursor of the row at {@code fraction} of the filtered order (OFFSET is fine in setup). The
   * sort is by a timestamp that is infinite for cases without a deadline, which come last.
   */
  private static QueueCursor cursorAt(DataSource owner, double fraction) throws SQLException {
    try (Connection c = owner.getConnection()) {
      QueueSql.Query count = QueueSql.count(FILTER, Integer.MAX_VALUE - 1);
      long matching =
          Jdbc.list(c, count.sql(), row -> row.getLong("matching"), count.params().toArray())
              .get(0);
      QueueSql.Query first = QueueSql.page(FILTER, SORT, null, PageDirection.FORWARD, 1);
      String sql =
          "SELECT p.id AS id, p.sort_value AS sort_value, NOT isfinite(p.sort_value) AS infinite"
              + " FROM ("
              + first
                  .sql()
                  .replace(" LIMIT 2", " OFFSET " + (long) (matching * fraction) + " LIMIT 1")
              + ") p";
      return Jdbc.list(
              c,
              sql,
              row ->
                  new QueueCursor(
                      SORT.key(),
                      row.getBoolean("infinite")
                          ? OffsetDateTime.MAX
                          : row.instant("sort_value").atOffset(ZoneOffset.UTC),
                      row.getLong("id")),
              first.params().toArray())
          .get(0);
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
                + " CASE WHEN g % 9 = 0 THEN NULL WHEN st.closed THEN st.opened + interval '3 days'"
                + "  ELSE now() + ((g * 37) % 2000 - 500) * interval '1 hour' END,"
                + " CASE WHEN g % 3 = 0 THEN 'auto_escalate' END,"
                + " CASE WHEN st.closed THEN 'dismissed' END,"
                + " CASE WHEN st.closed THEN st.opened + interval '5 days' END,"
                + " st.opened"
                + " FROM generate_series(1, "
                + n
                + ") g"
                + " JOIN contracts c ON c.reference = 'BN-' || lpad((g % 1000)::text, 5, '0'),"
                // As on a marketplace: nine in ten closed, long ago; the open tenth recent.
                + " LATERAL (SELECT g % 10 <> 0 AS closed, CASE WHEN g % 10 <> 0"
                + " THEN (ARRAY['resolved','closed','closed'])[1 + g % 3]"
                + " ELSE (ARRAY['open','under_review','awaiting_parties','escalated',"
                + "'settling'])[1 + g / 10 % 5] END AS status,"
                + " CASE WHEN g % 10 <> 0"
                + " THEN now() - (2592000 + (g::bigint * 7919) % 60480000) * interval '1 second'"
                + " ELSE now() - ((g::bigint * 104729) % 1468800) * interval '1 second' END"
                + " AS opened) st");
      }
      s.execute("ANALYZE disputes");
      s.execute("ANALYZE dispute_queue_keys");
    }
  }
}
