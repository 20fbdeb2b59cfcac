package dev.arbiter.app.shell;

import dev.arbiter.persistence.staff.StaffRole;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The console's work areas. The shortcut digit is fixed per area, not per position in the menu, so
 * Ctrl+6 is Audit for everyone whatever else they can see.
 */
public enum Area {
  DASHBOARD("Dashboard", Set.of(), "Today's workload and the money held in escrow."),
  DISPUTES(
      "Disputes",
      Set.of(StaffRole.SUPPORT),
      "The dispute queue with SLA clocks, the full case file, replies, internal notes and"
          + " settlement proposals."),
  RELEASES(
      "Releases",
      Set.of(StaffRole.FINANCE),
      "The release queue of submitted checkpoints with their gates, approvals, holds and"
          + " settlements to execute."),
  MODERATION(
      "Moderation",
      // Admins may decide flags too; the moderation functions allow them.
      Set.of(StaffRole.MODERATOR, StaffRole.ADMIN),
      "The flag queue grouped by item and sorted by severity, with previews and decisions."),
  WORKSPACES(
      "Workspaces",
      // Support reads workspaces and adds contact notes; the database refuses it anything more.
      Set.of(StaffRole.ADMIN, StaffRole.SUPPORT),
      "Provider workspaces with members, roles, invites and contact notes, and staff accounts."),
  AUDIT(
      "Audit",
      Set.of(),
      "The audit log with search, per-record history, before and after values and chain"
          + " verification.");

  private final String title;
  private final Set<StaffRole> allowedRoles;
  private final String purpose;

  /** {@code allowedRoles} empty: every staff member may use the area. */
  Area(String title, Set<StaffRole> allowedRoles, String purpose) {
    this.title = title;
    this.allowedRoles = allowedRoles;
    this.purpose = purpose;
  }

  public String title() {
    return title;
  }

  /** What the area is for, in one sentence. */
  public String purpose() {
    return purpose;
  }

  /** The digit of its Ctrl+digit shortcut, 1 to 6. */
  public int shortcutDigit() {
    return ordinal() + 1;
  }

  /** A stable id for node ids and style classes, e.g. {@code disputes}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True if staff holding {@code roles} may use the area; Dashboard and Audit are for all. */
  public boolean availableTo(Set<StaffRole> roles) {
    return allowedRoles.isEmpty() || allowedRoles.stream().anyMatch(roles::contains);
  }

  /** The areas staff holding {@code roles} may use, in menu order. */
  public static List<Area> availableTo(Set<StaffRole> roles, List<Area> all) {
    return all.stream().filter(area -> area.availableTo(roles)).toList();
  }

  public static Optional<Area> forShortcut(int digit) {
    return Arrays.stream(values()).filter(a -> a.shortcutDigit() == digit).findFirst();
  }
}
