package dev.arbiter.persistence.audit;

/** Who caused an entry, by the group role its database login belongs to. */
public enum AuditActorRole {
  SUPPORT("arbiter_support", "Support"),
  FINANCE("arbiter_finance", "Finance"),
  MODERATOR("arbiter_moderator", "Moderator"),
  ADMIN("arbiter_admin", "Admin"),
  BACKEND("marketplace_backend", "Backend");

  private final String groupRole;
  private final String title;

  AuditActorRole(String groupRole, String title) {
    this.groupRole = groupRole;
    this.title = title;
  }

  /** The PostgreSQL group role whose (direct or inherited) members count. */
  public String groupRole() {
    return groupRole;
  }

  public String title() {
    return title;
  }
}
