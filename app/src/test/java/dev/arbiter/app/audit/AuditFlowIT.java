package dev.arbiter.app.audit;

import static dev.arbiter.app.testing.FxWait.fx;
import static dev.arbiter.app.testing.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.arbiter.app.common.ExecutorTaskRunner;
import dev.arbiter.app.shell.ConsoleShell;
import dev.arbiter.persistence.audit.AuditFixture;
import dev.arbiter.persistence.audit.AuditFixture.Written;
import dev.arbiter.persistence.session.ConsoleTarget;
import dev.arbiter.persistence.staff.SignInService;
import dev.arbiter.persistence.staff.StaffSession;
import dev.arbiter.persistence.testing.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The audit area end to end, headless: filter by actor and entity, open an entry's diff and its
 * record history, verify the chain and see it intact; then, on a tampered chain, see it broken, and
 * export the filtered set.
 */
@ExtendWith(ApplicationExtension.class)
class AuditFlowIT {

  private static TestDatabase db;
  private static Written written;
  private ExecutorTaskRunner tasks;
  private ConsoleShell shell;
  private Stage stage;

  @TempDir Path dir;

  @BeforeAll
  static void createDatabase() throws Exception {
    db = TestDatabase.fresh();
    written = AuditFixture.write(db);
  }

  @Start
  void start(Stage stage) {
    this.stage = stage;
    tasks = ExecutorTaskRunner.forFxThread();
    shell =
        new ConsoleShell(
            new ConsoleTarget(db.jdbcUrl(), true, "Embedded test server"),
            new SignInService(),
            tasks,
            Platform::runLater,
            Locale.US,
            ZoneOffset.UTC);
    shell.start(stage);
  }

  @AfterEach
  void closeConsole() {
    shell.close();
    tasks.close();
  }

  @Test
  void filterByActorAndEntityOpenTheDiffAndVerifyTheChainIntact(FxRobot robot) throws Exception {
    signIn(robot, "demo_support");
    click(robot, "#nav-audit");
    waitUntil(() -> rowCount(robot) > 0);
    assertThat(rowCount(robot))
        .isEqualTo(Math.min(AuditViewModel.PAGE_SIZE, AuditFixture.idsWhere(db, "TRUE").size()));
    screenshot(stage.getScene(), "audit-log.png");

    click(robot, "#auditActor .text-field");
    robot.write("user:42");
    fx(
        () -> {
          robot.lookup("#auditEntityType").queryAs(ComboBox.class).setValue("disputes");
          return null;
        });
    click(robot, "#auditEntity").write(written.disputeReference());
    click(robot, "#auditApply");
    List<Long> expected =
        AuditFixture.idsWhere(
            db,
            "actor = 'user:42' AND entity_type = 'disputes' AND entity_id = ?",
            Long.toString(written.seed().dispute()));
    waitUntil(() -> rowCount(robot) == expected.size());
    assertThat(expected).hasSize(1);

    robot.clickOn(firstRow(robot));
    waitUntil(() -> text(robot, "#entryTitle").startsWith("Entry " + expected.get(0)));
    assertThat(text(robot, "#entryWho")).isEqualTo("user:42 via demo_backend");
    assertThat(text(robot, "#entryRequest")).isEqualTo("req-7f3a");
    assertThat(text(robot, "#entryClient")).isEqualTo("marketplace-api");
    assertThat(diffFields(robot)).contains("status").doesNotContain("reference");
    click(robot, "#entryUnchanged");
    waitUntil(() -> diffFields(robot).contains("reference"));
    click(robot, "#entryUnchanged");
    screenshot(stage.getScene(), "audit-diff.png");

    click(robot, "#verifyChain");
    waitUntil(() -> text(robot, "#chainStatus").startsWith("Chain intact"));
    screenshot(stage.getScene(), "audit-verified.png");

    click(robot, "#entryHistory");
    waitUntil(
        () ->
            robot.lookup("#historyTimeline").tryQuery().isPresent()
                && fx(
                        () ->
                            robot
                                .lookup("#historyTimeline")
                                .queryAs(ListView.class)
                                .getItems()
                                .size())
                    == AuditFixture.idsWhere(
                            db,
                            "entity_type = 'disputes' AND entity_id = ?",
                            Long.toString(written.seed().dispute()))
                        .size());
    Node timeline = robot.lookup("#historyTimeline").query();
    screenshot(timeline.getScene(), "audit-history.png");
    fx(
        () -> {
          ((Stage) timeline.getScene().getWindow()).close();
          return null;
        });

    click(robot, "#entryOnlyRecord");
    waitUntil(
        () ->
            rowCount(robot)
                == AuditFixture.idsWhere(
                        db,
                        "entity_type = 'disputes' AND entity_id = ?",
                        Long.toString(written.seed().dispute()))
                    .size());
    assertThat(text(robot, "#auditPosition")).startsWith("Entries 1–");
  }

  @Test
  void tamperedChainShowsBrokenAndExportWritesTheFilteredSet(FxRobot robot) throws Exception {
    TestDatabase tampered = TestDatabase.fresh();
    AuditFixture.write(tampered);
    try (Connection c = tampered.superuser();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute("SET LOCAL session_replication_role = replica");
      s.execute("UPDATE audit_log SET actor = 'mallory' WHERE id = 12");
      c.commit();
    }
    StaffSession session =
        new SignInService()
            .startSession(
                new ConsoleTarget(tampered.jdbcUrl(), false, "test"), "demo_admin", "demo");
    Path file = dir.resolve("users.csv");
    try (session) {
      fx(
          () -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            AuditView view =
                AuditArea.create(
                    session,
                    tasks,
                    Platform::runLater,
                    Locale.US,
                    ZoneOffset.UTC,
                    owner -> format -> file);
            Scene scene = new Scene(new StackPane(view.node()), 1280, 800);
            scene
                .getStylesheets()
                .add(
                    Objects.requireNonNull(ConsoleShell.class.getResource("console.css"))
                        .toExternalForm());
            stage.setScene(scene);
            view.refresh();
            return null;
          });
      waitUntil(() -> rowCount(robot) > 0);

      click(robot, "#verifyChain");
      waitUntil(() -> text(robot, "#chainStatus").startsWith("Chain broken at entry 12 (changed)"));
      waitUntil(
          () ->
              fx(
                  () ->
                      robot
                          .lookup("#showBrokenEntry")
                          .tryQuery()
                          .map(n -> n.isVisible() && n.getLayoutBounds().getWidth() > 0)
                          .orElse(false)));
      click(robot, "#showBrokenEntry");
      waitUntil(() -> text(robot, "#entryTitle").startsWith("Entry 12 "));
      assertThat(text(robot, "#entryWho")).startsWith("mallory");
      screenshot(stage.getScene(), "audit-broken.png");

      fx(
          () -> {
            robot.lookup("#auditEntityType").queryAs(ComboBox.class).setValue("users");
            return null;
          });
      click(robot, "#auditApply");
      List<Long> users = AuditFixture.idsWhere(tampered, "entity_type = 'users'");
      waitUntil(() -> rowCount(robot) == Math.min(users.size(), AuditViewModel.PAGE_SIZE));
      click(robot, "#exportMenu");
      robot.clickOn("#export-csv");
      waitUntil(() -> text(robot, "#exportStatus").startsWith("Exported"));
      assertThat(text(robot, "#exportStatus"))
          .isEqualTo("Exported " + users.size() + " entries to users.csv.");
      List<String> lines = Files.readAllLines(file);
      assertThat(lines.get(0)).startsWith("id,occurred_at,actor");
      assertThat(lines.stream().skip(1).map(l -> Long.valueOf(l.substring(0, l.indexOf(',')))))
          .containsExactlyElementsOf(users);
    }
  }

  // Looks only inside this stage's scene: windows left by earlier tests in the same JVM may still
  // hold detached nodes with the same ids, which TestFX's global lookup trips over.
  private org.testfx.api.FxRobotInterface click(FxRobot robot, String query) {
    Node node = fx(() -> robot.from(stage.getScene().getRoot()).lookup(query).query());
    return robot.clickOn(node);
  }

  private void signIn(FxRobot robot, String login) {
    click(robot, "#loginField").write(login);
    click(robot, "#passwordField").write("demo");
    robot.type(KeyCode.ENTER);
    waitUntil(() -> robot.lookup("#navigation").tryQuery().isPresent());
  }

  // VirtualFlow keeps an invisible row for measuring; click a shown row that holds an entry.
  private Node firstRow(FxRobot robot) {
    return fx(
        () ->
            robot
                .from(stage.getScene().getRoot())
                .lookup("#auditTable .table-row-cell")
                .match(
                    (javafx.scene.control.TableRow<?> row) ->
                        row.isVisible() && row.getItem() != null)
                .query());
  }

  private static int rowCount(FxRobot robot) {
    return fx(() -> robot.lookup("#auditTable").queryAs(TableView.class).getItems().size());
  }

  private static List<String> diffFields(FxRobot robot) {
    return fx(
        () ->
            robot.lookup("#entryDiff").queryAs(TableView.class).getItems().stream()
                .map(row -> ((EntryDetailViewModel.DiffRow) row).field())
                .toList());
  }

  private static String text(FxRobot robot, String query) {
    return fx(() -> robot.lookup(query).queryAs(Labeled.class).getText());
  }

  private static void screenshot(Scene scene, String name) throws IOException {
    String target = System.getProperty("arbiter.screenshots");
    if (target == null || target.isBlank()) {
      return;
    }
    WaitForAsyncUtils.waitForFxEvents();
    var image = fx(() -> SwingFXUtils.fromFXImage(scene.snapshot(null), null));
    Path file = Path.of(target).resolve(name);
    Files.createDirectories(file.getParent());
    ImageIO.write(image, "png", new File(file.toString()));
  }
}
