package dev.arbiter.app.shell;

import static dev.arbiter.app.testing.FxWait.fx;
import static dev.arbiter.app.testing.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.testing.CutOffText;
import dev.arbiter.app.testing.TestConsole;
import dev.arbiter.persistence.testing.TestDatabase;
import dev.arbiter.tools.demo.DemoDataLoader;
import dev.arbiter.tools.demo.DemoScale;
import dev.arbiter.tools.demo.ProgressListener;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 19's first rule, at the console's default 1280×800 and at 1920×1080, on the demo
 * marketplace: every area a role works in shows its labels, buttons and cells whole, without an
 * ellipsis. With {@code -Darbiter.screenshots} it also writes each area at both sizes.
 */
@ExtendWith(ApplicationExtension.class)
class NoCutOffTextIT {

  /**
   * A screen a role works in: an area, a tab of it to open (null for the area's first), and the
   * queue whose first record to open (null for none) with the label that shows once it is open.
   */
  private record Page(Area area, String tab, String name, String queue, String opened) {
    Page(Area area, String tab, String name) {
      this(area, tab, name, null, null);
    }
  }

  private static final Map<String, List<Page>> PAGES_BY_LOGIN =
      Map.of(
          "demo_support",
          List.of(
              page(Area.DASHBOARD),
              page(Area.DISPUTES),
              new Page(Area.DISPUTES, null, "disputes-case", "#disputeTable", "#caseReference"),
              page(Area.WORKSPACES),
              page(Area.AUDIT),
              new Page(Area.AUDIT, null, "audit-entry", "#auditTable", "#entryTitle")),
          "demo_finance",
          List.of(
              page(Area.RELEASES),
              new Page(
                  Area.RELEASES, null, "releases-checkpoint", "#queueTable", "#checkpointTitle"),
              new Page(Area.RELEASES, "tab-settlements", "releases-settlements"),
              new Page(Area.RELEASES, "tab-exposure", "releases-exposure"),
              new Page(Area.RELEASES, "tab-ledger", "releases-ledger")),
          "demo_moderator",
          List.of(page(Area.MODERATION)),
          "demo_admin",
          List.of(
              page(Area.WORKSPACES),
              new Page(
                  Area.WORKSPACES, null, "workspaces-open", "#workspaceTable", "#workspaceTitle"),
              new Page(Area.WORKSPACES, "tab-staff", "workspaces-staff")));

  private static Page page(Area area) {
    return new Page(area, null, area.id());
  }

  private static TestDatabase db;
  private TestConsole console;
  private final FxRobot robot = new FxRobot();

  @BeforeAll
  static void demoMarketplace() throws Exception {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      new DemoDataLoader(Clock.systemUTC()).load(owner, DemoScale.of(1), 7L, ProgressListener.NONE);
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

  @ParameterizedTest(name = "{0}×{1}")
  @CsvSource({"1280, 800", "1920, 1080"})
  void everyAreaShowsItsValuesWhole(int width, int height) throws Exception {
    fx(
        () -> {
          // On the screen whole, so that the robot can click the header's far end.
          console.stage().setX(0);
          console.stage().setY(0);
          console.stage().setWidth(width);
          console.stage().setHeight(height);
          return null;
        });
    String size = width + "x" + height;
    List<String> cuts = new ArrayList<>();
    for (var login : List.of("demo_support", "demo_finance", "demo_moderator", "demo_admin")) {
      console.signIn(login);
      for (Page page : PAGES_BY_LOGIN.get(login)) {
        Area area = page.area();
        console.click("#nav-" + area.id());
        if (page.tab() != null) {
          openTab(page.tab());
        } else {
          waitUntil(() -> loaded(area));
        }
        if (page.queue() != null) {
          openFirst(page.queue(), page.opened());
        }
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> CutOffText.under(console.stage().getScene().getRoot())).stream()
            .map(c -> size + " " + login + " " + page.name() + " " + c)
            .forEach(cuts::add);
        console.screenshot(
            size + "/" + login.substring("demo_".length()) + "-" + page.name() + ".png");
      }
      console.click("#signOutButton");
      waitUntil(() -> console.has("#loginField"));
    }
    cuts.forEach(System.out::println);
    assertThat(cuts).isEmpty();
  }

  // As picking the first row and pressing Enter would; waits until the record's title shows.
  private void openFirst(String queue, String opened) {
    String before = console.textOrEmpty(opened);
    fx(
        () -> {
          TableView<?> table = console.table(queue);
          table.getSelectionModel().clearAndSelect(0);
          table.requestFocus();
          return null;
        });
    robot.type(KeyCode.ENTER);
    waitUntil(
        () ->
            !console.textOrEmpty(opened).isBlank() && !console.textOrEmpty(opened).equals(before));
  }

  // As a click on the tab would; tabs are no nodes to click by id.
  private void openTab(String id) {
    fx(
        () -> {
          for (Node node : console.lookup(".tab-pane").queryAll()) {
            TabPane pane = (TabPane) node;
            pane.getTabs().stream()
                .filter(t -> id.equals(t.getId()))
                .findFirst()
                .ifPresent(t -> pane.getSelectionModel().select(t));
          }
          return null;
        });
  }

  // The area's tables have their first page (the dashboard has none).
  private boolean loaded(Area area) {
    return fx(
        () -> {
          List<TableView<?>> tables = new ArrayList<>();
          collect(console.stage().getScene().getRoot(), tables);
          return area == Area.DASHBOARD
              || tables.stream().anyMatch(t -> t.isVisible() && !t.getItems().isEmpty());
        });
  }

  private static void collect(Node node, List<TableView<?>> tables) {
    if (node instanceof TableView<?> table) {
      tables.add(table);
    }
    if (node instanceof javafx.scene.Parent parent) {
      parent.getChildrenUnmodifiable().forEach(n -> collect(n, tables));
    }
  }
}
