package dev.arbiter.tools.bench;

import java.util.List;

/**
 * Every benchmark {@code arbiter bench} runs, by name, in the order it runs them. The list is
 * explicit (no classpath scanning): a new benchmark is added here.
 */
public final class Benchmarks {

  private Benchmarks() {}

  public static List<Benchmark> all() {
    return List.of(
        new Benchmark(
            "disputes-queue",
            "50-row filtered+sorted keyset page: service vs raw JDBC; page at ~90% vs first page",
            new DisputeQueueBenchmark()),
        new Benchmark(
            "releases",
            "1,000 releases with balanced journals through the money function, vs the 5 s budget",
            new ReleaseBenchmark()),
        new Benchmark(
            "audit-verify",
            "verify the audit chain vs a plain read of the same rows, as an admin and as support",
            new AuditVerifyBenchmark()),
        new Benchmark(
            "audit-page",
            "filtered audit page at 90% depth vs the first page",
            new AuditPageBenchmark()),
        new Benchmark(
            "moderation-queue",
            "grouped flag queue page: first vs 90% deep (keyset), service vs raw JDBC,"
                + " vs GROUP BY over the flags",
            new ModerationQueueBenchmark()),
        new Benchmark(
            "live-latency",
            "backend commit to notification heard by a console's change feed, vs the commit alone",
            new LiveLatencyBenchmark()),
        new Benchmark(
            "write-throughput",
            "the same audited insert by 1 and 16 clients, audit trigger on vs off (fsync on);"
                + " insert latency while a staff change is held open",
            new WriteThroughputBenchmark()),
        new Benchmark(
            "durability",
            "audited commits on a durable server (fsync on) vs the throw-away one (fsync off)",
            new DurabilityBenchmark()),
        new Benchmark(
            "queue-sorts",
            "every queue's first page in every sort on the demo marketplace (nine in ten disputes"
                + " closed); the disputes queue as it was before V95 and now",
            new QueueSortsBenchmark()),
        new Benchmark("consoles", ConsolesBenchmark.DESCRIPTION, new ConsolesBenchmark()));
  }
}
