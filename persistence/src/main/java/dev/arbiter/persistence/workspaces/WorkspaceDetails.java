package dev.arbiter.persistence.workspaces;

import dev.arbiter.persistence.timeline.TimelineEntry;
import java.time.Instant;
import java.util.List;

/**
 * Everything the workspace view shows, read in one snapshot.
 *
 * @param settingsJson the settings JSON as the viewer may see it (see {@link MetadataSanitizer})
 */
public record WorkspaceDetails(
    Settings settings,
    String settingsJson,
    List<Member> members,
    List<Invite> invites,
    List<Note> notes,
    List<ContractLine> contracts,
    List<DisputeLine> disputes,
    List<FlagLine> flags,
    List<TimelineEntry> timeline) {

  public WorkspaceDetails {
    members = List.copyOf(members);
    invites = List.copyOf(invites);
    notes = List.copyOf(notes);
    contracts = List.copyOf(contracts);
    disputes = List.copyOf(disputes);
    flags = List.copyOf(flags);
    timeline = List.copyOf(timeline);
  }

  /** The workspace row itself. */
  public record Settings(
      long id,
      String name,
      String slug,
      String type,
      long ownerId,
      String ownerName,
      String timezone,
      String defaultCurrency,
      String intakeEmail,
      String status,
      int version) {}

  /**
   * A membership.
   *
   * @param activeContracts references of the active contracts on which the member is the contact,
   *     or null: such a member cannot be suspended or removed
   */
  public record Member(
      long id,
      long userId,
      String name,
      String email,
      String role,
      String status,
      String invitedBy,
      Instant joinedAt,
      Instant removedAt,
      String activeContracts,
      int version) {

    public boolean isOwner() {
      return "owner".equals(role) && !"removed".equals(status);
    }
  }

  /** An invite, without its token hash (staff cannot read it). */
  public record Invite(
      long id,
      String email,
      String role,
      String status,
      Instant expiresAt,
      String invitedBy,
      Instant createdAt,
      boolean overdue,
      int version) {}

  /** A contact note the viewer may read; {@code supersededBy} is the newer note, if any. */
  public record Note(
      long id,
      String author,
      String subject,
      String body,
      String visibility,
      Long supersedesId,
      Long supersededBy,
      Instant createdAt) {}

  public record ContractLine(
      long id,
      String reference,
      String title,
      String status,
      String client,
      String freelancer,
      long valueMinor,
      String currency) {}

  public record DisputeLine(
      long id,
      String reference,
      String contractReference,
      String status,
      String priority,
      long amountMinor,
      String currency) {}

  public record FlagLine(
      long id, String entityType, long entityId, String reason, String severity, String status) {}
}
