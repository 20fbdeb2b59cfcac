package dev.arbiter.app.workspaces;

import dev.arbiter.app.common.command.StaffCommand;
import dev.arbiter.model.workspaces.WorkspaceStatus;
import dev.arbiter.persistence.workspaces.WorkspaceDetails;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Invite;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Member;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Settings;
import java.util.List;
import java.util.function.Function;

/**
 * What an admin action the database refused because its record changed after it was read becomes
 * once the record is read again: what changed, field by field, and the same action again on the
 * record as it is now, when that still makes sense.
 */
final class StaleEdits {

  private StaleEdits() {}

  /**
   * What a refused action becomes once the record was read again.
   *
   * @param changes what differs from the version the action was based on
   * @param again the action on the current version (a new action, with its own request key), or
   *     null when it no longer applies
   */
  record Redo(List<String> changes, StaffCommand<?> again) {}

  /**
   * A refused action offered again: {@code command} on the current version, reported by {@code
   * done}, and {@code plan} to offer it once more should it be refused in turn.
   */
  record Again(StaffCommand<?> command, String done, Function<WorkspaceDetails, Redo> plan) {}

  /** For an action on member {@code seen}: the same action on its current version. */
  static Function<WorkspaceDetails, Redo> member(
      Member seen, Function<Member, StaffCommand<?>> again) {
    return fresh ->
        WorkspaceChanges.member(fresh, seen.id())
            .map(now -> new Redo(WorkspaceChanges.member(seen, now), again.apply(now)))
            .orElse(new Redo(List.of(seen.name() + " is no longer listed"), null));
  }

  /** For an action on a pending invite: again only while it is still pending. */
  static Function<WorkspaceDetails, Redo> invite(
      Invite seen, Function<Invite, StaffCommand<?>> again) {
    return fresh ->
        WorkspaceChanges.invite(fresh, seen.id())
            .map(
                now ->
                    new Redo(
                        WorkspaceChanges.invite(seen, now),
                        "pending".equals(now.status()) ? again.apply(now) : null))
            .orElse(new Redo(List.of("the invite for " + seen.email() + " is gone"), null));
  }

  /** For a status change: again unless the workspace already has that status. */
  static Function<WorkspaceDetails, Redo> status(
      Settings seen, WorkspaceStatus status, Function<Settings, StaffCommand<?>> again) {
    return fresh ->
        new Redo(
            WorkspaceChanges.settings(seen, fresh.settings()),
            status.dbValue().equals(fresh.settings().status())
                ? null
                : again.apply(fresh.settings()));
  }
}
