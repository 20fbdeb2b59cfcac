package dev.arbiter.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.shell.StatusBarViewModel.ConnectionState;
import dev.arbiter.persistence.automation.AutomationHealth;
import dev.arbiter.persistence.session.ConsoleTarget;
import dev.arbiter.persistence.staff.SignedInStaff;
import dev.arbiter.persistence.staff.StaffRole;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class StatusBarViewModelTest {

  private static final SignedInStaff MIA =
      new SignedInStaff("mia", "Mia Multi", EnumSet.of(StaffRole.FINANCE, StaffRole.SUPPORT));

  @Test
  void showsWhoIsSignedInWithLoginAndRoles() {
    StatusBarViewModel model =
        new StatusBarViewModel(
            MIA, new ConsoleTarget("jdbc:postgresql://localhost/arbiter", false, "Shared"));

    assertThat(model.staffText()).isEqualTo("Mia Multi (mia) · Support, Finance");
  }

  @Test
  void showsTheServerLabelAndTheUrlWithoutItsPassword() {
    StatusBarViewModel model =
        new StatusBarViewModel(
            MIA,
            new ConsoleTarget(
                "jdbc:postgresql://db.example/arbiter?password=hunter2", false, "Production"));

    assertThat(model.databaseText())
        .isEqualTo("Production · jdbc:postgresql://db.example/arbiter?password=***")
        .doesNotContain("hunter2");
  }

  @Test
  void connectionStartsUncheckedThenFollowsEachPing() {
    StatusBarViewModel model =
        new StatusBarViewModel(
            MIA, new ConsoleTarget("jdbc:postgresql://localhost/arbiter", true, "Demo"));
    assertThat(model.connectionProperty().get()).isEqualTo(ConnectionState.CHECKING);

    model.reportPing(true);
    assertThat(model.connectionTextProperty().get()).isEqualTo("online");
    model.reportPing(false);
    assertThat(model.connectionTextProperty().get()).isEqualTo("offline");
    model.reportPing(true);
    assertThat(model.connectionProperty().get()).isEqualTo(ConnectionState.ONLINE);
  }

  @Test
  void saysWhenTheAutomationStoppedAndNothingWhileItRuns() {
    StatusBarViewModel model =
        new StatusBarViewModel(
            MIA, new ConsoleTarget("jdbc:postgresql://localhost/arbiter", true, "Demo"));
    model.dates(
        new dev.arbiter.app.common.DateTimes(java.util.Locale.US, java.time.ZoneOffset.UTC));
    java.time.Instant lastRun = java.time.Instant.parse("2026-12-07T10:42:13Z");

    model.reportAutomation(new AutomationHealth.Status(AutomationHealth.State.STOPPED, lastRun));
    assertThat(model.automationProperty().get())
        .isEqualTo("Automation stopped since Dec 7, 2026, 10:42 AM");
    assertThat(model.automationStoppedProperty().get()).isTrue();

    model.reportAutomation(new AutomationHealth.Status(AutomationHealth.State.RUNNING, lastRun));
    assertThat(model.automationProperty().get()).isEmpty();
    assertThat(model.automationStoppedProperty().get()).isFalse();

    model.reportAutomation(new AutomationHealth.Status(AutomationHealth.State.NEVER_RAN, null));
    assertThat(model.automationProperty().get()).isEqualTo("Automation has not run");
  }
}
