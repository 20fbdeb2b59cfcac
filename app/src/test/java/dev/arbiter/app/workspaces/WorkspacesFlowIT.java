package dev.arbiter.app.workspaces;

import static dev.arbiter.app.testing.FxWait.fx;
import static dev.arbiter.app.testing.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.shell.Area;
import dev.arbiter.app.testing.TestConsole;
import dev.arbiter.model.workspaces.MemberRole;
import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.staff.StaffAdminAccount;
import dev.arbiter.persistence.staff.StaffRole;
import dev.arbiter.persistence.testing.TestDatabase;
import dev.arbiter.persistence.workspaces.InviteTokens;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Invite;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Member;
import dev.arbiter.persistence.workspaces.WorkspaceFixture;
import dev.arbiter.persistence.workspaces.WorkspaceRow;
import java.sql.Connection;
import java.util.function.Predicate;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
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
  private TestConsole console;

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
    console = TestConsole.start(stage, db.jdbcUrl());
  }

  @AfterEach
  void closeConsole() {
    console.close();
  }

  @Test
  void adminChangesARoleRevokesAnInviteAndGrantsAStaffRoleThatSignsIn(FxRobot robot)
      throws Exception {
    console.signIn("demo_admin");
    console.shortcut(Area.WORKSPACES);
    waitUntil(() -> rows("#workspaceTable") >= 6);
    select("#workspaceTable", (WorkspaceRow r) -> r.id() == ws.workspace());
    waitUntil(() -> console.text("#workspaceTitle").startsWith("Studio"));
    waitUntil(() -> rows("#memberTable") == 4);
    console.screenshot("workspaces-list.png");

    select("#memberTable", (Member m) -> m.id() == ws.plainMember());
    fx(
        () -> {
          comboBox("#memberRoleChoice").getSelectionModel().select(MemberRole.MANAGER);
          return null;
        });
    robot.clickOn("#memberChangeRole");
    waitUntil(() -> console.text("#workspaceMessage").startsWith("Changed"));
    try (Connection c = db.superuser()) {
      assertThat(value(c, "SELECT role FROM workspace_members WHERE id = " + ws.plainMember()))
          .isEqualTo("manager");
      assertThat(lastAudit(c, "workspace_members", ws.plainMember()))
          .isEqualTo("demo_admin|change role of member " + ws.plainMember() + " to manager");
    }
    console.screenshot("workspaces-members.png");

    select("#memberTable", (Member m) -> m.id() == ws.contactMember());
    robot.clickOn("#memberSuspend");
    waitUntil(() -> console.text("#workspaceError").contains(ws.contractReference()));
    console.screenshot("workspaces-refusal.png");

    // The owner's rule is said on the buttons before anyone is asked to confirm.
    select("#memberTable", (Member m) -> m.id() == ws.ownerMember());
    waitUntil(() -> fx(() -> console.lookup("#memberRemove").queryButton().isDisabled()));
    assertThat(fx(() -> console.lookup("#memberSuspend").queryButton().isDisabled())).isTrue();
    assertThat(
            fx(
                () ->
                    ((Tooltip)
                            console
                                .lookup("#memberRemoveReason")
                                .query()
                                .getProperties()
                                .get("javafx.scene.control.Tooltip"))
                        .getText()))
        .contains("owns the workspace: transfer ownership");

    robot.clickOn("Invites");
    waitUntil(() -> rows("#inviteTable") == 2);
    select("#inviteTable", (Invite i) -> i.id() == ws.pendingInvite());
    robot.clickOn("#inviteRevoke");
    waitUntil(() -> console.text("#workspaceMessage").startsWith("Revoked"));
    try (Connection c = db.superuser()) {
      assertThat(value(c, "SELECT status FROM workspace_invites WHERE id = " + ws.pendingInvite()))
          .isEqualTo("revoked");
      assertThat(lastAudit(c, "workspace_invites", ws.pendingInvite()))
          .isEqualTo("demo_admin|revoke invite " + ws.pendingInvite());
    }
    select("#inviteTable", (Invite i) -> i.id() == ws.overdueInvite());
    robot.clickOn("#inviteReissue");
    waitUntil(
        () ->
            !fx(() -> console.lookup("#inviteToken").queryAs(TextField.class).getText()).isEmpty());
    String token = fx(() -> console.lookup("#inviteToken").queryAs(TextField.class).getText());
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
    console.screenshot("workspaces-invites.png");

    robot.clickOn("Settings");
    WaitForAsyncUtils.waitForFxEvents();
    console.screenshot("workspaces-settings.png");

    String login = "t" + ProcessHandle.current().pid() + "_ui";
    fx(
        () -> {
          console.lookup("#workspaces").queryAs(TabPane.class).getSelectionModel().select(1);
          return null;
        });
    waitUntil(() -> rows("#staffTable") >= 5);
    robot.clickOn("#staffNewLogin").write(login);
    robot.clickOn("#staffNewName").write("Una Interface");
    robot.clickOn("#staffNewPassword").write("ui-password-1");
    robot.clickOn("#staffCreate");
    waitUntil(() -> !(console.text("#staffMessage") + console.text("#staffError")).isEmpty());
    assertThat(console.text("#staffError")).isEmpty();
    assertThat(console.text("#staffMessage")).startsWith("Created");
    waitUntil(() -> rows("#staffTable") >= 6);
    select("#staffTable", (StaffAdminAccount a) -> a.login().equals(login));
    fx(
        () -> {
          comboBox("#staffRoleChoice").getSelectionModel().select(StaffRole.SUPPORT);
          return null;
        });
    robot.clickOn("#staffGrant");
    waitUntil(() -> console.text("#staffMessage").startsWith("Granted"));
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
    console.screenshot("workspaces-staff.png");

    robot.clickOn("#signOutButton");
    waitUntil(() -> console.has("#loginField"));
    console.signIn(login, "ui-password-1");
    assertThat(console.navigationTitles())
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

  @SuppressWarnings("unchecked")
  private <T> ComboBox<T> comboBox(String query) {
    return console.lookup(query).queryAs(ComboBox.class);
  }

  private int rows(String table) {
    return fx(() -> console.lookup(table).queryAs(TableView.class).getItems().size());
  }

  /** Selects the row matching {@code which}, as a click on it would. */
  @SuppressWarnings("unchecked")
  private <T> void select(String table, Predicate<T> which) {
    waitUntil(
        () ->
            fx(
                () -> {
                  TableView<T> view = console.table(table);
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
}
