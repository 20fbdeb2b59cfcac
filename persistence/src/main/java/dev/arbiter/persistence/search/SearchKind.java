package dev.arbiter.persistence.search;

import dev.arbiter.persistence.staff.StaffRole;
import java.util.Set;

/**
 * What global search can find, in the order results are listed. Each kind is searched only for
 * staff holding one of its roles, the roles whose work area opens such a record.
 */
public enum SearchKind {
  DISPUTE("Disputes", Set.of(StaffRole.SUPPORT)),
  CHECKPOINT("Checkpoints", Set.of(StaffRole.FINANCE)),
  WORKSPACE("Workspaces", Set.of(StaffRole.ADMIN, StaffRole.SUPPORT)),
  STAFF_ACCOUNT("Staff accounts", Set.of(StaffRole.ADMIN));

  private final String title;
  private final Set<StaffRole> roles;

  SearchKind(String title, Set<StaffRole> roles) {
    this.title = title;
    this.roles = roles;
  }

  /** The group heading, e.g. "Disputes". */
  public String title() {
    return title;
  }

  /** The roles that may search this kind; holding any one of them is enough. */
  public Set<StaffRole> roles() {
    return roles;
  }

  /** True if staff holding {@code held} may search this kind. */
  public boolean allowedTo(Set<StaffRole> held) {
    return roles.stream().anyMatch(held::contains);
  }
}
