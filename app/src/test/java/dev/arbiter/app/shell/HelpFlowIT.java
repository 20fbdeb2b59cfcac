package dev.arbiter.app.shell;

import static dev.arbiter.app.testing.FxWait.fx;
import static dev.arbiter.app.testing.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.testing.TestConsole;
import dev.arbiter.persistence.testing.TestDatabase;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Help from the keyboard and the header: F1 opens the page of the area on screen, Ctrl+/ lays every
 * shortcut over the window, and the Help menu offers both and the guide's index.
 */
@ExtendWith(ApplicationExtension.class)
class HelpFlowIT {

  private static TestDatabase db;
  private TestConsole console;

  @BeforeAll
  static void createDatabase() throws Exception {
    db = TestDatabase.fresh();
  }

  @Start
  void start(Stage stage) {
    console = TestConsole.start(stage, db.jdbcUrl());
  }

  @AfterEach
  void closeConsole() {
    console.close();
  }

  @Test
  void f1OpensTheHelpOfTheAreaOnScreen(FxRobot robot) throws Exception {
    console.signIn("demo_support");

    robot.type(KeyCode.F1);
    waitUntil(() -> helpTitle(robot).equals("Dashboard"));
    robot.type(KeyCode.ESCAPE);
    waitUntil(() -> helpTitle(robot).isEmpty());

    console.open(Area.DISPUTES, "#disputesArea");
    robot.type(KeyCode.F1);
    waitUntil(() -> helpTitle(robot).equals("Disputes"));
    TestConsole.screenshot(robot.lookup("#helpWindow").query(), "help.png");
    robot.type(KeyCode.ESCAPE);
    waitUntil(() -> helpTitle(robot).isEmpty());

    console.click("#helpMenu");
    robot.clickOn("Help for this area (F1)");
    waitUntil(() -> helpTitle(robot).equals("Disputes"));
  }

  @Test
  void theOverlayListsTheShortcutsOfEveryAreaAndTheUserGuideOpensTheIndex(FxRobot robot)
      throws Exception {
    console.signIn("demo_support");
    console.open(Area.DISPUTES, "#disputesArea");

    robot.press(KeyCode.CONTROL, KeyCode.SLASH).release(KeyCode.SLASH, KeyCode.CONTROL);
    waitUntil(() -> overlayShowing());
    List<String> texts = overlayTexts();
    assertThat(texts).contains("Everywhere", "Ctrl+K", "Ctrl+1", "Ctrl+6", "Disputes", "F1");
    // The open area's keys come right after the global ones.
    assertThat(texts.indexOf("Disputes")).isLessThan(texts.indexOf("Workspaces"));
    assertThat(texts).contains("a", "Ctrl+Enter");
    console.screenshot("shortcuts.png");
    robot.type(KeyCode.ESCAPE);
    waitUntil(() -> !overlayShowing());

    console.click("#helpMenu");
    robot.clickOn("User guide");
    waitUntil(() -> helpTitle(robot).equals("Arbiter help"));
  }

  private static String helpTitle(FxRobot robot) {
    return fx(
        () ->
            robot
                .lookup("#helpTitle")
                .tryQuery()
                .filter(n -> n.getScene().getWindow().isShowing())
                .map(n -> ((Label) n).getText())
                .orElse(""));
  }

  private boolean overlayShowing() {
    return fx(() -> console.lookup("#shortcutOverlay").query().isVisible());
  }

  private List<String> overlayTexts() {
    return fx(
        () ->
            console.lookup("#shortcutOverlay .label").queryAll().stream()
                .map(Node.class::cast)
                .filter(Label.class::isInstance)
                .map(n -> ((Label) n).getText())
                .toList());
  }
}
