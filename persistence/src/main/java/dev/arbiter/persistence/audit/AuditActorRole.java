package dev.arbiter.persistence.audit;

import dev.arbiter.persistence.staff.StaffRole;

/**
 * Who caused an entry, by the group role its database login belongs to: one of the staff roles, or
 * the marketplace's backend, which writes for the marketplace's users and is no staff role.
 */
public enum AuditActorRole {
  SUPPORT(StaffRole.SUPPORT),
  FINANCE(StaffRole.FINANCE),
  MODERATOR(StaffRole.MODERATOR),
  ADMIN(StaffRole.ADMIN),
  BACKEND(null);

  private final StaffRole staff;

  AuditActorRole(StaffRole staff) {
    this.staff = staff;
  }

  /** The PostgreSQL group role whose (direct or inherited) members count. */
  public String groupRole() {
    return staff == null ? "marketplace_backend" : staff.groupRole();
  }

  public String title() {
    return staff == null ? "Backend" : staff.title();
  }
}
