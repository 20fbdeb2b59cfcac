package dev.arbiter.app.cli;

import dev.arbiter.app.shell.ConsoleUnavailableException;
import dev.arbiter.persistence.db.DatabaseUnavailableException;
import java.util.Map;
import picocli.CommandLine;

/** Builds the command line and maps failures to Arbiter's exit codes. */
public final class ArbiterCli {

  /** Everything went as asked. */
  public static final int OK = 0;

  /** The command ran and found something wrong (a broken chain, an unbalanced ledger). */
  public static final int FINDINGS = 1;

  /** Bad usage, or the database could not be reached. */
  public static final int USAGE_OR_CONNECTION = 2;

  private ArbiterCli() {}

  public static int run(String[] args, Map<String, String> env) {
    return commandLine(env).execute(args);
  }

  static CommandLine commandLine(Map<String, String> env) {
    CommandLine cli = new CommandLine(new ArbiterCommand(env));
    cli.setParameterExceptionHandler(new UsageErrors());
    cli.setExecutionExceptionHandler(
        (ex, cmd, parseResult) -> {
          cmd.getErr().println("arbiter: " + oneLine(ex));
          return USAGE_OR_CONNECTION;
        });
    cli.setExitCodeExceptionMapper(ex -> USAGE_OR_CONNECTION);
    return cli;
  }

  static String oneLine(Throwable ex) {
    if (ex instanceof DatabaseUnavailableException
        || ex instanceof UserFacingException
        || ex instanceof ConsoleUnavailableException) {
      return UsageErrors.oneLine(ex.getMessage());
    }
    // A library refusing a value it was handed: its message is meant for people, its name is not.
    if (ex instanceof IllegalArgumentException && ex.getMessage() != null) {
      return UsageErrors.oneLine(ex.getMessage());
    }
    // A bug: keep the class name, since it may be all there is to go on.
    String message = ex.getMessage();
    return "unexpected failure: "
        + ex.getClass().getSimpleName()
        + (message == null ? "" : ": " + message.strip().replaceAll("\\s*\\R\\s*", " "));
  }
}
