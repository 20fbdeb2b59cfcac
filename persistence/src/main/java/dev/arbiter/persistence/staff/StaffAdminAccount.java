package dev.arbiter.persistence.staff;

import java.util.List;

/**
 * A staff account as the staff administration screen lists it.
 *
 * @param roles the staff roles the login holds by direct group membership
 * @param canLogin whether the database role may still sign in (false once deactivated)
 */
public record StaffAdminAccount(
    String login,
    String displayName,
    String email,
    boolean active,
    boolean canLogin,
    List<StaffRole> roles) {

  public StaffAdminAccount {
    roles = List.copyOf(roles);
  }

  public boolean has(StaffRole role) {
    return roles.contains(role);
  }
}
