package dev.arbiter.tools.bench;

import java.util.List;

/**
 * One side-by-side measurement for {@code arbiter bench}. Machines here are noisy, so a benchmark
 * reports medians and the ratio between the paths it compares (for example Hibernate vs raw JDBC,
 * deep page vs first page), never an absolute pass/fail time.
 *
 * @param name short name, used by {@code arbiter bench --only NAME}
 * @param description what is compared, in one line
 */
public record Benchmark(String name, String description, Measurement measurement) {

  /** The comparison itself. */
  @FunctionalInterface
  public interface Measurement {

    /** Runs on a prepared database and returns one line per measured path. */
    List<BenchLine> run(BenchContext context) throws Exception;
  }

  public List<BenchLine> run(BenchContext context) throws Exception {
    return measurement.run(context);
  }
}
