package dev.arbiter.app.workspaces;

import dev.arbiter.app.common.command.StaffCommand;
import dev.arbiter.model.workspaces.WorkspaceStatus;
import dev.arbiter.persistence.workspaces.WorkspaceDetails;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Invite;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Member;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Settings;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * An admin action the database refused because its record changed after it was read: what changed,
 * field by field, and the same action again on the record as it is now, when that still makes
 * sense.
 */
public final class StaleEditViewModel {

  /**
   * What a refused action becomes once the record was read again.
   *
   * @param changes what differs from the version the action was based on
   * @param again the action on the current version (a new action, with its own request key), or
   *     null when it no longer applies
   */
  record Redo(List<String> changes, StaffCommand<?> again) {}

  private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
  private final ObservableList<String> changes = FXCollections.observableArrayList();
  private final ObservableList<String> changesView =
      FXCollections.unmodifiableObservableList(changes);
  private final ReadOnlyBooleanWrapper canReapply = new ReadOnlyBooleanWrapper(false);
  private StaffCommand<?> again;
  private String done = "";
  private Function<WorkspaceDetails, Redo> plan;

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

  /**
   * Shows the refusal of the action reported by {@code done}, turned by {@code plan} into {@code
   * redo} on the record as it is now; {@code plan} makes the redo of a redo refused in turn.
   */
  void show(String refusal, String done, Function<WorkspaceDetails, Redo> plan, Redo redo) {
    this.again = redo.again();
    this.done = done;
    this.plan = plan;
    changes.setAll(redo.changes());
    canReapply.set(again != null);
    text.set(
        "Not saved: "
            + refusal
            + (again == null
                ? " It no longer applies as it is now."
                : " Re-apply to do it on the current version."));
  }

  void clear() {
    again = null;
    done = "";
    plan = null;
    changes.clear();
    canReapply.set(false);
    text.set("");
  }

  StaffCommand<?> again() {
    return again;
  }

  String done() {
    return done;
  }

  Function<WorkspaceDetails, Redo> plan() {
    return plan;
  }

  public ReadOnlyStringProperty textProperty() {
    return text.getReadOnlyProperty();
  }

  public ObservableList<String> changes() {
    return changesView;
  }

  public ReadOnlyBooleanProperty canReapplyProperty() {
    return canReapply.getReadOnlyProperty();
  }
}
