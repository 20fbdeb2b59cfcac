package dev.arbiter.persistence.staff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.db.StaffLogins;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * The staff list costs two statements however many accounts there are: the accounts as entities,
 * and every login's standing in the catalog.
 */
class StaffStatementsIT {

  @Test
  void theStaffListIsTwoStatementsForFiveAccountsOrFifteen() throws SQLException {
    TestDatabase db = TestDatabase.fresh();
    StaffAdminService staff = new StaffAdminService(db.access("demo_support"));
    Statistics stats = db.sessionFactory("demo_support").getStatistics();

    stats.clear();
    List<StaffAdminAccount> few = staff.list();
    long forFew = stats.getPrepareStatementCount();
    try (Connection owner = db.migrator()) {
      for (int i = 0; i < 10; i++) {
        String login = "counted_staff_" + i;
        StaffLogins.ensureLogin(owner, login, "secret", List.of("arbiter_support"));
        owner
            .createStatement()
            .execute(
                "INSERT INTO staff_accounts (login_role, display_name) VALUES ('"
                    + login
                    + "', 'Counted "
                    + i
                    + "')");
      }
    }
    stats.clear();
    List<StaffAdminAccount> many = staff.list();
    long forMany = stats.getPrepareStatementCount();

    assertThat(many).hasSize(few.size() + 10);
    assertThat(many)
        .filteredOn(a -> a.login().startsWith("counted_staff_"))
        .allSatisfy(a -> assertThat(a.roles()).containsExactly(StaffRole.SUPPORT));
    assertThat(forFew).isEqualTo(forMany).isEqualTo(2);
  }
}
