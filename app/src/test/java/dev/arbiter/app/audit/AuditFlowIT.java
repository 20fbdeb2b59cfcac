package dev.arbiter.app.audit;

import static dev.arbiter.app.testing.FxWait.fx;
import static dev.arbiter.app.testing.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.arbiter.app.common.AreaContext;
import dev.arbiter.app.shell.ConsoleShell;
import dev.arbiter.app.testing.TestConsole;
import dev.arbiter.persistence.audit.AuditFixture;
import dev.arbiter.persistence.audit.AuditFixture.Written;
import dev.arbiter.persistence.session.ConsoleTarget;
import dev.arbiter.persistence.staff.SignInService;
import dev.arbiter.persistence.staff.StaffSession;
import dev.arbiter.persistence.testing.TestDatabase;
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
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The audit area end to end, headless: filter by actor and entity, open an entry's diff and its
 * record history, verify the chain and see it intact; then, on a tampered chain, see it broken, and
 * export the filtered set.
 */
@ExtendWith(ApplicationExtension.class)
class AuditFlowIT {

  private static TestDatabase db;
  private static Written written;
  private TestConsole console;

  @TempDir Path dir;

  @BeforeAll
  static void createDatabase() throws Exception {
    db = TestDatabase.fresh();
    written = AuditFixture.write(db);
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
  void filterByActorAndEntityOpenTheDiffAndVerifyTheChainIntact(FxRobot robot) throws Exception {
    console.signIn("demo_support");
    console.click("#nav-audit");
    waitUntil(() -> rowCount() > 0);
    // Support reads every entry but the ledger's (the seed's wallets), V88.
    assertThat(rowCount())
        .isEqualTo(
            Math.min(
                AuditViewModel.PAGE_SIZE,
                AuditFixture.idsReadableBy(db, "demo_support", "TRUE").size()));
    console.screenshot("audit-log.png");

    console.click("#auditActor .text-field");
    robot.write("user:42");
    fx(
        () -> {
          console.lookup("#auditEntityType").queryAs(ComboBox.class).setValue("disputes");
          return null;
        });
    console.click("#auditEntity").write(written.disputeReference());
    console.click("#auditApply");
    List<Long> expected =
        AuditFixture.idsWhere(
            db,
            "actor = 'user:42' AND entity_type = 'disputes' AND entity_id = ?",
            Long.toString(written.seed().dispute()));
    waitUntil(() -> rowCount() == expected.size());
    assertThat(expected).hasSize(1);

    robot.clickOn(firstRow());
    waitUntil(() -> console.text("#entryTitle").startsWith("Entry " + expected.get(0)));
    assertThat(console.text("#entryWho")).isEqualTo("user:42 (via demo_backend)");
    assertThat(console.text("#entryRequest")).isEqualTo("req-7f3a");
    assertThat(console.text("#entryClient")).isEqualTo("marketplace-api");
    assertThat(diffFields()).contains("status").doesNotContain("reference");
    console.click("#entryUnchanged");
    waitUntil(() -> diffFields().contains("reference"));
    console.click("#entryUnchanged");
    console.screenshot("audit-diff.png");

    console.click("#verifyChain");
    waitUntil(() -> console.text("#chainStatus").startsWith("Chain intact"));
    assertThat(console.text("#chainStatus"))
        .contains("you may not read were checked by their links only; verify as an admin");
    console.screenshot("audit-verified.png");

    console.click("#entryHistory");
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
    TestConsole.screenshot(timeline, "audit-history.png");
    fx(
        () -> {
          ((Stage) timeline.getScene().getWindow()).close();
          return null;
        });

    console.click("#entryOnlyRecord");
    waitUntil(
        () ->
            rowCount()
                == AuditFixture.idsWhere(
                        db,
                        "entity_type = 'disputes' AND entity_id = ?",
                        Long.toString(written.seed().dispute()))
                    .size());
    assertThat(console.text("#auditPosition")).startsWith("Entries 1–");
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
                    new AreaContext(
                        session,
                        console.tasks(),
                        Platform::runLater,
                        Locale.US,
                        ZoneOffset.UTC,
                        null),
                    owner -> format -> file);
            Scene scene = new Scene(new StackPane(view.node()), 1280, 800);
            scene
                .getStylesheets()
                .add(
                    Objects.requireNonNull(ConsoleShell.class.getResource("console.css"))
                        .toExternalForm());
            console.stage().setScene(scene);
            return null;
          });
      waitUntil(() -> rowCount() > 0);

      console.click("#verifyChain");
      waitUntil(
          () -> console.text("#chainStatus").startsWith("Chain broken at entry 12 (changed)"));
      waitUntil(
          () ->
              fx(
                  () ->
                      console
                          .lookup("#showBrokenEntry")
                          .tryQuery()
                          .map(n -> n.isVisible() && n.getLayoutBounds().getWidth() > 0)
                          .orElse(false)));
      console.click("#showBrokenEntry");
      waitUntil(() -> console.text("#entryTitle").startsWith("Entry 12 "));
      assertThat(console.text("#entryWho")).startsWith("mallory");
      console.screenshot("audit-broken.png");

      fx(
          () -> {
            console.lookup("#auditEntityType").queryAs(ComboBox.class).setValue("users");
            return null;
          });
      console.click("#auditApply");
      List<Long> users = AuditFixture.idsWhere(tampered, "entity_type = 'users'");
      waitUntil(() -> rowCount() == Math.min(users.size(), AuditViewModel.PAGE_SIZE));
      console.click("#exportMenu");
      robot.clickOn("#export-csv");
      waitUntil(() -> console.text("#exportStatus").startsWith("Exported"));
      assertThat(console.text("#exportStatus"))
          .isEqualTo("Exported " + users.size() + " entries to users.csv.");
      List<String> lines = Files.readAllLines(file);
      assertThat(lines.get(0)).startsWith("id,occurred_at,actor");
      assertThat(lines.stream().skip(1).map(l -> Long.valueOf(l.substring(0, l.indexOf(',')))))
          .containsExactlyElementsOf(users);
    }
  }

  // VirtualFlow keeps an invisible row for measuring; click a shown row that holds an entry.
  private Node firstRow() {
    return fx(
        () ->
            console
                .lookup("#auditTable .table-row-cell")
                .match(
                    (javafx.scene.control.TableRow<?> row) ->
                        row.isVisible() && row.getItem() != null)
                .query());
  }

  private int rowCount() {
    return fx(() -> console.lookup("#auditTable").queryAs(TableView.class).getItems().size());
  }

  private List<String> diffFields() {
    return fx(
        () ->
            console.lookup("#entryDiff").queryAs(TableView.class).getItems().stream()
                .map(row -> ((EntryDetailViewModel.DiffRow) row).field())
                .toList());
  }
}
