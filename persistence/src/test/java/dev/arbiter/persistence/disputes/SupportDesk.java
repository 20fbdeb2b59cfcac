package dev.arbiter.persistence.disputes;

import dev.arbiter.persistence.db.StaffLogins;
import dev.arbiter.persistence.session.ConsoleTarget;
import dev.arbiter.persistence.session.StaffDatabase;
import dev.arbiter.persistence.staff.SignedInStaff;
import dev.arbiter.persistence.staff.StaffRole;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Set;

/**
 * A staff member's services over their own connection pool, as the console builds them after
 * sign-in. {@code roles} is what the console believes the login holds; the database decides.
 */
public final class SupportDesk implements AutoCloseable {

  public final StaffDatabase database;
  public final SignedInStaff staff;
  public final DisputeQueueService queue;
  public final DisputeCaseService cases;
  public final DisputeActionService actions;

  private SupportDesk(StaffDatabase database, SignedInStaff staff, Clock clock) {
    this.database = database;
    this.staff = staff;
    this.queue = new DisputeQueueService(database.access());
    this.cases = new DisputeCaseService(database.access(), staff.has(StaffRole.ADMIN));
    this.actions = new DisputeActionService(database.access(), staff, clock);
    // The console starts Hibernate right after sign-in, before anyone opens a case.
    database.sessionFactory();
  }

  public static SupportDesk open(TestDatabase db, String login, StaffRole... roles)
      throws SQLException {
    StaffDatabase database =
        StaffDatabase.open(
            new ConsoleTarget(db.jdbcUrl(), true, "test"), login, StaffLogins.DEMO_PASSWORD);
    return new SupportDesk(
        database, new SignedInStaff(login, login, Set.of(roles)), Clock.systemUTC());
  }

  @Override
  public void close() {
    database.close();
  }
}
