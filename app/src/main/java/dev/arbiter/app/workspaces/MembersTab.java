package dev.arbiter.app.workspaces;

import static dev.arbiter.app.workspaces.Tables.column;

import dev.arbiter.app.common.AdminButtons;
import dev.arbiter.app.common.Confirmation;
import dev.arbiter.app.common.DisabledReason;
import dev.arbiter.app.common.DisplayNames;
import dev.arbiter.app.common.FxmlView;
import dev.arbiter.model.workspaces.MemberRole;
import dev.arbiter.persistence.workspaces.WorkspaceDetails;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Member;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;

/** Members with role, status and inviter, and the admin actions on the selected member. */
final class MembersTab extends FxmlView<WorkspaceDetailViewModel> {

  @FXML private TableView<Member> table;
  @FXML private ComboBox<MemberRole> role;
  @FXML private Button change;
  @FXML private Button suspend;
  @FXML private Button reactivate;
  @FXML private Button remove;
  @FXML private Button transfer;

  MembersTab(WorkspaceDetailViewModel model) {
    super(model);
  }

  @FXML
  private void initialize() {
    Tables.columns(
        table,
        column("Name", Member::name),
        column("E-mail", Member::email),
        column("Role", Member::role),
        column("Status", Member::status),
        column("Invited by", Member::invitedBy),
        column("Joined", Member::joinedAt),
        column("Contact on", m -> m.activeContracts() == null ? "" : m.activeContracts()));
    Tables.follow(table, model.detailsProperty(), WorkspaceDetails::members, Member::id);
    role.setConverter(DisplayNames.forEnum());
    var selected = table.getSelectionModel().selectedItemProperty();
    AdminButtons.onSelectedRow(
        model::isAdmin, selected, model.busyProperty(), reactivate, transfer);
    // The owner is never demoted, suspended or removed: the buttons say so before any question.
    StringBinding ownerRule =
        Bindings.createStringBinding(() -> OwnerRule.refusal(selected.get()), selected);
    AdminButtons.enableWhen(
        model::isAdmin,
        Bindings.isNotNull(selected)
            .and(Bindings.not(model.busyProperty()))
            .and(ownerRule.isEmpty()),
        change,
        suspend,
        remove);
    for (Button ruled : new Button[] {change, suspend, remove}) {
      DisabledReason.explain(ruled, ownerRule);
    }
  }

  @FXML
  private void changeRole() {
    model.changeRole(selected(), role.getValue());
  }

  @FXML
  private void suspend() {
    model.suspend(selected());
  }

  @FXML
  private void reactivate() {
    model.reactivate(selected());
  }

  @FXML
  private void remove() {
    Member m = selected();
    if (confirm("Remove " + m.name() + " from the workspace?")) {
      model.remove(m);
    }
  }

  @FXML
  private void transfer() {
    Member m = selected();
    // Step one is making them an admin; step two is this confirmation.
    if (confirm(
        "Make "
            + m.name()
            + " the owner? They must be an active admin member. The current owner stays on"
            + " as an admin.")) {
      model.transferOwnership(m);
    }
  }

  private Member selected() {
    return table.getSelectionModel().getSelectedItem();
  }

  private boolean confirm(String question) {
    return Confirmation.ask(node(), null, question);
  }
}
