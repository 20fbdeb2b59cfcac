package dev.arbiter.persistence.automation;

import dev.arbiter.persistence.access.Jdbc;
import dev.arbiter.persistence.audit.AnchorFile;
import dev.arbiter.persistence.audit.ChainHead;
import dev.arbiter.persistence.audit.CommandDatabase;
import dev.arbiter.persistence.db.PrivateFiles;
import dev.arbiter.persistence.live.ChangeAnnouncer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Runs the automation rules against one database, as the automation's own login (on plain JDBC
 * through the shared name-based {@link Jdbc}: the login reads almost nothing, so Hibernate could
 * not even validate its mappings, and the worker has no session factory to share): once ({@link
 * #runOnce}, for cron and tests) or each on its interval until closed ({@link #start}). The rules
 * themselves make sure nothing happens twice; the worker only asks, records each run (the console's
 * "automation stopped" comes from that record) and logs one line per action.
 *
 * <p>Optionally it also writes the audit chain head to an anchor file every so often, so that
 * tampering between two anchors is bounded in time.
 */
public final class AutomationWorker implements AutoCloseable {

  /** Where and how often to anchor the chain head outside the database. */
  public record Anchoring(Path file, Duration every) {}

  private final DataSource dataSource;
  private final String workerId;
  private final Consumer<String> log;
  private final Optional<Anchoring> anchoring;
  private final Clock clock;
  private ScheduledExecutorService scheduler;
  private ScheduledExecutorService sealer;
  private volatile boolean announceFailing;

  public AutomationWorker(
      DataSource dataSource,
      String workerId,
      Consumer<String> log,
      Optional<Anchoring> anchoring,
      Clock clock) {
    this.dataSource = dataSource;
    this.workerId = workerId;
    this.log = log;
    this.anchoring = anchoring;
    this.clock = clock;
  }

  /** This process's name in automation_runs: host and process id. */
  public static String defaultId() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "localhost";
    }
    return host + ":" + ProcessHandle.current().pid();
  }

  /** Seals what waits to be sealed, then runs every rule once, in order. */
  public List<RuleOutcome> runOnce() {
    seal();
    List<RuleOutcome> outcomes = new ArrayList<>();
    for (AutomationRule rule : AutomationRule.values()) {
      outcomes.add(run(rule));
    }
    announce();
    return outcomes;
  }

  /** Writes the anchor once, if asked to anchor; false when writing it failed (logged). */
  public boolean anchorOnce() {
    return anchoring.map(this::anchor).orElse(true);
  }

  /** Runs each rule on its interval, on one thread of its own, until {@link #close}. */
  public synchronized void start() {
    if (scheduler != null) {
      return;
    }
    scheduler = Executors.newSingleThreadScheduledExecutor(daemon("arbiter-worker"));
    // Sealing and change notices have a thread of their own: a slow rule must not hold entries out
    // of the chain, nor notices from the consoles.
    sealer = Executors.newSingleThreadScheduledExecutor(daemon("arbiter-sealer"));
    sealer.scheduleWithFixedDelay(this::seal, 0, sealInterval().toMillis(), TimeUnit.MILLISECONDS);
    long announceEvery = ChangeAnnouncer.WORKER_EVERY.toMillis();
    sealer.scheduleWithFixedDelay(this::announce, 0, announceEvery, TimeUnit.MILLISECONDS);
    for (AutomationRule rule : AutomationRule.values()) {
      long every = rule.interval().toMillis();
      scheduler.scheduleWithFixedDelay(() -> run(rule), 0, every, TimeUnit.MILLISECONDS);
    }
    anchoring.ifPresent(
        a ->
            scheduler.scheduleWithFixedDelay(
                () -> anchor(a), 0, a.every().toMillis(), TimeUnit.MILLISECONDS));
  }

  // Daemon threads, so that a worker never keeps the console's JVM alive on exit.
  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  /** Seals the audit entries that wait; logs only a failure. Never throws. */
  public long seal() {
    try {
      return new AuditSealer(dataSource).sealAll();
    } catch (SQLException | RuntimeException e) {
      log.accept(clock.instant() + " seal: FAILED " + e.getMessage());
      return 0;
    }
  }

  /**
   * Sends the change notices that committed, so consoles hear of changes even when none of them is
   * sending (V96); logs only a failure. Never throws.
   */
  public int announce() {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      int sent = ChangeAnnouncer.announce(c);
      announceFailing = false;
      return sent;
    } catch (SQLException | RuntimeException e) {
      // Ten times a second: one line when it starts failing, not one per attempt.
      if (!announceFailing) {
        log.accept(clock.instant() + " announce: FAILED " + e.getMessage());
      }
      announceFailing = true;
      return 0;
    }
  }

  // Read once at start; the default bound when the policy cannot be read (logged).
  private Duration sealInterval() {
    try {
      return new AuditSealer(dataSource).interval();
    } catch (SQLException | RuntimeException e) {
      log.accept(clock.instant() + " seal: could not read the bound, sealing every second: " + e);
      return Duration.ofSeconds(1);
    }
  }

  /** Runs one rule in a transaction of its own and records the run. Never throws. */
  public RuleOutcome run(AutomationRule rule) {
    Instant started = clock.instant();
    RuleOutcome outcome;
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        String result =
            Jdbc.list(
                    c,
                    rule.sql(),
                    row -> row.text("result"),
                    rule.takesBatch() ? new Object[] {AutomationRule.BATCH} : new Object[0])
                .get(0);
        outcome = RuleOutcome.parse(rule, result);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException | RuntimeException e) {
      outcome = RuleOutcome.failed(rule, e.getMessage());
    }
    report(outcome);
    record(outcome, started);
    return outcome;
  }

  private void report(RuleOutcome outcome) {
    String at = clock.instant().toString();
    for (RuleOutcome.Item item : outcome.items()) {
      if (!item.outcome().equals("skipped")) {
        log.accept(
            at
                + " "
                + outcome.rule().id()
                + " "
                + item.item()
                + ": "
                + (item.outcome().equals("failed") ? "FAILED " : "")
                + item.detail());
      }
    }
    if (outcome.error() != null) {
      log.accept(at + " " + outcome.rule().id() + ": FAILED " + outcome.error());
    }
  }

  private void record(RuleOutcome outcome, Instant started) {
    try (Connection c = dataSource.getConnection()) {
      Jdbc.list(
          c,
          "SELECT 1 AS recorded FROM automation_record_run(?, ?, ?, ?, ?, ?, ?, CAST(? AS text))",
          row -> row.getInt("recorded"),
          outcome.rule().id(),
          workerId,
          (int) Math.max(1, outcome.rule().interval().toSeconds()),
          Timestamp.from(started),
          (int) outcome.acted(),
          (int) outcome.skipped(),
          (int) outcome.failed(),
          outcome.error());
    } catch (SQLException e) {
      // The run's own outcome is logged already; an unrecorded run shows as a late one.
      log.accept(
          clock.instant() + " " + outcome.rule().id() + ": run not recorded: " + e.getMessage());
    }
  }

  private boolean anchor(Anchoring a) {
    try {
      ChainHead head = CommandDatabase.of(dataSource, "the worker").head();
      PrivateFiles.writeAtomically(
          a.file(),
          AnchorFile.contents(head, "the audit log", a.file().getFileName().toString())
              .getBytes(StandardCharsets.UTF_8));
      log.accept(clock.instant() + " anchor " + AnchorFile.line(head) + " -> " + a.file());
      return true;
    } catch (IOException | RuntimeException e) {
      log.accept(clock.instant() + " anchor: FAILED " + e.getMessage());
      return false;
    }
  }

  @Override
  public synchronized void close() {
    if (sealer != null) {
      sealer.shutdownNow();
      sealer = null;
    }
    if (scheduler != null) {
      scheduler.shutdownNow();
      try {
        scheduler.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      scheduler = null;
    }
  }
}
