package dev.arbiter.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.search.SearchKind;
import dev.arbiter.persistence.staff.SignedInStaff;
import dev.arbiter.persistence.staff.StaffRole;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MainWindowViewModelTest {

  private static MainWindowViewModel forRoles(StaffRole... roles) {
    return new MainWindowViewModel(
        new SignedInStaff("someone", "Some One", Set.of(roles)), () -> {});
  }

  @Test
  void supportSeesDashboardDisputesWorkspacesAndAuditOnly() {
    assertThat(forRoles(StaffRole.SUPPORT).areaTitles())
        .containsExactly("Dashboard", "Disputes", "Workspaces", "Audit");
  }

  @Test
  void financeSeesReleasesButNotDisputes() {
    assertThat(forRoles(StaffRole.FINANCE).areaTitles())
        .containsExactly("Dashboard", "Releases", "Audit");
  }

  @Test
  void moderatorSeesModerationAndAdminSeesWorkspacesAndModeration() {
    assertThat(forRoles(StaffRole.MODERATOR).areaTitles())
        .containsExactly("Dashboard", "Moderation", "Audit");
    assertThat(forRoles(StaffRole.ADMIN).areaTitles())
        .containsExactly("Dashboard", "Moderation", "Workspaces", "Audit");
  }

  @Test
  void staffWithEveryRoleSeesEveryAreaInMenuOrder() {
    assertThat(forRoles(StaffRole.values()).areaTitles())
        .containsExactly("Dashboard", "Disputes", "Releases", "Moderation", "Workspaces", "Audit");
  }

  @Test
  void dashboardIsOpenAfterSignIn() {
    assertThat(forRoles(StaffRole.SUPPORT).selectedProperty().get()).isEqualTo(Area.DASHBOARD);
  }

  @Test
  void shortcutDigitsAreFixedPerAreaNotPerMenuPosition() {
    MainWindowViewModel model = forRoles(StaffRole.SUPPORT);

    assertThat(model.selectShortcut(6)).isTrue();
    assertThat(model.selectedProperty().get()).isEqualTo(Area.AUDIT);
    assertThat(model.selectShortcut(2)).isTrue();
    assertThat(model.selectedProperty().get()).isEqualTo(Area.DISPUTES);
  }

  @Test
  void shortcutForAnAreaTheStaffMayNotUseChangesNothing() {
    MainWindowViewModel model = forRoles(StaffRole.SUPPORT);

    assertThat(model.selectShortcut(3)).isFalse();
    assertThat(model.select(Area.MODERATION)).isFalse();
    assertThat(model.selectShortcut(9)).isFalse();
    assertThat(model.selectedProperty().get()).isEqualTo(Area.DASHBOARD);
  }

  @Test
  void signOutIsHandedToTheShell() {
    AtomicInteger signOuts = new AtomicInteger();
    MainWindowViewModel model =
        new MainWindowViewModel(
            new SignedInStaff("demo_admin", "Ada Admin", EnumSet.of(StaffRole.ADMIN)),
            signOuts::incrementAndGet);

    model.signOut();

    assertThat(signOuts).hasValue(1);
    assertThat(model.windowTitle()).isEqualTo("Arbiter — Ada Admin (demo_admin)");
  }

  @Test
  void searchCoversTheKindsWhoseAreaTheRolesOpen() {
    assertThat(forRoles(StaffRole.SUPPORT).searchKinds())
        .containsExactlyInAnyOrder(SearchKind.DISPUTE, SearchKind.WORKSPACE);
    assertThat(forRoles(StaffRole.FINANCE).searchKinds()).containsExactly(SearchKind.CHECKPOINT);
    assertThat(forRoles(StaffRole.ADMIN).searchKinds())
        .containsExactlyInAnyOrder(SearchKind.WORKSPACE, SearchKind.STAFF_ACCOUNT);
    assertThat(forRoles(StaffRole.MODERATOR).searchKinds()).isEmpty();
    for (SearchKind kind : SearchKind.values()) {
      assertThat(forRoles(StaffRole.values()).areas()).contains(MainWindowViewModel.areaOf(kind));
    }
  }
}
