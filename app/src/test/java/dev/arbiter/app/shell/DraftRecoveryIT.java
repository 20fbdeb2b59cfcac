package dev.arbiter.app.shell;

import static dev.arbiter.app.testing.FxWait.fx;
import static dev.arbiter.app.testing.FxWait.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.app.testing.TestConsole;
import dev.arbiter.persistence.db.ArbiterHome;
import dev.arbiter.persistence.disputes.DisputeFixtures;
import dev.arbiter.persistence.disputes.DisputeFixtures.Deal;
import dev.arbiter.persistence.session.ConsoleTarget;
import dev.arbiter.persistence.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Unsent text after a crash, end to end: a support agent types a reply and an internal note on a
 * case and the console dies without signing out. A fresh console over the same Arbiter home and
 * database says the drafts are back, and the case shows them in its forms.
 */
@ExtendWith(ApplicationExtension.class)
class DraftRecoveryIT {

  private static final String REPLY = "We have the delivery; checking the last two files now.";
  private static final String NOTE = "Client sent the brief late, see the thread of the 12th.";
  private static TestDatabase db;
  private static long dispute;
  private static String reference;

  private ConsoleTarget target;
  private Path drafts;
  private TestConsole crashed;
  private TestConsole restarted;

  @BeforeAll
  static void createDatabase() throws Exception {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      Deal deal = DisputeFixtures.deal(owner, "Dora Draft", "Kit Keepsake", 40_000);
      dispute = DisputeFixtures.open().status("under_review").insert(owner, deal);
      try (Statement s = owner.createStatement();
          ResultSet rs = s.executeQuery("SELECT reference FROM disputes WHERE id = " + dispute)) {
        rs.next();
        reference = rs.getString(1);
      }
    }
  }

  @Start
  void start(Stage stage) throws IOException {
    drafts = new ArbiterHome(Files.createTempDirectory("arbiter-home")).drafts();
    target = new ConsoleTarget(db.jdbcUrl(), true, "Embedded test server");
    crashed = TestConsole.start(stage, target, drafts);
  }

  @AfterEach
  void closeConsoles() {
    if (restarted != null) {
      restarted.close();
    }
    crashed.close();
  }

  @Test
  void anUnsentReplyAndNoteAreBackInTheCaseAfterTheConsoleCrashed(FxRobot robot) throws Exception {
    crashed.signIn("demo_support");
    openTheCase(crashed);
    robot.clickOn("#replyText").write(REPLY);
    robot.clickOn("#noteText").write(NOTE);

    // A crash leaves the journal as the console's own writer last put it on disk: wait for that,
    // then abandon the console. Signing out or closing it would write the journal itself.
    Map<String, String> typed =
        Map.of("dispute:" + dispute + ":reply", REPLY, "dispute:" + dispute + ":note", NOTE);
    waitUntil(() -> journalOnDisk().equals(typed));
    fx(
        () -> {
          crashed.stage().hide();
          return null;
        });

    restarted = TestConsole.start(fx(Stage::new), target, drafts);
    restarted.signIn("demo_support");
    // The notice goes away after a few seconds: read it straight after signing in.
    assertThat(
            fx(
                () -> {
                  Node banner = restarted.lookup("#connectionBanner").query();
                  return banner.isVisible() && banner.isManaged();
                }))
        .isTrue();
    assertThat(restarted.text("#connectionBannerText"))
        .isEqualTo(
            "2 unsent drafts from an earlier session are kept; they are back in their forms.");

    openTheCase(restarted);
    assertThat(fieldText(restarted, "#replyText")).isEqualTo(REPLY);
    assertThat(fieldText(restarted, "#noteText")).isEqualTo(NOTE);
  }

  private static void openTheCase(TestConsole console) {
    console.open(Area.DISPUTES, "#disputeTable");
    waitUntil(() -> !console.rows("#disputeTable").isEmpty());
    console.openCase(0);
    assertThat(console.text("#caseReference")).isEqualTo(reference);
    waitUntil(() -> !fx(() -> console.lookup("#replyText").query().isDisabled()));
  }

  private static String fieldText(TestConsole console, String query) {
    return fx(() -> console.lookup(query).queryAs(TextArea.class).getText());
  }

  private Map<String, String> journalOnDisk() throws IOException {
    Path file = drafts.resolve("demo_support.json");
    if (!Files.exists(file)) {
      return Map.of();
    }
    return new ObjectMapper().readValue(file.toFile(), new TypeReference<>() {});
  }
}
