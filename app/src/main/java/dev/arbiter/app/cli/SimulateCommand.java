package dev.arbiter.app.cli;

import dev.arbiter.persistence.db.DatabaseSettings;
import dev.arbiter.persistence.db.EmbeddedRuntime;
import dev.arbiter.persistence.db.StaffLogins;
import dev.arbiter.tools.simulate.Pacing;
import dev.arbiter.tools.simulate.SimulationException;
import dev.arbiter.tools.simulate.SimulationPlan;
import dev.arbiter.tools.simulate.SimulationReport;
import dev.arbiter.tools.simulate.TrafficMix;
import dev.arbiter.tools.simulate.TrafficSimulator;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code simulate --rate R --duration D}: marketplace traffic for live demos and load tests. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Write realistic marketplace traffic as the marketplace backend: disputes opened, party"
          + " messages, checkpoint submissions, moderation flags and workspace changes, each"
          + " under the user or service it acts for.",
      "Progress goes to stderr every second, the summary to stdout. Ctrl+C stops early.",
      "Embedded database: logs in as demo_backend (demo data is loaded if missing). Shared server"
          + " (ARBITER_DB_URL): logs in as --login with ARBITER_SIMULATE_PASSWORD."
    },
    footerHeading = "%nEnvironment:%n",
    footer = {
      "  ARBITER_SIMULATE_LOGIN     backend login (default demo_backend)",
      "  ARBITER_SIMULATE_PASSWORD  its password (default on the embedded database: demo)"
    })
public final class SimulateCommand implements Callable<Integer> {

  static final String LOGIN_VARIABLE = "ARBITER_SIMULATE_LOGIN";
  static final String PASSWORD_VARIABLE = "ARBITER_SIMULATE_PASSWORD";

  @ParentCommand private ArbiterCommand root;

  @Spec private CommandSpec spec;

  @Option(
      names = "--rate",
      required = true,
      converter = RateConverter.class,
      description = "Operations per second (0.01 to 10000; 0.5 to a few hundred is typical).")
  double rate;

  @Option(
      names = "--duration",
      required = true,
      converter = ParsedValues.TimeSpan.class,
      description = "How long to run: 90 (seconds), 30s, 5m, 1h.")
  Duration duration;

  @Option(
      names = "--seed",
      converter = WholeNumbers.Seed.class,
      description = "Seed of the random choices (default: random).")
  Long seed;

  @Option(
      names = "--mix",
      converter = ParsedValues.Mix.class,
      description =
          "Relative weights, e.g. message=5,flag=1 (kinds: dispute, message, submission, flag,"
              + " workspace, contract; default dispute=10,message=38,submission=14,flag=12,"
              + "workspace=18,contract=8).")
  TrafficMix mix;

  @Option(
      names = "--connections",
      converter = WholeNumbers.SimulateConnections.class,
      description = "Database connections, 1 to 64 (default: one per 25 ops/s, at most 8).")
  Integer connections;

  @Option(
      names = "--login",
      converter = AuditFilterValues.Text.class,
      description = "Backend login, a member of marketplace_backend (default demo_backend).")
  String login;

  @Override
  public Integer call() {
    SimulationPlan plan = plan();
    DatabaseSettings settings = root.settings();
    PrintWriter err = spec.commandLine().getErr();
    String user = login();
    if (settings.embedded()) {
      try (EmbeddedRuntime runtime = EmbeddedRuntime.attachOrStart(settings.home(), "simulate")) {
        EmbeddedPreparation.prepare(runtime, err::println);
        String password =
            env(PASSWORD_VARIABLE)
                .or(
                    () ->
                        user.equals(StaffLogins.DEMO_BACKEND)
                            ? Optional.of(StaffLogins.DEMO_PASSWORD)
                            : Optional.empty())
                .orElseThrow(() -> missingPassword(user));
        return simulate(plan, runtime.jdbcUrl(), user, password);
      }
    }
    String password = env(PASSWORD_VARIABLE).orElseThrow(() -> missingPassword(user));
    return simulate(plan, settings.sharedUrl().orElseThrow(), user, password);
  }

  private SimulationPlan plan() {
    try {
      SimulationPlan plan = SimulationPlan.of(rate, duration);
      if (seed != null) {
        plan = plan.withSeed(seed);
      }
      if (mix != null) {
        plan = plan.withMix(mix);
      }
      return connections == null ? plan : plan.withConnections(connections);
    } catch (IllegalArgumentException e) {
      throw new UserFacingException(e.getMessage());
    }
  }

  private int simulate(SimulationPlan plan, String url, String user, String password) {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    TrafficSimulator simulator = TrafficSimulator.connectingTo(url, user, password, plan);
    CountDownLatch printed = new CountDownLatch(1);
    // Ctrl+C: stop the workers and let this thread print the summary before the JVM exits.
    Thread onInterrupt =
        new Thread(
            () -> {
              simulator.stop();
              try {
                printed.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "simulate-stop");
    Runtime.getRuntime().addShutdownHook(onInterrupt);
    try {
      err.println("simulating " + plan.describe() + " as " + user);
      SimulationReport report = simulator.run(progress -> err.println(progress.line()));
      report.lines().forEach(out::println);
      out.flush();
      return ArbiterCli.OK;
    } catch (SimulationException e) {
      throw new UserFacingException(e.getMessage(), e);
    } finally {
      printed.countDown();
      removeHook(onInterrupt);
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running: it is what ended the run.
    }
  }

  private String login() {
    return Optional.ofNullable(login)
        .or(() -> env(LOGIN_VARIABLE))
        .orElse(StaffLogins.DEMO_BACKEND);
  }

  private Optional<String> env(String variable) {
    return Optional.ofNullable(root.env().get(variable)).filter(v -> !v.isBlank());
  }

  private static UserFacingException missingPassword(String user) {
    return new UserFacingException(
        "set " + PASSWORD_VARIABLE + " to the password of the backend login " + user);
  }

  /** Reads operations per second, within what {@link Pacing} can pace. */
  static final class RateConverter implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      String refused =
          String.format(
              Locale.ROOT,
              "'%s' is not a rate: a number of operations per second from %s to %,.0f",
              value,
              Pacing.MIN_RATE,
              Pacing.MAX_RATE);
      double rate;
      try {
        rate = Double.parseDouble(value.strip());
      } catch (NumberFormatException e) {
        throw new TypeConversionException(refused);
      }
      if (!(rate >= Pacing.MIN_RATE && rate <= Pacing.MAX_RATE)) {
        throw new TypeConversionException(refused);
      }
      return rate;
    }
  }
}
