package dev.arbiter.persistence.workspaces;

import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.session.StaffDatabaseException;
import dev.arbiter.persistence.timeline.TimelineEntry;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.ContractLine;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.DisputeLine;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.FlagLine;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Invite;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Member;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Note;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Settings;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads one workspace with its members, invites, notes, contracts, disputes, flags and audit
 * timeline, in one read-only REPEATABLE READ transaction so the parts agree with each other.
 * Private notes of other authors never arrive: the row policy on contact_notes filters them.
 */
public final class WorkspaceDetailService {

  private final DataAccess access;
  private final boolean admin;

  /**
   * @param admin whether the viewer is an admin, who alone sees {@code _internal*} and {@code
   *     private*} settings keys
   */
  public WorkspaceDetailService(DataAccess access, boolean admin) {
    this.access = access;
    this.admin = admin;
  }

  /**
   * Loads workspace {@code id}.
   *
   * @throws NoSuchElementException when there is no such workspace
   * @throws StaffDatabaseException when the database cannot be read
   */
  public WorkspaceDetails load(long id) {
    return StaffDatabaseException.wrap(
        "Could not load workspace " + id,
        () -> access.snapshot(session -> read(new WorkspaceReads(session, id))));
  }

  private WorkspaceDetails read(WorkspaceReads reads) {
    Settings settings = reads.settings();
    String json = MetadataSanitizer.forViewer(reads.settingsJson(), admin);
    List<Member> members = reads.members();
    List<Invite> invites = reads.invites();
    List<Note> notes = reads.notes();
    List<ContractLine> contracts = reads.contracts();
    List<DisputeLine> disputes = reads.disputes();
    List<FlagLine> flags = reads.flags(members, contracts);
    List<TimelineEntry> timeline = reads.timeline(members, invites, notes);
    return new WorkspaceDetails(
        settings, json, members, invites, notes, contracts, disputes, flags, timeline);
  }
}
