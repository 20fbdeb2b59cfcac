package dev.arbiter.app.cli;

import dev.arbiter.persistence.automation.AutomationWorker;
import dev.arbiter.persistence.automation.AutomationWorker.Anchoring;
import dev.arbiter.persistence.automation.RuleOutcome;
import dev.arbiter.persistence.db.DatabaseSettings;
import dev.arbiter.persistence.db.EmbeddedRuntime;
import dev.arbiter.persistence.db.WorkerLogin;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code worker}: runs the time-driven rules (auto-release, dispute deadlines, expiries,
 * housekeeping, stalled sessions) until stopped, or once with {@code --once}. Logs one line per
 * action.
 */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    description = {
      "Run Arbiter's time-driven rules: auto-release, dispute deadlines, invite and suspension"
          + " expiry, stale claims and presence, re-scoring, and ending sessions that hold the"
          + " audit log. Several workers may run at once: each item is acted on once.",
      "On the embedded server it logs in as arbiter_worker; on a shared server as ARBITER_DB_USER,"
          + " a login in arbiter_automation.",
      "Exit 0 ok, 1 when --once left items failed or could not write the anchor, 2 on usage or"
          + " connection errors."
    })
public final class WorkerCommand implements Callable<Integer> {

  @ParentCommand private ArbiterCommand root;

  @Spec private CommandSpec spec;

  @Option(names = "--once", description = "Run every due rule once and exit (for cron and tests).")
  boolean once;

  @Option(
      names = "--anchor",
      paramLabel = "FILE",
      description =
          "Also write the audit chain head to FILE (replaced each time; its directory must exist)."
              + " On the embedded server the default is $ARBITER_HOME/audit-anchor.txt.")
  Path anchor;

  @Option(
      names = "--anchor-every",
      paramLabel = "DURATION",
      converter = ParsedValues.TimeSpan.class,
      description = "How often to write the anchor (90, 30s, 10m, 1h; default 10m).")
  Duration anchorEvery = Duration.ofMinutes(10);

  @Override
  public Integer call() throws InterruptedException {
    Optional<Anchoring> anchoring = anchoring();
    DatabaseSettings settings = root.settings();
    PrintWriter out = spec.commandLine().getOut();
    if (!settings.embedded()) {
      return run(sharedWorkerLogin(settings), anchoring, out);
    }
    try (EmbeddedRuntime runtime = EmbeddedRuntime.attachOrStart(settings.home(), "worker")) {
      EmbeddedPreparation.prepare(runtime, spec.commandLine().getErr()::println);
      return run(
          runtime.workerDataSource(),
          anchoring.or(() -> Optional.of(new Anchoring(runtime.home().auditAnchor(), anchorEvery))),
          out);
    }
  }

  private int run(DataSource login, Optional<Anchoring> anchoring, PrintWriter out)
      throws InterruptedException {
    try (AutomationWorker worker =
        new AutomationWorker(
            login,
            AutomationWorker.defaultId(),
            line -> {
              out.println(line);
              out.flush();
            },
            anchoring,
            Clock.systemUTC())) {
      if (once) {
        List<RuleOutcome> outcomes = worker.runOnce();
        long acted = outcomes.stream().mapToLong(RuleOutcome::acted).sum();
        long failed = outcomes.stream().mapToLong(RuleOutcome::failed).sum();
        boolean anchored = worker.anchorOnce();
        out.println(
            "worker ran "
                + outcomes.size()
                + " rules: "
                + acted
                + " acted, "
                + failed
                + " failed"
                + (anchored ? "" : "; the anchor was not written"));
        out.flush();
        return failed == 0 && anchored ? ArbiterCli.OK : ArbiterCli.FINDINGS;
      }
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "arbiter-worker-stop"));
      worker.start();
      spec.commandLine().getErr().println("worker running; Ctrl+C or SIGTERM stops it");
      stopped.await();
      return ArbiterCli.OK;
    }
  }

  private Optional<Anchoring> anchoring() {
    if (anchorEvery.compareTo(Duration.ofSeconds(10)) < 0) {
      throw new UserFacingException("--anchor-every must be at least 10s");
    }
    if (anchor == null) {
      return Optional.empty();
    }
    Path file = anchor.toAbsolutePath();
    if (!Files.isDirectory(file.getParent())) {
      throw new UserFacingException(
          "the directory " + file.getParent() + " does not exist; create it first");
    }
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)
        && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new UserFacingException(
          file + " is not a regular file; the anchor is never written there");
    }
    return Optional.of(new Anchoring(file, anchorEvery));
  }

  private static DataSource sharedWorkerLogin(DatabaseSettings settings) {
    String url = settings.sharedUrl().orElseThrow();
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(url);
    ds.setUser(
        settings
            .user()
            .orElseThrow(
                () ->
                    new UserFacingException(
                        "set ARBITER_DB_USER (a login in arbiter_automation) and"
                            + " ARBITER_DB_PASSWORD to run the worker on "
                            + url)));
    settings.password().ifPresent(ds::setPassword);
    ds.setApplicationName(WorkerLogin.APPLICATION_NAME);
    ds.setConnectTimeout(10);
    WorkerLogin.requireAutomationLogin(ds);
    return ds;
  }
}
