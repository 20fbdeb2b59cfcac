package dev.arbiter.app.cli;

import dev.arbiter.persistence.db.EmbeddedDatabasePreparer;
import dev.arbiter.persistence.db.EmbeddedRuntime;
import java.util.function.Consumer;

/** Readies the embedded database as every entry point needs it: migrated, demo data loaded once. */
final class EmbeddedPreparation {

  private EmbeddedPreparation() {}

  static void prepare(EmbeddedRuntime runtime, Consumer<String> progress) {
    int applied = EmbeddedDatabasePreparer.prepare(runtime);
    if (applied > 0) {
      progress.accept("applied " + applied + " migrations");
    }
  }
}
