package dev.arbiter.tools.demo;

import dev.arbiter.persistence.access.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Loads a realistic, reproducible marketplace into an empty Arbiter database: users, workspaces,
 * contracts of every kind, escrows funded through balanced journals, checkpoints and disputes in
 * every state, settlements, message threads, evidence and moderation flags.
 *
 * <p><b>Rights and atomicity.</b> The caller passes a connection with the schema owner's rights
 * (the migrator, or a superuser session that did {@code SET ROLE arbiter_migrator}): rows are
 * inserted directly in their final states, which only the owner may do. The whole load is one
 * transaction; any failure, including a {@link ProgressListener} that throws, rolls it all back.
 *
 * <p><b>Reproducibility.</b> Rows, ids and timestamps follow only from the seed, the scale and the
 * base time, so two loads with the same three are identical. Everything that happened lies before
 * the base time; deadlines, expiries and suspensions may lie after it.
 *
 * <p><b>History.</b> Rows are copied ({@code COPY}) in batches. In a normal load every row goes
 * through the audit and notify triggers, with {@code arbiter.actor} naming the login that would
 * have made it (the backend, support, finance or moderation), so the audit log reads like the
 * marketplace's past. The foreign key from settlements to journals is re-added (and so checked) at
 * the end, because an executed settlement names the journal written after it.
 *
 * <p><b>Bulk mode</b> ({@link DemoScale#bulk()}, from {@value DemoScale#BULK_THRESHOLD} disputes)
 * trades the per-row history for speed. Inside the transaction the per-row audit and notify
 * triggers of the loaded tables are disabled (by name, {@code ALTER TABLE ... DISABLE TRIGGER}),
 * and their foreign keys, keys and indexes dropped; before commit the keys and indexes are rebuilt
 * from their catalogue definitions, the foreign keys re-added (which validates every row) and the
 * triggers re-enabled. Instead of one audit row per inserted row, the audit log gets a single
 * {@code insert} entry on entity {@code demo_data} (through {@code audit_append}) that records the
 * seed, scale, base time, row counts and the triggers that were off, and one {@code
 * arbiter_changes} notification tells consoles to reload. CHECK constraints and the status
 * transition, version and ledger triggers (entry currency, balanced journals) stay on in both
 * modes; see {@code LoadSwitches}. Both modes end with that {@code demo_data} audit entry, which
 * also marks the data as loaded.
 *
 * <p>A million disputes ({@code DemoScale.of(3334)}, about 1.9 million rows) load in roughly 40
 * seconds on two cores; the base demo, fully audited, in a few seconds.
 */
public final class DemoDataLoader {

  private static final String MARKER_ENTITY = "demo_data";

  private final Clock clock;

  public DemoDataLoader(Clock clock) {
    this.clock = clock;
  }

  /** Whether the database already has demo data, or any users at all (then none is loaded). */
  public static boolean isLoaded(Connection connection) throws SQLException {
    return holds(
        connection,
        "SELECT EXISTS (SELECT 1 FROM users)"
            + " OR EXISTS (SELECT 1 FROM audit_log WHERE entity_type = ?) AS holds",
        MARKER_ENTITY);
  }

  /** The one boolean, named {@code holds}, that {@code sql} selects. */
  private static boolean holds(Connection c, String sql, Object... params) throws SQLException {
    return Jdbc.list(c, sql, row -> row.getBoolean("holds"), params).get(0);
  }

  /** Loads with the current time, truncated to the hour, as base time. */
  public DemoLoadSummary load(
      Connection owner, DemoScale scale, long seed, ProgressListener progress) throws SQLException {
    return load(owner, scale, seed, clock.instant().truncatedTo(ChronoUnit.HOURS), progress);
  }

  /**
   * Loads the demo in one transaction on {@code owner} and commits it. The connection should have
   * no transaction of its own open: the load commits on it, and restores its auto-commit mode.
   *
   * @throws DemoDataAlreadyLoadedException if {@link #isLoaded} holds; nothing is written
   * @throws IllegalStateException if the connection lacks owner rights, the demo staff accounts are
   *     missing, or ledger tables already hold rows
   * @throws SQLException if the database refuses a row; the load is rolled back
   */
  public DemoLoadSummary load(
      Connection owner, DemoScale scale, long seed, Instant baseTime, ProgressListener progress)
      throws SQLException {
    Objects.requireNonNull(scale, "scale");
    Objects.requireNonNull(progress, "progress");
    long started = System.nanoTime();
    Instant base = baseTime.truncatedTo(ChronoUnit.SECONDS);
    boolean autoCommit = owner.getAutoCommit();
    owner.setAutoCommit(false);
    try {
      Map<DemoTable, Long> counts = loadInTransaction(owner, scale, seed, base, progress);
      owner.commit();
      Map<String, Long> rows = new LinkedHashMap<>();
      counts.forEach((table, n) -> rows.put(table.table(), n));
      return new DemoLoadSummary(
          rows, scale.bulk(), seed, base, Duration.ofNanos(System.nanoTime() - started));
    } catch (SQLException | RuntimeException | Error e) {
      try {
        owner.rollback();
      } catch (SQLException rollbackFailure) {
        e.addSuppressed(rollbackFailure);
      }
      throw e;
    } finally {
      owner.setAutoCommit(autoCommit);
    }
  }

  private Map<DemoTable, Long> loadInTransaction(
      Connection c, DemoScale scale, long seed, Instant base, ProgressListener progress)
      throws SQLException {
    try (Statement s = c.createStatement()) {
      // Two consoles starting at once: the second waits here, then finds the data loaded.
      s.execute("SELECT pg_advisory_xact_lock(hashtext('arbiter.demo_data'))");
      s.execute("SELECT set_config('arbiter.command', 'demo_data', true)");
      // The database's session limits (V85) are for interactive work; a million-row load is not.
      s.execute("SET LOCAL statement_timeout = 0");
      s.execute("SET LOCAL lock_timeout = 0");
      s.execute("SET LOCAL idle_in_transaction_session_timeout = 0");
    }
    checkPreconditions(c);
    DemoWorld world = new DemoWorld(seed, base.getEpochSecond(), scale);
    LoadSwitches switches = LoadSwitches.switchOff(c, scale.bulk());
    Map<DemoTable, Long> counts = new EnumMap<>(DemoTable.class);
    Pipeline.run(
        new DemoGenerator(world),
        batch -> {
          batch.copyTo(c);
          batch.countInto(counts);
          progress.onProgress(batch.phase(), batch.unitsDone(), batch.unitsTotal());
        });
    progress.onProgress("finishing", 0, 1);
    try (Statement s = c.createStatement()) {
      // Checks every journal's balance now rather than at commit; ALTER TABLE needs none pending.
      s.execute("SET CONSTRAINTS ALL IMMEDIATE");
    }
    switches.restore(c);
    advanceSequences(c);
    appendMarker(c, world, counts, switches);
    progress.onProgress("finishing", 1, 1);
    return counts;
  }

  private static void checkPreconditions(Connection c) throws SQLException {
    if (!holds(c, "SELECT arbiter_is_owner() AS holds")) {
      throw new IllegalStateException(
          "demo data is loaded with the schema owner's rights (SET ROLE arbiter_migrator)");
    }
    if (isLoaded(c)) {
      throw new DemoDataAlreadyLoadedException();
    }
    if (holds(
        c, "SELECT EXISTS (SELECT 1 FROM wallets) OR EXISTS (SELECT 1 FROM journals) AS holds")) {
      throw new IllegalStateException(
          "demo data needs an empty ledger, but wallets or journals already hold rows");
    }
    if (!holds(
        c,
        "SELECT count(*) = ? AS holds FROM staff_accounts WHERE login_role = ANY (?)",
        DemoWorld.STAFF.length,
        c.createArrayOf("text", DemoWorld.STAFF))) {
      throw new IllegalStateException(
          "demo data refers to the demo staff accounts; create them first"
              + " (StaffLogins.ensureDemoLogins)");
    }
  }

  /** Ids were given explicitly: move each identity past them so later inserts do not collide. */
  private static void advanceSequences(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (DemoTable table : DemoTable.values()) {
        s.execute(
            "SELECT setval(pg_get_serial_sequence('"
                + table.table()
                + "', 'id'), max(id)) FROM "
                + table.table()
                + " HAVING max(id) IS NOT NULL");
      }
    }
  }

  private static void appendMarker(
      Connection c, DemoWorld world, Map<DemoTable, Long> counts, LoadSwitches switches)
      throws SQLException {
    Json rows = Json.object();
    counts.forEach((table, n) -> rows.put(table.table(), n));
    String sql =
        "SELECT audit_append('insert', ?, NULL, NULL, jsonb_build_object('mode', ?::text,"
            + " 'seed', ?::bigint, 'scale', ?::int, 'base_time', ?::timestamptz, 'rows', ?::jsonb,"
            + " 'disabled_triggers', ?::text[]))";
    try (Statement s = c.createStatement()) {
      s.execute("SELECT set_config('arbiter.actor', 'demo_data_loader', true)");
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, MARKER_ENTITY);
      ps.setString(2, world.bulk ? "bulk" : "audited");
      ps.setLong(3, world.seed);
      ps.setInt(4, world.scale.factor());
      ps.setString(5, Instant.ofEpochSecond(world.base).toString());
      ps.setString(6, rows.toString());
      ps.setArray(7, c.createArrayOf("text", switches.disabledTriggers().toArray()));
      ps.execute();
    }
    if (world.bulk) {
      try (Statement s = c.createStatement()) {
        s.execute(
            "SELECT pg_notify('arbiter_changes',"
                + " '{\"table\":\"demo_data\",\"op\":\"insert\",\"id\":\"bulk\"}')");
      }
    }
  }
}
