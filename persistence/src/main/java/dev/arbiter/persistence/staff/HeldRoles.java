package dev.arbiter.persistence.staff;

import dev.arbiter.persistence.access.Row;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which staff roles the session's login holds (membership, direct or inherited, of each role's
 * group role), asked in one statement. Sign-in and search both decide by it, so they ask alike.
 */
public final class HeldRoles {

  /** One boolean column per role, named by its group role; bind it with {@link #params()}. */
  public static final String QUERY =
      Arrays.stream(StaffRole.values())
          .map(r -> "pg_has_role(session_user, ?, 'MEMBER') AS " + r.groupRole())
          .collect(Collectors.joining(", ", "SELECT ", ""));

  private HeldRoles() {}

  /** The group roles {@link #QUERY} asks about, in its order. */
  public static Object[] params() {
    return Arrays.stream(StaffRole.values()).map(StaffRole::groupRole).toArray();
  }

  /** The roles {@link #QUERY}'s row says are held. */
  public static Set<StaffRole> of(Row row) {
    Set<StaffRole> held = EnumSet.noneOf(StaffRole.class);
    for (StaffRole role : StaffRole.values()) {
      if (row.getBoolean(role.groupRole())) {
        held.add(role);
      }
    }
    return held;
  }
}
