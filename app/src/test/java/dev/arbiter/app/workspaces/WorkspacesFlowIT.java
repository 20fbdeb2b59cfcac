package dev.arbiter.app.workspaces;

import static dev.arbiter.app.testing.FxWait.fx;
import static dev.arbiter.app.testing.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.ExecutorTaskRunner;
import dev.arbiter.app.shell.ConsoleShell;
import dev.arbiter.model.workspaces.MemberRole;
import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.session.ConsoleTarget;
import dev.arbiter.persistence.staff.SignInService;
import dev.arbiter.persistence.staff.StaffAdminAccount;
import dev.arbiter.persistence.staff.StaffRole;
import dev.arbiter.persistence.testing.TestDatabase;
import dev.arbiter.persistence.workspaces.InviteTokens;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Invite;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Member;
import dev.arbiter.persistence.workspaces.WorkspaceFixture;
import dev.arbiter.persistence.workspaces.WorkspaceRow;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Workspaces area end to end as demo_admin: a role change, a refused suspension, an invite
 * revoked and re-issued, each checked in the database and its audit log; then a staff login is
 * created, granted Support, and signs in with it.
 */
@ExtendWith(ApplicationExtension.class)
class WorkspacesFlowIT {

  private static TestDatabase db;
  private static WorkspaceFixture ws;
  private ExecutorTaskRunner tasks;
  private ConsoleShell shell;
  private Stage stage;

  @BeforeAll
  static void createDatabase() throws Exception {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      ws = WorkspaceFixture.create(owner);
      for (int i = 0; i < 5; i++) {
        Fixtures.workspace(owner, Fixtures.user(owner, "owner"));
      }
    }
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
  void adminChangesARoleRevokesAnInviteAndGrantsAStaffRoleThatSignsIn(FxRobot robot)
      throws Exception {
    signIn(robot, "demo_admin", "demo");
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
    waitUntil(() -> rows(robot, "#workspaceTable") >= 6);
    select(robot, "#workspaceTable", (WorkspaceRow r) -> r.id() == ws.workspace());
    waitUntil(() -> text(robot, "#workspaceTitle").startsWith("Studio"));
    waitUntil(() -> rows(robot, "#memberTable") == 4);
    screenshot("workspaces-list.png");

    select(robot, "#memberTable", (Member m) -> m.id() == ws.plainMember());
    fx(
        () -> {
          comboBox(robot, "#memberRoleChoice").getSelectionModel().select(MemberRole.MANAGER);
          return null;
        });
    robot.clickOn("#memberChangeRole");
    waitUntil(() -> text(robot, "#workspaceMessage").startsWith("Changed"));
    try (Connection c = db.superuser()) {
      assertThat(value(c, "SELECT role FROM workspace_members WHERE id = " + ws.plainMember()))
          .isEqualTo("manager");
      assertThat(lastAudit(c, "workspace_members", ws.plainMember()))
          .isEqualTo("demo_admin|change role of member " + ws.plainMember() + " to manager");
    }
    screenshot("workspaces-members.png");

    select(robot, "#memberTable", (Member m) -> m.id() == ws.contactMember());
    robot.clickOn("#memberSuspend");
    waitUntil(() -> text(robot, "#workspaceError").contains(ws.contractReference()));
    screenshot("workspaces-refusal.png");

    robot.clickOn("Invites");
    waitUntil(() -> rows(robot, "#inviteTable") == 2);
    select(robot, "#inviteTable", (Invite i) -> i.id() == ws.pendingInvite());
    robot.clickOn("#inviteRevoke");
    waitUntil(() -> text(robot, "#workspaceMessage").startsWith("Revoked"));
    try (Connection c = db.superuser()) {
      assertThat(value(c, "SELECT status FROM workspace_invites WHERE id = " + ws.pendingInvite()))
          .isEqualTo("revoked");
      assertThat(lastAudit(c, "workspace_invites", ws.pendingInvite()))
          .isEqualTo("demo_admin|revoke invite " + ws.pendingInvite());
    }
    select(robot, "#inviteTable", (Invite i) -> i.id() == ws.overdueInvite());
    robot.clickOn("#inviteReissue");
    waitUntil(
        () -> !fx(() -> robot.lookup("#inviteToken").queryAs(TextField.class).getText()).isEmpty());
    String token = fx(() -> robot.lookup("#inviteToken").queryAs(TextField.class).getText());
    try (Connection c = db.superuser()) {
      assertThat(
              value(
                  c,
                  "SELECT count(*) FROM workspace_invites WHERE status = 'pending' AND token_hash"
                      + " = decode('"
                      + java.util.HexFormat.of().formatHex(InviteTokens.hash(token))
                      + "', 'hex')"))
          .isEqualTo(1L);
    }
    screenshot("workspaces-invites.png");

    robot.clickOn("Settings");
    WaitForAsyncUtils.waitForFxEvents();
    screenshot("workspaces-settings.png");

    String login = "t" + ProcessHandle.current().pid() + "_ui";
    fx(
        () -> {
          robot.lookup("#workspaces").queryAs(TabPane.class).getSelectionModel().select(1);
          return null;
        });
    waitUntil(() -> rows(robot, "#staffTable") >= 5);
    robot.clickOn("#staffNewLogin").write(login);
    robot.clickOn("#staffNewName").write("Una Interface");
    robot.clickOn("#staffNewPassword").write("ui-password-1");
    robot.clickOn("#staffCreate");
    waitUntil(() -> !(text(robot, "#staffMessage") + text(robot, "#staffError")).isEmpty());
    assertThat(text(robot, "#staffError")).isEmpty();
    assertThat(text(robot, "#staffMessage")).startsWith("Created");
    waitUntil(() -> rows(robot, "#staffTable") >= 6);
    select(robot, "#staffTable", (StaffAdminAccount a) -> a.login().equals(login));
    fx(
        () -> {
          comboBox(robot, "#staffRoleChoice").getSelectionModel().select(StaffRole.SUPPORT);
          return null;
        });
    robot.clickOn("#staffGrant");
    waitUntil(() -> text(robot, "#staffMessage").startsWith("Granted"));
    try (Connection c = db.superuser()) {
      assertThat(value(c, "SELECT pg_has_role('" + login + "', 'arbiter_support', 'MEMBER')"))
          .isEqualTo(true);
      assertThat(
              value(
                  c,
                  "SELECT actor FROM audit_log WHERE entity_type = 'staff_role' AND entity_id = '"
                      + login
                      + "' ORDER BY id DESC LIMIT 1"))
          .isEqualTo("demo_admin");
    }
    screenshot("workspaces-staff.png");

    robot.clickOn("#signOutButton");
    waitUntil(() -> robot.lookup("#loginField").tryQuery().isPresent());
    signIn(robot, login, "ui-password-1");
    assertThat(navigationTitles(robot))
        .containsExactly("Dashboard", "Disputes", "Workspaces", "Audit");
  }

  private static String lastAudit(Connection c, String entityType, long id) throws Exception {
    return (String)
        value(
            c,
            "SELECT actor || '|' || command FROM audit_log WHERE entity_type = '"
                + entityType
                + "' AND entity_id = '"
                + id
                + "' ORDER BY id DESC LIMIT 1");
  }

  private static Object value(Connection c, String sql) throws Exception {
    return Fixtures.value(c, sql);
  }

  private void signIn(FxRobot robot, String login, String password) {
    robot.clickOn("#loginField").write(login);
    robot.clickOn("#passwordField").write(password);
    robot.type(KeyCode.ENTER);
    waitUntil(() -> robot.lookup("#navigation").tryQuery().isPresent());
  }

  @SuppressWarnings("unchecked")
  private static <T> ComboBox<T> comboBox(FxRobot robot, String query) {
    return robot.lookup(query).queryAs(ComboBox.class);
  }

  private static int rows(FxRobot robot, String table) {
    return fx(() -> robot.lookup(table).queryAs(TableView.class).getItems().size());
  }

  /** Selects the row matching {@code which}, as a click on it would. */
  @SuppressWarnings("unchecked")
  private static <T> void select(FxRobot robot, String table, Predicate<T> which) {
    waitUntil(
        () ->
            fx(
                () -> {
                  TableView<T> view = robot.lookup(table).queryAs(TableView.class);
                  for (int i = 0; i < view.getItems().size(); i++) {
                    if (which.test(view.getItems().get(i))) {
                      view.getSelectionModel().clearAndSelect(i);
                      view.scrollTo(i);
                      return true;
                    }
                  }
                  return false;
                }));
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static List<String> navigationTitles(FxRobot robot) {
    return fx(
        () ->
            robot.lookup("#navigation").queryAs(VBox.class).getChildren().stream()
                .map(n -> ((Labeled) n).getText())
                .toList());
  }

  private static String text(FxRobot robot, String query) {
    return fx(() -> robot.lookup(query).queryAs(Labeled.class).getText());
  }

  private void screenshot(String name) throws IOException {
    String dir = System.getProperty("arbiter.screenshots");
    if (dir == null || dir.isBlank()) {
      return;
    }
    WaitForAsyncUtils.waitForFxEvents();
    var image = fx(() -> SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null));
    Path target = Path.of(dir).resolve(name);
    Files.createDirectories(target.getParent());
    ImageIO.write(image, "png", new File(target.toString()));
  }
}
