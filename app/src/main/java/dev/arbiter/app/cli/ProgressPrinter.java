package dev.arbiter.app.cli;

import dev.arbiter.tools.demo.ProgressListener;
import java.util.function.Consumer;

/** Prints a long load's progress at most every ten percent of a phase, so a terminal stays calm. */
final class ProgressPrinter implements ProgressListener {

  private final Consumer<String> out;
  private String phase = "";
  private long lastTenth = -1;

  ProgressPrinter(Consumer<String> out) {
    this.out = out;
  }

  @Override
  public void onProgress(String phase, long done, long total) {
    if (!phase.equals(this.phase)) {
      this.phase = phase;
      lastTenth = -1;
    }
    long tenth = total <= 0 ? 10 : done * 10 / total;
    if (tenth != lastTenth) {
      lastTenth = tenth;
      out.accept(String.format("demo data: %s %d%%", phase, tenth * 10));
    }
  }
}
