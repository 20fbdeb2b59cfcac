package dev.arbiter.persistence.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.persistence.db.StaffLogins;
import dev.arbiter.persistence.session.ConsoleTarget;
import dev.arbiter.persistence.staff.SignInException.Reason;
import dev.arbiter.persistence.testing.Latency;
import dev.arbiter.persistence.testing.TestDatabase;
import dev.arbiter.persistence.testing.Waits;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SignInServiceIT {

  private static TestDatabase db;
  private static ConsoleTarget target;
  private final SignInService service = new SignInService();

  @BeforeAll
  static void createDatabase() throws Exception {
    db = TestDatabase.fresh();
    target = new ConsoleTarget(db.jdbcUrl(), true, "test server");
    try (Connection owner = db.migrator();
        Statement s = owner.createStatement()) {
      StaffLogins.ensureLogin(owner, "it_lonely_support", "secret", List.of("arbiter_support"));
      StaffLogins.ensureLogin(
          owner, "it_multi_staff", "secret", List.of("arbiter_support", "arbiter_finance"));
      s.execute(
          "INSERT INTO staff_accounts (login_role, display_name) VALUES ('it_multi_staff', 'Mia Multi')");
      s.execute(
          "UPDATE staff_accounts SET active = false, deactivated_at = now()"
              + " WHERE login_role = 'demo_finance2'");
    }
  }

  @Test
  void demoSupportSignsInWithDisplayNameAndSupportRoleOnly() throws Exception {
    SignedInStaff staff = service.signIn(target, "demo_support", "demo");

    assertThat(staff.login()).isEqualTo("demo_support");
    assertThat(staff.displayName()).isEqualTo("Sam Support");
    assertThat(staff.roles()).containsExactly(StaffRole.SUPPORT);
  }

  @Test
  void rolesComeFromEveryGroupTheLoginBelongsTo() throws Exception {
    SignedInStaff staff = service.signIn(target, "it_multi_staff", "secret");

    assertThat(staff.roles()).containsExactlyInAnyOrder(StaffRole.SUPPORT, StaffRole.FINANCE);
    assertThat(staff.displayName()).isEqualTo("Mia Multi");
    assertThat(staff.rolesText()).isEqualTo("Support, Finance");
  }

  @Test
  void eachDemoLoginGetsItsOwnRole() throws Exception {
    assertThat(service.signIn(target, "demo_finance", "demo").roles())
        .containsExactly(StaffRole.FINANCE);
    assertThat(service.signIn(target, "demo_moderator", "demo").roles())
        .containsExactly(StaffRole.MODERATOR);
    assertThat(service.signIn(target, "demo_admin", "demo").roles())
        .containsExactly(StaffRole.ADMIN);
  }

  @Test
  void wrongPasswordIsRefusedAsBadCredentials() {
    assertRefused("demo_support", "not-the-password", Reason.BAD_CREDENTIALS)
        .hasMessage("Unknown login or wrong password for 'demo_support'.");
  }

  @Test
  void unknownLoginIsRefusedExactlyLikeAWrongPassword() {
    assertRefused("nobody_at_all", "demo", Reason.BAD_CREDENTIALS)
        .hasMessage("Unknown login or wrong password for 'nobody_at_all'.");
  }

  @Test
  void loginWithoutAnyStaffRoleIsRefused() {
    assertRefused("demo_backend", "demo", Reason.NOT_STAFF)
        .hasMessageContaining("not a staff login");
  }

  @Test
  void staffLoginWithoutStaffAccountIsRefused() {
    assertRefused("it_lonely_support", "secret", Reason.NO_STAFF_ACCOUNT)
        .hasMessageContaining("has no staff account");
  }

  @Test
  void deactivatedStaffAccountIsRefused() {
    assertRefused("demo_finance2", "demo", Reason.DEACTIVATED)
        .hasMessage("The staff account 'demo_finance2' has been deactivated.");
  }

  @Test
  void unreachableServerIsRefusedAsUnreachableWithoutThePassword() {
    ConsoleTarget nowhere =
        new ConsoleTarget("jdbc:postgresql://localhost:1/arbiter?password=leaked", false, "x");

    assertThatThrownBy(() -> service.signIn(nowhere, "demo_support", "demo"))
        .isInstanceOfSatisfying(
            SignInException.class, e -> assertThat(e.reason()).isEqualTo(Reason.SERVER_UNREACHABLE))
        .hasMessageContaining("Cannot reach the database server at jdbc:postgresql://localhost:1/")
        .hasMessageNotContaining("leaked");
  }

  @Test
  void missingDatabaseIsRefusedAsMissing() {
    ConsoleTarget missing =
        new ConsoleTarget(TestDatabase.server().jdbcUrl("no_such_database"), false, "x");

    assertThatThrownBy(() -> service.signIn(missing, "demo_support", "demo"))
        .isInstanceOfSatisfying(
            SignInException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DATABASE_MISSING));
  }

  @Test
  void blankLoginOrPasswordIsRefusedBeforeConnecting() {
    assertRefused("  ", "demo", Reason.MISSING_INPUT).hasMessage("Enter your login name.");
    assertRefused("demo_support", "", Reason.MISSING_INPUT).hasMessage("Enter your password.");
  }

  @Test
  void sessionRunsAsTheStaffLoginUnderTheConsolesApplicationName() throws Exception {
    try (StaffSession session = service.startSession(target, "demo_support", "demo");
        Connection c = session.database().dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT session_user, current_setting('application_name')")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("demo_support");
      assertThat(rs.getString(2)).isEqualTo("arbiter-console");
      assertThat(session.database().ping()).isTrue();
    }
  }

  @Test
  void signingOutClosesThePoolSoPingReportsOffline() throws Exception {
    StaffSession session = service.startSession(target, "demo_admin", "demo");
    session.close();

    assertThat(session.database().isClosed()).isTrue();
    assertThat(session.database().ping()).isFalse();
  }

  @Test
  void refusedSignInLeavesNoConnectionBehind() throws Exception {
    assertRefused("demo_backend", "demo", Reason.NOT_STAFF);

    Waits.atMost(Latency.target(Duration.ofSeconds(5)))
        .until(() -> consoleConnectionsOf("demo_backend"), open -> open == 0);
  }

  private static long consoleConnectionsOf(String login) throws Exception {
    try (Connection c = db.superuser();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE usename = ? AND datname = ?"
                    + " AND application_name = 'arbiter-console'")) {
      ps.setString(1, login);
      ps.setString(2, db.name());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertRefused(
      String login, String password, Reason reason) {
    return assertThatThrownBy(() -> service.signIn(target, login, password))
        .isInstanceOfSatisfying(
            SignInException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  @Test
  void signedInStaffNeedsAtLeastOneRole() {
    assertThatThrownBy(() -> new SignedInStaff("x_login", "X", Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
