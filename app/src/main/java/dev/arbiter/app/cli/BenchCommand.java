package dev.arbiter.app.cli;

import dev.arbiter.tools.bench.BenchLine;
import dev.arbiter.tools.bench.BenchReport;
import dev.arbiter.tools.bench.BenchRunner;
import dev.arbiter.tools.bench.Benchmarks;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench}: side-by-side measurements, reported as medians and ratios. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measure the performance targets on a temporary embedded PostgreSQL.",
      "Prints medians and ratios between paths measured side by side in one run."
    })
public final class BenchCommand implements Callable<Integer> {

  @Option(
      names = "--scale",
      defaultValue = "1",
      converter = WholeNumbers.BenchScale.class,
      description =
          "Multiplies the data each benchmark creates, 1 to 100 (default ${DEFAULT-VALUE}).")
  int scale;

  @Option(names = "--only", description = "Run only the benchmark with this name.")
  String only;

  @Override
  public Integer call() throws Exception {
    var benchmarks = Benchmarks.all();
    if (only != null && benchmarks.stream().noneMatch(b -> b.name().equals(only))) {
      throw new UserFacingException(
          "no benchmark named '"
              + only
              + "'; known: "
              + String.join(", ", benchmarks.stream().map(b -> b.name()).toList()));
    }
    List<BenchReport> reports =
        BenchRunner.run(benchmarks, scale, Optional.ofNullable(only), System.err::println);
    if (reports.isEmpty()) {
      System.out.println("no benchmarks registered");
      return ArbiterCli.OK;
    }
    System.out.printf(
        "%-18s %-46s %12s %8s  %s%n", "benchmark", "path", "median ms", "ratio", "target");
    boolean failed = false;
    for (BenchReport report : reports) {
      if (report.failed()) {
        failed = true;
        System.out.printf("%-18s FAILED: %s%n", report.name(), report.error());
        continue;
      }
      for (BenchLine line : report.lines()) {
        System.out.printf(
            "%-18s %-46s %12.2f %7.2fx  %s%n",
            report.name(), line.label(), line.medianMillis(), line.ratio(), line.target());
      }
    }
    return failed ? ArbiterCli.USAGE_OR_CONNECTION : ArbiterCli.OK;
  }
}
