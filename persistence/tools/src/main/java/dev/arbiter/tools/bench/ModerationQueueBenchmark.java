package dev.arbiter.tools.bench;

import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.access.Jdbc;
import dev.arbiter.persistence.access.Row;
import dev.arbiter.persistence.db.HibernateFactory;
import dev.arbiter.persistence.moderation.ItemKey;
import dev.arbiter.persistence.moderation.ModerationQueueService;
import dev.arbiter.persistence.moderation.QueueCursor;
import dev.arbiter.persistence.moderation.QueueFilter;
import dev.arbiter.persistence.moderation.QueueSort;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.List;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;

/**
 * The grouped flag queue over a million flags: the first page, a page 90% of the way down (keyset,
 * so it should cost the same), the same page SQL through plain JDBC, and the GROUP BY over the
 * flags that the summary table replaces.
 */
public final class ModerationQueueBenchmark implements Benchmark.Measurement {

  private static final int FLAGS_PER_SCALE = 1_000_000;
  private static final int PAGE = 50;

  // The service's first-page SQL, written out for the plain JDBC comparison (the service builds
  // it inline; there is no builder to share), with a name for each column so it is read by name.
  private static final String RAW_FIRST_PAGE =
      "SELECT mi.id, mi.entity_type, mi.entity_id,"
          + " moderation_item_preview(mi.entity_type, mi.entity_id) AS preview, mi.open_count,"
          + " mi.flag_count, mi.max_severity_rank, mi.reasons, mi.first_flagged_at,"
          + " mi.last_flagged_at, mi.status,"
          + " CASE WHEN mi.claimed_at > now() - s.ttl THEN mi.assigned_to END AS claimed_by,"
          + " mi.claimed_at + s.ttl AS claim_expires_at, mi.score, mi.score::text AS sort_value"
          + " FROM moderation_items mi CROSS JOIN (SELECT moderation_claim_ttl() AS ttl) s"
          + " WHERE mi.status = ? ORDER BY mi.score DESC, mi.id DESC LIMIT "
          + (PAGE + 1);

  private static final List<String> RAW_COLUMNS =
      List.of(
          "id",
          "entity_type",
          "entity_id",
          "preview",
          "open_count",
          "flag_count",
          "max_severity_rank",
          "first_flagged_at",
          "last_flagged_at",
          "status",
          "claimed_by",
          "claim_expires_at",
          "score",
          "sort_value");

  // What the queue would cost without moderation_items: group the open flags on every page.
  private static final String GROUPED_FLAGS =
      "SELECT f.entity_type, f.entity_id, count(*), max(f.severity_rank),"
          + " 10 * max(f.severity_rank) + sum((coalesce(rs.actioned, 0) + 1)::numeric"
          + " / (coalesce(rs.decided, 0) + 2)) AS score"
          + " FROM moderation_flags f"
          + " LEFT JOIN moderation_reporter_stats rs ON rs.reporter_id = f.reporter_id"
          + " WHERE f.status = 'open' GROUP BY f.entity_type, f.entity_id"
          + " ORDER BY score DESC, f.entity_type, f.entity_id LIMIT 50";

  @Override
  public List<BenchLine> run(BenchContext context) throws Exception {
    int flags = FLAGS_PER_SCALE * context.scale();
    context.progress().accept("moderation-queue: loading " + flags + " flags");
    long start = System.nanoTime();
    load(context.owner(), flags);
    context
        .progress()
        .accept(
            "moderation-queue: loaded and summarised in "
                + (System.nanoTime() - start) / 1_000_000
                + " ms");
    DataSource moderator = context.asLogin().apply("demo_moderator");
    try (SessionFactory sessions = HibernateFactory.build(moderator)) {
      return run(
          new ModerationQueueService(new DataAccess(() -> sessions, moderator)),
          context,
          moderator);
    }
  }

  private static List<BenchLine> run(
      ModerationQueueService queue, BenchContext context, DataSource moderator) throws Exception {
    QueueCursor deep = cursorAt(context.owner(), 0.9);
    double[] pages =
        Timing.interleavedMedians(
            5,
            31,
            () -> queue.page(QueueFilter.open(), QueueSort.PRIORITY, null, PAGE),
            () -> queue.page(QueueFilter.open(), QueueSort.PRIORITY, deep, PAGE));
    double[] serviceVsRaw =
        Timing.interleavedMedians(
            5,
            31,
            () -> queue.page(QueueFilter.open(), QueueSort.PRIORITY, null, PAGE),
            () -> rawFirstPage(moderator));
    double raw = serviceVsRaw[1];
    double grouped = Timing.medianMillis(1, 3, () -> rawQuery(moderator, GROUPED_FLAGS));
    // A decision only queues its reporters; their other open items are re-scored afterwards,
    // in a transaction of their own (V52). Both halves are timed, one after the other.
    Iterator<ItemKey> next = queue.keys(QueueFilter.open(), 40).iterator();
    double[] decide =
        Timing.interleavedMedians(
            3, 21, () -> claimAndDismiss(moderator, next.next()), () -> rescore(moderator));
    return List.of(
        BenchLine.baseline("first page, raw JDBC (same SQL)", raw),
        BenchLine.compared("first page, ModerationQueueService", serviceVsRaw[0], raw, "≤ 1.3×"),
        BenchLine.compared(
            "page at 90% of open items (keyset), vs service first page",
            pages[1], pages[0], "≤ 1.5×"),
        BenchLine.compared("first page by GROUP BY over open flags", grouped, raw, ""),
        BenchLine.compared("claim + dismiss one item (decision transaction)", decide[0], raw, ""),
        BenchLine.compared("re-scoring after it (own transaction)", decide[1], raw, ""));
  }

  /**
   * A million flags on about a third as many items, from 2,000 reporters, a fifth of them decided.
   * Loaded with triggers off (a throw-away server; per-row audit would dominate), then summarised
   * set-based by the same functions the triggers call.
   */
  private static void load(DataSource owner, int flags) throws SQLException {
    try (Connection c = owner.getConnection();
        Statement s = c.createStatement()) {
      s.execute("RESET ROLE");
      s.execute("SET session_replication_role = replica");
      try {
        s.execute("SELECT setseed(0.42)");
        s.execute(
            "INSERT INTO users (email, display_name, kind)"
                + " SELECT 'bench-reporter-' || g || '@example.test', 'Reporter ' || g, 'client'"
                + " FROM generate_series(1, 2000) g");
        s.execute(
            "INSERT INTO moderation_flags (entity_type, entity_id, reporter_id, reason, severity,"
                + " status, decision, decided_by, decided_at, created_at)"
                + " SELECT (ARRAY['user','dispute_message','dispute_evidence','contract',"
                + "'workspace'])[1 + item % 5], item,"
                + " (SELECT min(id) FROM users) + (g::bigint * 7919) % 2000,"
                + " (ARRAY['spam','harassment','fraud','off_platform_payment','inappropriate',"
                + "'impersonation','other'])[1 + (g * 31) % 7],"
                + " (ARRAY['low','low','medium','medium','high','critical'])[1 + (g * 17) % 6],"
                + " st, CASE st WHEN 'actioned' THEN 'hide_content' WHEN 'dismissed' THEN 'dismiss'"
                + " END, CASE WHEN st <> 'open' THEN 'demo_moderator' END,"
                + " CASE WHEN st <> 'open' THEN now() END,"
                + " now() - make_interval(mins => (g % 20000))"
                + " FROM (SELECT g, (random() * "
                + flags / 3
                + ")::bigint AS item, CASE g % 10 WHEN 0 THEN 'actioned' WHEN 1 THEN 'dismissed'"
                + " ELSE 'open' END AS st FROM generate_series(1, "
                + flags
                + ") g) src");
      } finally {
        s.execute("SET session_replication_role = origin");
        s.execute("SET ROLE arbiter_migrator");
      }
      s.execute(
          "SELECT moderation_refresh_reporters(array_agg(DISTINCT reporter_id))"
              + " FROM moderation_flags");
      s.execute(
          "SELECT moderation_refresh_items(array_agg(entity_type), array_agg(entity_id))"
              + " FROM (SELECT DISTINCT entity_type, entity_id FROM moderation_flags) d");
      s.execute("ANALYZE moderation_flags");
      s.execute("ANALYZE moderation_items");
      s.execute("ANALYZE moderation_reporter_stats");
    }
  }

  private static QueueCursor cursorAt(DataSource owner, double fraction) throws SQLException {
    try (Connection c = owner.getConnection()) {
      return Jdbc.list(
              c,
              "SELECT score::text AS sort_value, id FROM moderation_items WHERE status = 'open'"
                  + " ORDER BY score DESC, id DESC OFFSET (SELECT (count(*) * ?)::bigint"
                  + " FROM moderation_items WHERE status = 'open') LIMIT 1",
              row -> new QueueCursor(row.text("sort_value"), row.getLong("id")),
              fraction)
          .get(0);
    }
  }

  // Reads every column by name, as the service does, so only the service's own overhead differs.
  private static void rawFirstPage(DataSource moderator) throws SQLException {
    try (Connection c = moderator.getConnection()) {
      Jdbc.forEach(c, RAW_FIRST_PAGE, 0, ModerationQueueBenchmark::readRow, "open");
    }
  }

  private static void readRow(Row row) {
    row.texts("reasons");
    for (String column : RAW_COLUMNS) {
      row.isNull(column);
    }
  }

  private static void claimAndDismiss(DataSource moderator, ItemKey key) throws SQLException {
    try (Connection c = moderator.getConnection()) {
      Jdbc.forEach(
          c,
          "SELECT moderation_decide(?, ?, 'dismiss', 'no_violation', NULL) AS decided"
              + " FROM (SELECT moderation_claim(?, ?)) claim",
          0,
          row -> {},
          key.type().dbValue(),
          key.id(),
          key.type().dbValue(),
          key.id());
    }
  }

  private static void rescore(DataSource moderator) throws SQLException {
    try (Connection c = moderator.getConnection()) {
      Jdbc.forEach(c, "SELECT moderation_rescore_pending() AS rescored", 0, row -> {});
    }
  }

  private static void rawQuery(DataSource source, String sql) throws SQLException {
    try (Connection c = source.getConnection()) {
      Jdbc.forEach(c, sql, 0, row -> row.text("score"));
    }
  }
}
