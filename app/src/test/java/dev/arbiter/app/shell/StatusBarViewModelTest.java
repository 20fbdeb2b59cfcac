package dev.arbiter.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.shell.StatusBarViewModel.ConnectionState;
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
}
