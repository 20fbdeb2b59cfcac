package dev.arbiter.app.cli;

import dev.arbiter.persistence.db.EmbeddedDatabasePreparer;
import dev.arbiter.persistence.db.EmbeddedRuntime;
import dev.arbiter.tools.demo.DemoLoadSummary;
import dev.arbiter.tools.demo.DemoScale;
import dev.arbiter.tools.demo.EmbeddedDemo;
import java.util.function.Consumer;

/** Readies the embedded database as every entry point needs it: migrated, demo data loaded once. */
final class EmbeddedPreparation {

  private EmbeddedPreparation() {}

  static void prepare(EmbeddedRuntime runtime, Consumer<String> progress) {
    migrate(runtime, progress);
    EmbeddedDemo.loadOnce(
            runtime, DemoScale.of(1), EmbeddedDemo.SEED, new ProgressPrinter(progress))
        .ifPresent(summary -> progress.accept(describe(summary)));
  }

  /** Applies the migrations the embedded database lacks, saying how many when there were any. */
  static void migrate(EmbeddedRuntime runtime, Consumer<String> progress) {
    int applied = EmbeddedDatabasePreparer.prepare(runtime);
    if (applied > 0) {
      progress.accept("applied " + applied + " migrations");
    }
  }

  static String describe(DemoLoadSummary summary) {
    return String.format(
        "loaded demo data: %,d disputes, %,d users, %,d rows in all in %.1f s%s",
        summary.disputes(),
        summary.users(),
        summary.totalRows(),
        summary.elapsed().toMillis() / 1000.0,
        summary.bulk() ? " (bulk mode: one summary audit entry)" : "");
  }
}
