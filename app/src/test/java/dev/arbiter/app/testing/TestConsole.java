package dev.arbiter.app.testing;

import static dev.arbiter.app.testing.FxWait.fx;
import static dev.arbiter.app.testing.FxWait.waitUntil;

import dev.arbiter.app.common.ExecutorTaskRunner;
import dev.arbiter.app.disputes.QueueItem;
import dev.arbiter.app.shell.Area;
import dev.arbiter.app.shell.ConsoleShell;
import dev.arbiter.persistence.session.ConsoleTarget;
import dev.arbiter.persistence.staff.SignInService;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;
import org.testfx.service.query.NodeQuery;
import org.testfx.util.WaitForAsyncUtils;

/**
 * One console under test, built as the launcher builds it (US locale, UTC), with the steps every
 * TestFX flow shares: signing in, opening an area, reading what a label shows and writing a
 * screenshot.
 *
 * <p>Lookups stay inside this console's window: dialogs and windows left over from earlier tests,
 * or a second console in the same test, never answer for it. Dialogs are windows of their own, so a
 * test finds their nodes with the robot's own lookup.
 */
public final class TestConsole implements AutoCloseable {

  /** The demo accounts' password. */
  public static final String DEMO_PASSWORD = "demo";

  private final FxRobot robot = new FxRobot();
  private final Stage stage;
  private final ExecutorTaskRunner tasks;
  private final ConsoleShell shell;
  private final List<String> focusMoves = new java.util.ArrayList<>();

  private TestConsole(Stage stage, ConsoleTarget target, Path drafts, Path preferences) {
    this.stage = stage;
    this.tasks = ExecutorTaskRunner.forFxThread();
    this.shell =
        new ConsoleShell(
            target,
            new SignInService(),
            tasks,
            Platform::runLater,
            Locale.US,
            ZoneOffset.UTC,
            drafts,
            preferences);
  }

  /** The login screen for the demo-mode test server at {@code jdbcUrl}, drafts in a temp folder. */
  public static TestConsole start(Stage stage, String jdbcUrl) {
    return start(stage, new ConsoleTarget(jdbcUrl, true, "Embedded test server"), null);
  }

  /**
   * The login screen for {@code target} in {@code stage}, keeping drafts in {@code drafts} (null: a
   * temporary folder of the console's own). Runs on the FX thread, or waits for it.
   */
  public static TestConsole start(Stage stage, ConsoleTarget target, Path drafts) {
    return start(stage, target, drafts, null);
  }

  /**
   * As {@link #start(Stage, ConsoleTarget, Path)}, keeping the console's preferences in {@code
   * preferences} (null: for this console only).
   */
  public static TestConsole start(
      Stage stage, ConsoleTarget target, Path drafts, Path preferences) {
    if (!Platform.isFxApplicationThread()) {
      return fx(() -> start(stage, target, drafts, preferences));
    }
    TestConsole console = new TestConsole(stage, target, drafts, preferences);
    console.shell.start(stage);
    console.recordFocus();
    // Keyboard tests need this window focused, not one an earlier test class left showing: a node
    // is focused only while its window is.
    stage.toFront();
    stage.requestFocus();
    return console;
  }

  public Stage stage() {
    return stage;
  }

  // The last focus moves in this console's window, each with the code that made it, for a test
  // whose wait on the focus fails only on CI.
  private void recordFocus() {
    stage
        .getScene()
        .focusOwnerProperty()
        .addListener(
            (obs, was, now) -> {
              StringBuilder move =
                  new StringBuilder()
                      .append(System.currentTimeMillis() % 100_000)
                      .append(" ms: ")
                      .append(name(was))
                      .append(" -> ")
                      .append(name(now))
                      .append(" window focused ")
                      .append(stage.isFocused());
              for (StackTraceElement frame : new Throwable().getStackTrace()) {
                String at = frame.getClassName();
                if (at.startsWith("dev.arbiter.app") && !at.contains("testing")
                    || at.startsWith("javafx.scene.Scene")
                    || at.startsWith("com.sun.javafx.tk.quantum")) {
                  move.append("\n      at ").append(frame);
                }
              }
              synchronized (focusMoves) {
                focusMoves.add(move.toString());
                if (focusMoves.size() > 12) {
                  focusMoves.remove(0);
                }
              }
            });
  }

  private static String name(Node node) {
    return node == null
        ? "none"
        : node.getClass().getSimpleName() + (node.getId() == null ? "" : "#" + node.getId());
  }

  /** The last focus moves in this console's window, oldest first, with the code behind each. */
  public String focusHistory() {
    synchronized (focusMoves) {
      return "\n    " + String.join("\n    ", focusMoves);
    }
  }

  public ExecutorTaskRunner tasks() {
    return tasks;
  }

  /**
   * Closes the console as the window closing would (drafts are written, the session ends), and the
   * dialogs a test left open: the next test reuses the stage, and a dialog still showing would keep
   * the focus from it.
   */
  @Override
  public void close() {
    fx(
        () -> {
          for (Window window : List.copyOf(Window.getWindows())) {
            if (window instanceof Stage owned && owned.getOwner() == stage) {
              owned.close();
            }
          }
          return null;
        });
    shell.close();
    tasks.close();
  }

  /** Signs in with the demo password. */
  public void signIn(String login) {
    signIn(login, DEMO_PASSWORD);
  }

  /** Signs in and waits for the main window's navigation. */
  public void signIn(String login, String password) {
    submitLogin(login, password);
    waitUntil(() -> has("#navigation"));
  }

  /** Types {@code login} and {@code password} into the login form and presses Enter. */
  public void submitLogin(String login, String password) {
    click("#loginField").write(login);
    click("#passwordField").write(password);
    robot.type(KeyCode.ENTER);
  }

  /** Presses {@code area}'s shortcut (Ctrl+digit). */
  public void shortcut(Area area) {
    KeyCode digit = KeyCode.valueOf("DIGIT" + area.shortcutDigit());
    robot.press(KeyCode.CONTROL, digit).release(digit, KeyCode.CONTROL);
  }

  /** Opens {@code area} by its shortcut and waits until {@code shown} is in the window. */
  public void open(Area area, String shown) {
    shortcut(area);
    waitUntil(() -> has(shown));
  }

  /**
   * In the disputes queue, opens the case on {@code row} as Enter does, and waits until the case
   * file shows it.
   */
  public void openCase(int row) {
    String reference =
        fx(
            () -> {
              TableView<QueueItem> table = table("#disputeTable");
              table.getSelectionModel().clearAndSelect(row);
              table.requestFocus();
              return table.getItems().get(row).reference();
            });
    robot.type(KeyCode.ENTER);
    waitUntil(() -> textOrEmpty("#caseReference").equals(reference));
  }

  /** Clicks the node {@code query} finds in this console's window. */
  public FxRobot click(String query) {
    Node node = fx(() -> lookup(query).query());
    robot.clickOn(node);
    return robot;
  }

  /** Finds nodes in this console's window only. */
  public NodeQuery lookup(String query) {
    return robot.from(stage.getScene().getRoot()).lookup(query);
  }

  /** Whether {@code query} finds a node in this console's window. */
  public boolean has(String query) {
    return fx(() -> lookup(query).tryQuery().isPresent());
  }

  /** The text of the label (or button) {@code query} finds; fails when there is none. */
  public String text(String query) {
    return fx(() -> lookup(query).queryAs(Labeled.class).getText());
  }

  /** The text of the label {@code query} finds, or an empty string while there is none. */
  public String textOrEmpty(String query) {
    return fx(() -> lookup(query).tryQuery().map(n -> ((Labeled) n).getText()).orElse(""));
  }

  /** The table {@code query} finds; read and change it on the FX thread. */
  @SuppressWarnings("unchecked")
  public <T> TableView<T> table(String query) {
    return lookup(query).queryAs(TableView.class);
  }

  /** A copy of the rows of the table {@code query} finds, read on the FX thread. */
  public <T> List<T> rows(String query) {
    return fx(() -> List.copyOf(this.<T>table(query).getItems()));
  }

  /** The titles of the navigation's buttons, top to bottom. */
  public List<String> navigationTitles() {
    return fx(
        () ->
            lookup("#navigation").queryAs(VBox.class).getChildren().stream()
                .map(n -> ((Labeled) n).getText())
                .toList());
  }

  /** Writes the console's window as it is now to {@code name} under the screenshots folder. */
  public void screenshot(String name) throws IOException {
    writeScreenshot(() -> stage.getScene(), name);
  }

  /**
   * Writes the window holding {@code inWindow} (a dialog, say) to {@code name} under the
   * screenshots folder.
   */
  public static void screenshot(Node inWindow, String name) throws IOException {
    writeScreenshot(inWindow::getScene, name);
  }

  // Only when the build asks for them (-Darbiter.screenshots=<folder>): they are the
  // documentation's pictures, not part of what a test proves.
  private static void writeScreenshot(
      java.util.concurrent.Callable<javafx.scene.Scene> scene, String name) throws IOException {
    String dir = System.getProperty("arbiter.screenshots");
    if (dir == null || dir.isBlank()) {
      return;
    }
    WaitForAsyncUtils.waitForFxEvents();
    var image = fx(() -> SwingFXUtils.fromFXImage(scene.call().snapshot(null), null));
    Path target = Path.of(dir).resolve(name);
    Files.createDirectories(target.getParent());
    ImageIO.write(image, "png", new File(target.toString()));
  }
}
