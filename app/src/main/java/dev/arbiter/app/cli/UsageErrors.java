package dev.arbiter.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Answers bad input with one line on stderr and exit 2. Picocli would print the message followed by
 * the whole usage text, which buries the one line that matters and is useless to a script; {@code
 * --help} is one command away, and the line says which.
 */
final class UsageErrors implements IParameterExceptionHandler {

  // "cannot convert 'x' to Duration (java.lang.IllegalArgumentException: why)": a converter threw
  // something other than TypeConversionException; keep only why.
  private static final Pattern WRAPPED =
      Pattern.compile("cannot convert '.*' to \\S+ \\((?:[\\w$]+\\.)*[\\w$]+: (.*)\\)$");
  private static final Pattern CLASS_NAME =
      Pattern.compile("(?:[a-z_][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error)(?::\\s*)?");

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine command = ex.getCommandLine();
    command.getErr().println("arbiter: " + describe(ex));
    command.getErr().flush();
    return ArbiterCli.USAGE_OR_CONNECTION;
  }

  static String describe(ParameterException ex) {
    CommandLine command = ex.getCommandLine();
    String name = command.getCommandSpec().qualifiedName();
    String help = "; see '" + name + " --help'";
    if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
      String first = unmatched.getUnmatched().get(0);
      if (first.startsWith("-")) {
        return "unknown option '" + first + "'" + help;
      }
      if (!command.getSubcommands().isEmpty()) {
        return "unknown command '" + first + "' for " + name + ": " + subcommands(command);
      }
      return "unexpected argument '" + first + "'" + help;
    }
    if (!command.getSubcommands().isEmpty()
        && "Missing required subcommand".equals(ex.getMessage())) {
      return name + " needs a command: " + subcommands(command);
    }
    String message = lowerFirst(oneLine(ex.getMessage()));
    return ex.getCause() instanceof TypeConversionException ? message : message + help;
  }

  /** The message as one line, without Java class names. */
  static String oneLine(String message) {
    if (message == null || message.isBlank()) {
      return "invalid input";
    }
    String line = message.strip().replaceAll("\\s*\\R\\s*", " ");
    line = WRAPPED.matcher(line).replaceFirst("$1");
    line = CLASS_NAME.matcher(line).replaceAll("").strip();
    return line.isEmpty() ? "invalid input" : line;
  }

  // Picocli starts its messages in upper case; Arbiter's lines after "arbiter: " do not.
  private static String lowerFirst(String line) {
    return line.substring(0, 1).toLowerCase(Locale.ROOT) + line.substring(1);
  }

  /** {@code a, b or c}. */
  static String orList(List<String> choices) {
    if (choices.size() == 1) {
      return choices.get(0);
    }
    return String.join(", ", choices.subList(0, choices.size() - 1))
        + " or "
        + choices.get(choices.size() - 1);
  }

  private static String subcommands(CommandLine command) {
    return orList(new ArrayList<>(command.getSubcommands().keySet()));
  }
}
