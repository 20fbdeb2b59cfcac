package dev.arbiter.app.shell;

import static dev.arbiter.app.testing.FxWait.fx;
import static dev.arbiter.app.testing.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.OfflineMarks;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.css.PseudoClass;
import javafx.event.ActionEvent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Real dialogs, headless: while offline, a dialog the main window opened does not send a click on a
 * button that needs the database (it stays open, dimmed), while Close works; online again, the same
 * button acts. A window the main window does not own is left alone.
 */
@ExtendWith(ApplicationExtension.class)
class OfflineDialogsIT {

  private static final PseudoClass OFFLINE = PseudoClass.getPseudoClass("offline");

  private final SimpleBooleanProperty online = new SimpleBooleanProperty(true);
  private final AtomicInteger runs = new AtomicInteger();
  private Stage main;
  private OfflineDialogs dialogs;

  @Start
  void start(Stage stage) {
    main = stage;
    StackPane content = new StackPane();
    stage.setScene(new Scene(content, 400, 300));
    stage.show();
    dialogs = new OfflineDialogs(online, content);
  }

  @AfterEach
  void close() {
    fx(
        () -> {
          dialogs.close();
          return null;
        });
  }

  @Test
  void offlineARunButtonDoesNotActAndTheDialogStaysWhileCloseStillWorks(FxRobot robot) {
    Dialog<ButtonType> dialog = fx(() -> dialog(main));
    goOffline();

    robot.clickOn("#run");

    assertThat(runs).hasValue(0);
    assertThat(fx(dialog::isShowing)).isTrue();
    assertThat(fx(() -> dialog.getDialogPane().getScene().getRoot().getPseudoClassStates()))
        .contains(OFFLINE);

    fx(
        () -> {
          online.set(true);
          return null;
        });
    robot.clickOn("#run");
    waitUntil(() -> runs.get() == 1);
    assertThat(fx(() -> dialog.getDialogPane().getScene().getRoot().getPseudoClassStates()))
        .doesNotContain(OFFLINE);

    goOffline();
    robot.clickOn("Close");
    waitUntil(() -> !fx(dialog::isShowing));
  }

  @Test
  void aDialogOfAnotherWindowIsLeftAlone(FxRobot robot) {
    Dialog<ButtonType> dialog =
        fx(
            () -> {
              Stage other = new Stage();
              other.setScene(new Scene(new StackPane(), 200, 100));
              other.show();
              return dialog(other);
            });
    goOffline();

    robot.clickOn("#run");

    waitUntil(() -> runs.get() == 1);
    fx(
        () -> {
          dialog.close();
          ((Stage) dialog.getOwner()).close();
          return null;
        });
  }

  private void goOffline() {
    fx(
        () -> {
          online.set(false);
          return null;
        });
  }

  // A dialog like the bulk moderation one: Run acts and keeps it open, Close closes it.
  private Dialog<ButtonType> dialog(Stage owner) {
    Dialog<ButtonType> dialog = new Dialog<>();
    dialog.initOwner(owner);
    ButtonType run = new ButtonType("Run", ButtonBar.ButtonData.APPLY);
    dialog.getDialogPane().getButtonTypes().addAll(run, ButtonType.CLOSE);
    Button runButton = (Button) dialog.getDialogPane().lookupButton(run);
    runButton.setId("run");
    OfflineMarks.needsDatabase(runButton);
    runButton.addEventFilter(
        ActionEvent.ACTION,
        e -> {
          e.consume();
          runs.incrementAndGet();
        });
    dialog.show();
    return dialog;
  }
}
