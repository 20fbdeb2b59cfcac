package dev.arbiter.app.cli;

import dev.arbiter.persistence.db.DatabaseSettings;
import dev.arbiter.persistence.db.EmbeddedRuntime;
import dev.arbiter.persistence.db.SharedServerMigrator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code migrate}: applies the schema migrations as the migrator role. */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = {
      "Apply the database migrations.",
      "Embedded: as the local superuser switched to arbiter_migrator.",
      "Shared server: as ARBITER_DB_USER (which must be arbiter_migrator or a member of it)."
    })
public final class MigrateCommand implements Callable<Integer> {

  @ParentCommand private ArbiterCommand root;

  @Override
  public Integer call() {
    DatabaseSettings settings = root.settings();
    if (settings.embedded()) {
      try (EmbeddedRuntime runtime = EmbeddedRuntime.attachOrStart(settings.home(), "migrate")) {
        EmbeddedPreparation.prepare(runtime, System.err::println);
        System.out.println("schema is current: " + runtime.jdbcUrl());
      }
    } else {
      int applied = SharedServerMigrator.migrate(settings);
      System.out.println(
          "applied " + applied + " migrations; schema is current: " + settings.sharedUrl().get());
    }
    return ArbiterCli.OK;
  }
}
