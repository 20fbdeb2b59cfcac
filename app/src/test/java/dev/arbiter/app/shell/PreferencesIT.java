package dev.arbiter.app.shell;

import static dev.arbiter.app.testing.FxWait.fx;
import static dev.arbiter.app.testing.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.arbiter.app.testing.TestConsole;
import dev.arbiter.persistence.session.ConsoleTarget;
import dev.arbiter.persistence.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import javafx.application.Application;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The console remembers, between starts, the theme, where its window was and each login's last
 * area: closed and started again on the same preferences file, it comes back as it was left.
 */
@ExtendWith(ApplicationExtension.class)
class PreferencesIT {

  private static TestDatabase db;
  @TempDir Path home;
  private Stage stage;
  private TestConsole console;

  @BeforeAll
  static void createDatabase() throws Exception {
    db = TestDatabase.fresh();
  }

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  @AfterEach
  void closeConsole() {
    if (console != null) {
      console.close();
    }
    fx(
        () -> {
          Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
          return null;
        });
  }

  private TestConsole startConsole() {
    return TestConsole.start(
        stage,
        new ConsoleTarget(db.jdbcUrl(), true, "Embedded test server"),
        home.resolve("drafts"),
        home.resolve("console-preferences.json"));
  }

  @Test
  void themeWindowAndLastAreaAreBackAfterARestart() throws Exception {
    console = startConsole();
    console.signIn("demo_support");
    console.click("#themeButton");
    console.click("#nav-audit");
    waitUntil(
        () -> fx(() -> console.lookup("#nav-audit").queryAs(ToggleButton.class).isSelected()));
    fx(
        () -> {
          stage.setX(40);
          stage.setY(30);
          stage.setWidth(1100);
          stage.setHeight(700);
          return null;
        });
    fx(
        () -> {
          stage.hide();
          return null;
        });
    console.close();
    // Private like the rest of Arbiter's home.
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(home.resolve("console-preferences.json"))))
        .isEqualTo("rw-------");

    fx(
        () -> {
          Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
          return null;
        });
    console = startConsole();
    assertThat(fx(Application::getUserAgentStylesheet))
        .isEqualTo(new PrimerDark().getUserAgentStylesheet());
    assertThat(
            fx(
                () ->
                    new double[] {stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()}))
        .containsExactly(40, 30, 1100, 700);
    console.signIn("demo_support");
    waitUntil(
        () -> fx(() -> console.lookup("#nav-audit").queryAs(ToggleButton.class).isSelected()));

    // Another login has a last area of its own: none yet, so the dashboard.
    console.click("#signOutButton");
    waitUntil(() -> console.has("#loginField"));
    console.signIn("demo_finance");
    assertThat(fx(() -> console.lookup("#nav-dashboard").queryAs(ToggleButton.class).isSelected()))
        .isTrue();
  }
}
