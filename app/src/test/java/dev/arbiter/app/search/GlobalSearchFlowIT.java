package dev.arbiter.app.search;

import static dev.arbiter.app.testing.FxWait.fx;
import static dev.arbiter.app.testing.FxWait.waitUntil;
import static dev.arbiter.persistence.contract.Fixtures.id;
import static dev.arbiter.persistence.contract.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.testing.TestConsole;
import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.disputes.DisputeFixtures;
import dev.arbiter.persistence.disputes.DisputeFixtures.Deal;
import dev.arbiter.persistence.staff.StaffAdminAccount;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
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
 * Quick open end to end, headless: Ctrl+K, type, Enter (or a click) switches to the record's area
 * and opens it there, as support for a dispute and as admin for a workspace and a staff account.
 */
@ExtendWith(ApplicationExtension.class)
class GlobalSearchFlowIT {

  private static TestDatabase db;
  private static String reference;

  private TestConsole console;

  @BeforeAll
  static void createDatabase() throws Exception {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      DisputeFixtures.fill(owner, 500);
      Deal deal = DisputeFixtures.deal(owner, "Quentin Quill", "Rosa Render", 50_000);
      long dispute = DisputeFixtures.open().status("under_review").insert(owner, deal);
      DisputeFixtures.open().status("closed").insert(owner, deal);
      reference = (String) value(owner, "SELECT reference FROM disputes WHERE id = ?", dispute);
      long ownerUser = Fixtures.user(owner, "owner");
      id(
          owner,
          "INSERT INTO workspaces (owner_id, name, slug, type) VALUES (?, 'Northwind Studio',"
              + " 'northwind-studio', 'studio')",
          ownerUser);
      for (int i = 0; i < 5; i++) {
        Fixtures.workspace(owner, ownerUser);
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
  void supportFindsADisputeByReferenceAndEnterOpensTheCase(FxRobot robot) throws Exception {
    console.signIn("demo_support");
    assertThat(console.has("#disputesArea")).isFalse();

    openSearch(robot).write("quentin");
    waitUntil(() -> hits() == 2);
    assertThat(console.text("#searchResults .search-group")).isEqualTo("Disputes");
    console.screenshot("search.png");

    // Ctrl+K selects what the field holds, so typing replaces it.
    openSearch(robot).write(reference.toLowerCase());
    waitUntil(() -> hitTitle(0).equals(reference));
    robot.type(KeyCode.ENTER);

    waitUntil(() -> console.textOrEmpty("#caseReference").equals(reference));
    assertThat(fx(() -> console.lookup("#nav-disputes").queryAs(ToggleButton.class).isSelected()))
        .isTrue();
    assertThat(console.has("#searchResults")).isTrue();
    assertThat(fx(() -> console.lookup("#searchResults").query().isVisible())).isFalse();
  }

  @Test
  void adminOpensAWorkspaceWithTheKeyboardAndAStaffAccountWithTheMouse(FxRobot robot) {
    console.signIn("demo_admin");

    openSearch(robot).write("NORTHW");
    waitUntil(() -> hits() == 1 && hitTitle(0).equals("Northwind Studio"));
    robot.type(KeyCode.DOWN).type(KeyCode.ENTER);

    waitUntil(() -> console.textOrEmpty("#workspaceTitle").equals("Northwind Studio"));
    assertThat(selectedTab()).isEqualTo("tab-workspaces");

    openSearch(robot).write("sam sup");
    waitUntil(() -> hits() == 1 && hitTitle(0).equals("Sam Support"));
    console.click("#searchHit-0");

    waitUntil(() -> "tab-staff".equals(selectedTab()));
    waitUntil(
        () ->
            fx(
                () -> {
                  TableView<StaffAdminAccount> table = console.table("#staffTable");
                  StaffAdminAccount selected = table.getSelectionModel().getSelectedItem();
                  return selected != null && selected.login().equals("demo_support");
                }));
  }

  @Test
  void escapeClosesTheListAndOddInputFindsNothing(FxRobot robot) {
    console.signIn("demo_support");
    // The field waits to be asked: signing in leaves the focus to the areas, a click takes it.
    assertThat(fx(() -> console.lookup("#globalSearch").query().isFocused())).isFalse();
    console.click("#globalSearch");
    waitUntil(() -> fx(() -> console.lookup("#globalSearch").query().isFocused()));

    openSearch(robot).write("50%_'\"");
    waitUntil(() -> console.textOrEmpty("#searchMessage").startsWith("No matches"));
    robot.type(KeyCode.ESCAPE);
    waitUntil(() -> !fx(() -> console.lookup("#searchResults").query().isVisible()));
    assertThat(fx(() -> console.lookup("#globalSearch").queryAs(TextField.class).isFocused()))
        .isTrue();
  }

  private FxRobot openSearch(FxRobot robot) {
    robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
    waitUntil(() -> fx(() -> console.lookup("#globalSearch").query().isFocused()));
    return robot;
  }

  private int hits() {
    return fx(
        () ->
            (int)
                console.lookup("#searchResults").query().lookupAll(".search-hit").stream()
                    .filter(Node::isVisible)
                    .count());
  }

  private String hitTitle(int index) {
    return fx(
        () ->
            console
                .lookup("#searchHit-" + index)
                .tryQuery()
                .map(n -> ((javafx.scene.control.Label) n.lookup(".search-title")).getText())
                .orElse(""));
  }

  private String selectedTab() {
    return fx(
        () ->
            console
                .lookup("#workspaces")
                .queryAs(TabPane.class)
                .getSelectionModel()
                .getSelectedItem()
                .getId());
  }
}
