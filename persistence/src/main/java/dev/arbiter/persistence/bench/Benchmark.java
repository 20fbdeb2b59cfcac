package dev.arbiter.persistence.bench;

import java.util.List;

/**
 * One side-by-side measurement for {@code arbiter bench}. Machines here are noisy, so a benchmark
 * reports medians and the ratio between the paths it compares (for example Hibernate vs raw JDBC,
 * deep page vs first page), never an absolute pass/fail time.
 */
public interface Benchmark {

  /** Short name, used by {@code arbiter bench --only NAME}. */
  String name();

  /** What is compared, in one line. */
  String description();

  /** Runs the comparison on a prepared database and returns one line per measured path. */
  List<BenchLine> run(BenchContext context) throws Exception;
}
