package dev.arbiter.app.cli;

import dev.arbiter.persistence.db.DatabaseSettings;
import dev.arbiter.persistence.db.EmbeddedDatabasePreparer;
import dev.arbiter.persistence.db.EmbeddedRuntime;
import dev.arbiter.tools.demo.DemoScale;
import dev.arbiter.tools.demo.EmbeddedDemo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code demo-data [--scale N]}: loads the demo marketplace into the embedded database. */
@Command(
    name = "demo-data",
    mixinStandardHelpOptions = true,
    description = {
      "Load the deterministic demo marketplace into the embedded database.",
      "--scale multiplies volumes (1: a few hundred disputes; 3334: about a million, bulk-loaded).",
      "Data is loaded once; --reset drops the embedded database first."
    })
public final class DemoDataCommand implements Callable<Integer> {

  @ParentCommand private ArbiterCommand root;

  @Option(
      names = "--scale",
      defaultValue = "1",
      converter = WholeNumbers.DemoScaleFactor.class,
      description = "Volume multiplier, 1 to 166666 (default ${DEFAULT-VALUE}).")
  int scale;

  @Option(
      names = "--seed",
      converter = WholeNumbers.Seed.class,
      description = "Seed of the generated data (default: the demo's fixed seed).")
  Long seed;

  @Option(names = "--reset", description = "Drop the embedded database and load afresh.")
  boolean reset;

  @Override
  public Integer call() {
    DatabaseSettings settings = root.settings();
    if (!settings.embedded()) {
      throw new UserFacingException(
          "demo-data loads only the embedded demo database, never a shared server"
              + " (ARBITER_DB_URL is set)");
    }
    try (EmbeddedRuntime runtime = EmbeddedRuntime.attachOrStart(settings.home(), "demo-data")) {
      if (reset) {
        EmbeddedDatabasePreparer.dropDatabase(runtime);
        System.err.println("dropped the embedded database");
      }
      // Migrated only: the demo is loaded below at the scale and seed asked for.
      EmbeddedPreparation.migrate(runtime, System.err::println);
      var summary =
          EmbeddedDemo.loadOnce(
              runtime,
              DemoScale.of(scale),
              seed == null ? EmbeddedDemo.SEED : seed,
              new ProgressPrinter(System.err::println));
      if (summary.isEmpty()) {
        throw new UserFacingException(
            "the embedded database already has data; add --reset to replace it");
      }
      System.out.println(EmbeddedPreparation.describe(summary.get()));
    }
    return ArbiterCli.OK;
  }
}
