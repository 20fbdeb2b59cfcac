package dev.arbiter.persistence.staff;

import dev.arbiter.persistence.session.StaffDatabase;
import java.util.Objects;

/**
 * A signed-in staff member together with the connection pool opened in their name. Closing the
 * session closes the pool, which is what signing out means to the database.
 */
public final class StaffSession implements AutoCloseable {

  private final SignedInStaff staff;
  private final StaffDatabase database;

  StaffSession(SignedInStaff staff, StaffDatabase database) {
    this.staff = Objects.requireNonNull(staff);
    this.database = Objects.requireNonNull(database);
  }

  public SignedInStaff staff() {
    return staff;
  }

  public StaffDatabase database() {
    return database;
  }

  @Override
  public void close() {
    database.close();
  }
}
