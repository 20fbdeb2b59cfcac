package dev.arbiter.app.cli;

import dev.arbiter.persistence.db.DatabaseSettings;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** The root command: opens the console when no subcommand is given. */
@Command(
    name = "arbiter",
    mixinStandardHelpOptions = true,
    versionProvider = ArbiterVersion.class,
    description = {
      "Operations console for the marketplace's back office.",
      "With no command, opens the console (embedded demo database unless ARBITER_DB_URL is set)."
    },
    subcommands = {
      DbCommand.class,
      MigrateCommand.class,
      DemoDataCommand.class,
      AuditCommand.class,
      LedgerCommand.class,
      ExportCommand.class,
      SimulateCommand.class,
      BenchCommand.class,
      WorkerCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ok",
      "1:findings (for example a broken audit chain)",
      "2:usage or connection error"
    },
    footerHeading = "%nEnvironment:%n",
    footer = {
      "  ARBITER_HOME         data folder (default: ~/.local/share/arbiter)",
      "  ARBITER_DB_URL       JDBC URL of a shared server instead of the embedded one",
      "  ARBITER_DB_USER      login for command-line tools on a shared server",
      "  ARBITER_DB_PASSWORD  its password"
    })
public final class ArbiterCommand implements Callable<Integer> {

  private final Map<String, String> env;

  public ArbiterCommand(Map<String, String> env) {
    this.env = env;
  }

  DatabaseSettings settings() {
    return DatabaseSettings.resolve(env);
  }

  Map<String, String> env() {
    return env;
  }

  @Override
  public Integer call() {
    return new ConsoleStarter(settings(), env).start();
  }
}
