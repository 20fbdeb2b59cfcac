package dev.arbiter.app.cli;

import dev.arbiter.app.shell.ConsoleLauncher;
import dev.arbiter.persistence.automation.AutomationWorker;
import dev.arbiter.persistence.db.DatabaseSettings;
import dev.arbiter.persistence.db.EmbeddedRuntime;
import dev.arbiter.persistence.session.ConsoleTarget;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Opens the console: readies the embedded database first unless a shared server is configured. */
final class ConsoleStarter {

  private final DatabaseSettings settings;
  private final Map<String, String> env;

  ConsoleStarter(DatabaseSettings settings, Map<String, String> env) {
    this.settings = settings;
    this.env = env;
  }

  int start() {
    requireDisplay();
    if (!settings.embedded()) {
      // No server here, but the drafts and arbiter.properties live in the home all the same.
      settings.home().makePrivate();
      String url = settings.sharedUrl().orElseThrow();
      ConsoleLauncher.launch(
          new ConsoleTarget(
              url, false, url.replaceFirst("^jdbc:", ""), settings.poolUrl().orElse(null)),
          settings.home().drafts(),
          settings.home().consolePreferences());
      return ArbiterCli.OK;
    }
    try (EmbeddedRuntime runtime = EmbeddedRuntime.attachOrStart(settings.home(), "console")) {
      EmbeddedPreparation.prepare(runtime, System.err::println);
      // A console that started the server runs the time-driven rules while it is open.
      Optional<AutomationWorker> worker =
          EmbeddedAutomation.startIfOwner(runtime, System.err::println);
      try {
        ConsoleLauncher.launch(
            new ConsoleTarget(
                runtime.jdbcUrl(), true, "embedded demo server (localhost:" + runtime.port() + ")"),
            settings.home().drafts(),
            settings.home().consolePreferences());
      } finally {
        worker.ifPresent(AutomationWorker::close);
      }
    }
    return ArbiterCli.OK;
  }

  /** Fails in one line, before the database starts, where no window can open. */
  private void requireDisplay() {
    boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    boolean headlessToolkit = "Monocle".equals(System.getProperty("glass.platform"));
    if (linux && !headlessToolkit && blank("DISPLAY") && blank("WAYLAND_DISPLAY")) {
      throw new UserFacingException(
          "no display: the console needs a graphical desktop (DISPLAY is not set);"
              + " the commands work without one, see 'arbiter --help'");
    }
  }

  private boolean blank(String variable) {
    String value = env.get(variable);
    return value == null || value.isBlank();
  }
}
