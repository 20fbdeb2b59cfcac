package dev.arbiter.persistence.staff;

import static dev.arbiter.persistence.contract.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.persistence.live.ChangeAnnouncer;
import dev.arbiter.persistence.testing.DataAccesses;
import dev.arbiter.persistence.testing.Latency;
import dev.arbiter.persistence.testing.TestDatabase;
import dev.arbiter.persistence.testing.Waits;
import dev.arbiter.persistence.workspaces.WorkspaceActionException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Staff administration through the definer functions. Login roles are cluster-wide and the embedded
 * server is shared by the test JVM, so every test makes its own uniquely named login and never
 * changes the demo logins' roles.
 */
class StaffAdminIT {

  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final String PASSWORD = "s3cret-pass";
  private static TestDatabase db;
  private static StaffAdminService admin;

  @BeforeAll
  static void database() {
    db = TestDatabase.fresh();
    admin = new StaffAdminService(db.access("demo_admin"));
  }

  private static String newLogin() {
    String login = "t" + ProcessHandle.current().pid() + "_staff_" + SEQ.incrementAndGet();
    admin.createLogin(login, "Test Staff " + SEQ.get(), PASSWORD, login + "@arbiter.example");
    return login;
  }

  private static boolean isMember(String login, String group) throws SQLException {
    try (Connection c = db.superuser()) {
      return (Boolean) value(c, "SELECT pg_has_role(?, ?, 'MEMBER')", login, group);
    }
  }

  private static Object lastAudit(String column, String entityType, String login)
      throws SQLException {
    try (Connection c = db.superuser()) {
      return value(
          c,
          "SELECT "
              + column
              + " FROM audit_log WHERE entity_type = ? AND entity_id = ?"
              + " ORDER BY id DESC LIMIT 1",
          entityType,
          login);
    }
  }

  @Test
  void grantedRoleIsARealMembershipAndIsAudited() throws SQLException {
    String login = newLogin();

    admin.grant(login, StaffRole.FINANCE);

    assertThat(isMember(login, "arbiter_finance")).isTrue();
    assertThat(lastAudit("actor", "staff_role", login)).isEqualTo("demo_admin");
    assertThat(lastAudit("new_values ->> 'roles'", "staff_role", login))
        .isEqualTo("[\"arbiter_finance\"]");
    assertThat(admin.list())
        .filteredOn(a -> a.login().equals(login))
        .singleElement()
        .satisfies(a -> assertThat(a.roles()).containsExactly(StaffRole.FINANCE));
    try (Connection c = db.dataSource(login, PASSWORD).getConnection()) {
      assertThat(value(c, "SELECT pg_has_role(session_user, 'arbiter_finance', 'MEMBER')"))
          .isEqualTo(true);
    }
  }

  @Test
  void revokedRoleIsGoneAndAudited() throws SQLException {
    String login = newLogin();
    admin.grant(login, StaffRole.MODERATOR);
    admin.grant(login, StaffRole.SUPPORT);

    admin.revoke(login, StaffRole.MODERATOR);

    assertThat(isMember(login, "arbiter_moderator")).isFalse();
    assertThat(isMember(login, "arbiter_support")).isTrue();
    assertThat(lastAudit("old_values ->> 'roles'", "staff_role", login))
        .isEqualTo("[\"arbiter_moderator\", \"arbiter_support\"]");
  }

  @Test
  void aGrantAndARevokeAnnounceTheAccountSoOtherConsolesReReadIt() throws Exception {
    String login = newLogin();
    long id;
    try (Connection c = db.superuser()) {
      id = (Long) value(c, "SELECT id FROM staff_accounts WHERE login_role = ?", login);
    }
    try (Connection listener = db.as("demo_support")) {
      ChangeAnnouncer.announce(listener);
      try (Statement s = listener.createStatement()) {
        s.execute("LISTEN arbiter_changes");
      }
      PGConnection notifications = listener.unwrap(PGConnection.class);

      admin.grant(login, StaffRole.SUPPORT);
      assertThat(staffChanges(listener, notifications, 1))
          .containsExactly("staff_accounts update " + id);

      admin.revoke(login, StaffRole.SUPPORT);
      assertThat(staffChanges(listener, notifications, 1)).hasSize(1);

      // Granting a role already held changes nothing, so nothing is announced.
      admin.grant(login, StaffRole.FINANCE);
      staffChanges(listener, notifications, 1);
      admin.grant(login, StaffRole.FINANCE);
      assertThat(ChangeAnnouncer.announce(listener)).isZero();
      assertThat(notifications.getNotifications(300)).isEmpty();
    }
  }

  // A second for each expected notification, the console's live-update budget, in the timing run.
  private static List<String> staffChanges(
      Connection listener, PGConnection notifications, int expected) throws Exception {
    List<String> received = new ArrayList<>();
    Waits.atMost(Latency.target(Duration.ofSeconds(expected)))
        .until(
            () -> {
              ChangeAnnouncer.announce(listener);
              for (PGNotification n : notifications.getNotifications(200)) {
                JsonNode change = new ObjectMapper().readTree(n.getParameter());
                if (change.get("table").asText().equals("staff_accounts")) {
                  received.add(
                      "staff_accounts "
                          + change.get("op").asText()
                          + " "
                          + change.get("id").asText());
                }
              }
              return received.size() >= expected;
            });
    assertThat(received).hasSize(expected);
    return received;
  }

  @Test
  void anAdminCannotRemoveTheirOwnAdminRole() throws SQLException {
    assertThatThrownBy(() -> admin.revoke("demo_admin", StaffRole.ADMIN))
        .isInstanceOfSatisfying(
            WorkspaceActionException.class,
            e -> assertThat(e.getMessage()).contains("cannot remove your own admin role"));
    assertThat(isMember("demo_admin", "arbiter_admin")).isTrue();
  }

  @Test
  void anotherAdminMayRemoveAnAdminRole() throws SQLException {
    String second = newLogin();
    admin.grant(second, StaffRole.ADMIN);
    StaffAdminService asSecond =
        new StaffAdminService(DataAccesses.over(db.dataSource(second, PASSWORD)));
    String third = newLogin();
    admin.grant(third, StaffRole.ADMIN);

    asSecond.revoke(third, StaffRole.ADMIN);

    assertThat(isMember(third, "arbiter_admin")).isFalse();
    assertThat(lastAudit("actor", "staff_role", third)).isEqualTo(second);
  }

  @Test
  void deactivatedLoginCannotSignInAndItsAccountIsInactive() throws SQLException {
    String login = newLogin();
    admin.grant(login, StaffRole.SUPPORT);

    admin.deactivate(login);

    assertThatThrownBy(() -> db.dataSource(login, PASSWORD).getConnection().close())
        .isInstanceOfSatisfying(
            SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28000"));
    assertThat(admin.list())
        .filteredOn(a -> a.login().equals(login))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.active()).isFalse();
              assertThat(a.canLogin()).isFalse();
            });
    assertThat(lastAudit("new_values ->> 'can_login'", "staff_login", login)).isEqualTo("false");
  }

  @Test
  void anAdminCannotDeactivateThemselves() {
    assertThatThrownBy(() -> admin.deactivate("demo_admin"))
        .hasMessageContaining("cannot deactivate your own login");
  }

  @Test
  void theBackendAndTheMigratorAreNotManagedAsStaff() throws SQLException {
    try (Connection c = db.migrator()) {
      c.createStatement()
          .execute(
              "INSERT INTO staff_accounts (login_role, display_name) VALUES ('demo_backend',"
                  + " 'Backend') ON CONFLICT DO NOTHING");
    }
    assertThatThrownBy(() -> admin.deactivate("demo_backend"))
        .hasMessageContaining("not a staff login");
    assertThatThrownBy(() -> admin.grant("arbiter_migrator", StaffRole.ADMIN))
        .isInstanceOf(WorkspaceActionException.class);
    assertThat(isMember("demo_backend", "arbiter_admin")).isFalse();
  }

  @Test
  void newLoginsMustHaveAGoodNameAndPassword() {
    assertThatThrownBy(() -> admin.createLogin("Bad Name", "x", PASSWORD, null))
        .hasMessageContaining("not allowed");
    assertThatThrownBy(() -> admin.createLogin("arbiter_root", "x", PASSWORD, null))
        .hasMessageContaining("not allowed");
    assertThatThrownBy(() -> admin.createLogin("t_short_pw", "x", "short", null))
        .hasMessageContaining("at least 8");
    assertThatThrownBy(() -> admin.createLogin("demo_support", "x", PASSWORD, null))
        .hasMessageContaining("already exists");
  }
}
