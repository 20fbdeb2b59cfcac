package dev.arbiter.tools.bench;

import java.util.List;

/** What one benchmark measured, or why it could not run. */
public record BenchReport(String name, String description, List<BenchLine> lines, String error) {

  public boolean failed() {
    return error != null;
  }
}
