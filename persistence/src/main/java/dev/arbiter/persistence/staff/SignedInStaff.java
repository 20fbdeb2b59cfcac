package dev.arbiter.persistence.staff;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A staff member the database has accepted.
 *
 * @param login the PostgreSQL login role, which is also the actor in every audit row they cause
 * @param displayName the name from {@code staff_accounts}
 * @param roles the staff roles the login holds through group membership; never empty
 */
public record SignedInStaff(String login, String displayName, Set<StaffRole> roles) {

  public SignedInStaff {
    Objects.requireNonNull(login, "login");
    Objects.requireNonNull(displayName, "displayName");
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("a signed-in staff member holds at least one role");
    }
    roles = Collections.unmodifiableSet(EnumSet.copyOf(roles));
  }

  public boolean has(StaffRole role) {
    return roles.contains(role);
  }

  /** The roles as a reader sees them, in a stable order: "Support, Finance". */
  public String rolesText() {
    return roles.stream().map(StaffRole::title).collect(Collectors.joining(", "));
  }
}
