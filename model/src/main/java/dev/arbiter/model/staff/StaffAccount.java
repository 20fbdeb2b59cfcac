package dev.arbiter.model.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A staff member of the console ({@code staff_accounts}): a PostgreSQL login role with a display
 * name. The login role is what the database records as the actor of every change, so it never
 * changes; deactivating an account keeps its history readable.
 */
@Entity
@Table(name = "staff_accounts")
public class StaffAccount {

  private static final Pattern LOGIN_ROLE = Pattern.compile("^[a-z_][a-z0-9_]{2,62}$");

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id", updatable = false)
  private Long id;

  @Column(name = "login_role", nullable = false, updatable = false)
  private String loginRole;

  @Column(name = "user_id", updatable = false)
  private Long userId;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  @Column(name = "email")
  private String email;

  // New accounts are active by the column default; admins may only update the flag.
  @Column(name = "active", nullable = false, insertable = false)
  private boolean active = true;

  @Column(name = "deactivated_at", insertable = false)
  private Instant deactivatedAt;

  @Column(name = "created_at", insertable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", insertable = false, updatable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "version", nullable = false, insertable = false)
  private int version;

  protected StaffAccount() {}

  /**
   * A new active account for an existing login role.
   *
   * @throws IllegalArgumentException if {@code loginRole} is not a valid role name
   */
  public StaffAccount(String loginRole, String displayName, String email) {
    if (loginRole == null || !LOGIN_ROLE.matcher(loginRole).matches()) {
      throw new IllegalArgumentException("not a valid login role: " + loginRole);
    }
    this.loginRole = loginRole;
    setDisplayName(displayName);
    this.email = email;
  }

  public Long getId() {
    return id;
  }

  /** The PostgreSQL login role, which audit rows name as the actor. */
  public String getLoginRole() {
    return loginRole;
  }

  /** The marketplace user this staff member also is, if any. */
  public Long getUserId() {
    return userId;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    if (displayName == null || displayName.isBlank()) {
      throw new IllegalArgumentException("a staff account needs a display name");
    }
    this.displayName = displayName;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public boolean isActive() {
    return active;
  }

  public Instant getDeactivatedAt() {
    return deactivatedAt;
  }

  /** Deactivates the account at {@code when}; the database requires the two to agree. */
  public void deactivate(Instant when) {
    this.active = false;
    this.deactivatedAt = Objects.requireNonNull(when, "when");
  }

  public void reactivate() {
    this.active = true;
    this.deactivatedAt = null;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public int getVersion() {
    return version;
  }
}
