package dev.arbiter.tools.consoles;

import dev.arbiter.persistence.session.ConsoleTarget;
import dev.arbiter.tools.consoles.PageTimes.Queue;
import dev.arbiter.tools.simulate.SimulationPlan;
import dev.arbiter.tools.simulate.SimulationReport;
import dev.arbiter.tools.simulate.TrafficSimulator;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One measured phase: the consoles sign in and read both queues once (their warm-up, Hibernate's
 * start included), then the simulator writes for the plan's duration while they listen and re-read;
 * afterwards each console's heard changes are compared with what the audit trail says committed.
 */
final class ConsolePhase {

  private static final int SIGN_IN_THREADS = 4;
  private static final long SETTLE_SECONDS = 120;
  private static final long DRAIN_SECONDS = 30;

  private final LoadServer server;
  private final ConsoleLoadPlan plan;
  private final Consumer<String> progress;
  private final ChangeKeys keys = new ChangeKeys();
  private final PageTimes times = new PageTimes();

  ConsolePhase(LoadServer server, ConsoleLoadPlan plan, Consumer<String> progress) {
    this.server = server;
    this.plan = plan;
    this.progress = progress;
  }

  PhaseResult run(List<String> logins, String password) throws Exception {
    AuditTrail audit = new AuditTrail(server.superuser());
    ExecutorService readers = Executors.newCachedThreadPool(daemon("consoles-reader"));
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(daemon("consoles-tick"));
    List<HeadlessConsole> consoles = new ArrayList<>();
    try {
      consoles.addAll(signIn(logins, password));
      ticker.scheduleAtFixedRate(
          () -> consoles.forEach(c -> c.tick(readers)),
          0,
          ConsoleLoad.TICK.toMillis(),
          TimeUnit.MILLISECONDS);
      awaitUntil(SETTLE_SECONDS, () -> consoles.stream().allMatch(HeadlessConsole::settled));
      times.reset();
      Set<Integer> listeners =
          consoles.stream().map(HeadlessConsole::listenerPid).collect(Collectors.toSet());
      Set<String> names = new HashSet<>(logins);
      try (ConnectionSampler sampler =
          ConnectionSampler.start(
              server.superuser(), () -> listeners, names, server.backendLogin())) {
        long mark = audit.mark();
        progress.accept(
            String.format(
                "%d console(s) open; simulate at %.0f ops/s for %ds",
                consoles.size(), plan.rate(), plan.duration().toSeconds()));
        SimulationPlan simulation = simulationPlan();
        SimulationReport report =
            TrafficSimulator.connectingTo(
                    server.directUrl(), server.backendLogin(), server.backendPassword(), simulation)
                .run(p -> {});
        BitSet expected = keys.numbers(audit.committed(mark, audit.mark()));
        awaitUntil(DRAIN_SECONDS, () -> consoles.stream().allMatch(c -> c.missing(expected) == 0));
        long lost = consoles.stream().mapToLong(c -> c.missing(expected)).sum();
        ConnectionPeak peak = sampler.peak();
        return new PhaseResult(
            consoles.size(),
            times.p95(Queue.DISPUTES),
            times.reads(Queue.DISPUTES),
            times.busyMillis(Queue.DISPUTES),
            times.p95(Queue.RELEASES),
            times.reads(Queue.RELEASES),
            times.failures(),
            times.firstFailure(),
            expected.cardinality(),
            lost,
            consoles.stream().mapToInt(HeadlessConsole::offlines).sum(),
            peak,
            server.poolBudget(consoles.size()) + consoles.size() + simulation.connections(),
            report.progress().achievedRate(),
            report.committed());
      }
    } finally {
      // Reads in flight finish first: a console closed under them would only log broken sockets.
      ticker.shutdownNow();
      readers.shutdown();
      readers.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS);
      consoles.forEach(HeadlessConsole::close);
    }
  }

  private SimulationPlan simulationPlan() {
    return SimulationPlan.of(plan.rate(), plan.duration()).withSeed(plan.seed());
  }

  private List<HeadlessConsole> signIn(List<String> logins, String password) throws Exception {
    ConsoleTarget target = new ConsoleTarget(server.directUrl(), false, "bench", server.poolUrl());
    ExecutorService pool =
        Executors.newFixedThreadPool(SIGN_IN_THREADS, daemon("consoles-sign-in"));
    List<Future<HeadlessConsole>> opening = new ArrayList<>();
    for (String login : logins) {
      opening.add(pool.submit(() -> HeadlessConsole.open(target, login, password, keys, times)));
    }
    List<HeadlessConsole> opened = new ArrayList<>();
    try {
      for (Future<HeadlessConsole> f : opening) {
        opened.add(f.get());
      }
      for (HeadlessConsole console : opened) {
        if (!console.awaitOnline(30)) {
          throw new IllegalStateException(console.login() + "'s change feed did not connect");
        }
      }
      return opened;
    } catch (Exception e) {
      opened.forEach(HeadlessConsole::close);
      throw e;
    } finally {
      pool.shutdownNow();
    }
  }

  // Polls, as a console's status bar would: the bench waits on conditions, with a bound.
  private static void awaitUntil(long seconds, Supplier<Boolean> condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.get() && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(100);
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
