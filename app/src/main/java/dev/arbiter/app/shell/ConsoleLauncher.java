package dev.arbiter.app.shell;

import dev.arbiter.app.common.ExecutorTaskRunner;
import dev.arbiter.persistence.session.ConsoleTarget;
import dev.arbiter.persistence.staff.SignInService;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Opens the console window and blocks until it is closed. The toolkit is started with {@link
 * Platform#startup} and a plain {@link Stage}, so the target is handed over by constructor rather
 * than through a static field for an {@code Application} subclass.
 */
public final class ConsoleLauncher {

  // Held strongly: JUL forgets a level set on a logger nobody references.
  private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

  private ConsoleLauncher() {}

  /**
   * Shows the console for {@code target} and returns when the window is closed. Unsent text is kept
   * in {@code draftsFolder}, the theme, window place and last areas in {@code preferencesFile}.
   *
   * @throws ConsoleUnavailableException with a one-line message when no window can be opened
   */
  public static void launch(ConsoleTarget target, Path draftsFolder, Path preferencesFile) {
    requireDisplay();
    // The jar runs JavaFX from the class path; its warning about that says nothing to a user.
    JAVAFX_LOG.setLevel(Level.SEVERE);
    CountDownLatch closed = new CountDownLatch(1);
    AtomicReference<Throwable> startFailure = new AtomicReference<>();
    try (ExecutorTaskRunner tasks = ExecutorTaskRunner.forFxThread();
        ConsoleShell shell =
            new ConsoleShell(
                target,
                new SignInService(),
                tasks,
                Platform::runLater,
                Locale.getDefault(Locale.Category.FORMAT),
                ZoneId.systemDefault(),
                draftsFolder,
                preferencesFile)) {
      startToolkit(
          () -> {
            try {
              Stage stage = new Stage();
              stage.setOnHidden(e -> closed.countDown());
              shell.start(stage);
            } catch (RuntimeException | Error e) {
              startFailure.set(e);
              closed.countDown();
            }
          });
      try {
        awaitClose(closed);
      } finally {
        // Only after a successful start: Platform.exit() hangs when the toolkit never came up.
        Platform.exit();
      }
      if (startFailure.get() != null) {
        throw new ConsoleUnavailableException(
            "cannot open the console window: " + oneLine(startFailure.get()), startFailure.get());
      }
    }
  }

  private static void startToolkit(Runnable whenStarted) {
    try {
      Platform.startup(whenStarted);
    } catch (IllegalStateException alreadyRunning) {
      Platform.runLater(whenStarted);
    } catch (RuntimeException | LinkageError e) {
      // GTK missing or no display: UnsupportedOperationException, UnsatisfiedLinkError, ...
      throw new ConsoleUnavailableException("cannot open the console window: " + oneLine(e), e);
    }
  }

  private static void awaitClose(CountDownLatch closed) {
    try {
      closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Refuses early, before GTK prints its own warnings, when Linux has no display at all. */
  static void requireDisplay() {
    boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    boolean monocle = "Monocle".equalsIgnoreCase(System.getProperty("glass.platform"));
    if (linux
        && !monocle
        && isBlank(System.getenv("DISPLAY"))
        && isBlank(System.getenv("WAYLAND_DISPLAY"))) {
      throw new ConsoleUnavailableException(
          "cannot open the console window: no graphical display (DISPLAY is not set);"
              + " run it in a desktop session, or use the command-line subcommands");
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }
}
