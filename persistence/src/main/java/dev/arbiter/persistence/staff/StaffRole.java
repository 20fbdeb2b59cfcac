package dev.arbiter.persistence.staff;

/** What a staff member may do, as granted by membership of a PostgreSQL group role. */
public enum StaffRole {
  SUPPORT("arbiter_support", "Support"),
  FINANCE("arbiter_finance", "Finance"),
  MODERATOR("arbiter_moderator", "Moderator"),
  ADMIN("arbiter_admin", "Admin");

  private final String groupRole;
  private final String title;

  StaffRole(String groupRole, String title) {
    this.groupRole = groupRole;
    this.title = title;
  }

  /** The PostgreSQL group role whose membership grants this role. */
  public String groupRole() {
    return groupRole;
  }

  /** The role's name as people read it. */
  public String title() {
    return title;
  }
}
