package dev.arbiter.app.workspaces;

import static dev.arbiter.app.workspaces.Tables.column;

import dev.arbiter.app.common.DisplayNames;
import dev.arbiter.app.common.ListMerge;
import dev.arbiter.app.common.OfflineMarks;
import dev.arbiter.model.workspaces.MemberRole;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Member;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Members with role, status and inviter, and the admin actions on the selected member. */
final class MembersTab extends VBox {

  private final WorkspaceDetailViewModel model;
  private final ObservableList<Member> members = FXCollections.observableArrayList();
  private final TableView<Member> table = Tables.table("memberTable");

  MembersTab(WorkspaceDetailViewModel model) {
    super(8);
    this.model = model;
    table.setItems(members);
    Tables.columns(
        table,
        column("Name", Member::name),
        column("E-mail", Member::email),
        column("Role", Member::role),
        column("Status", Member::status),
        column("Invited by", Member::invitedBy),
        column("Joined", Member::joinedAt),
        column("Contact on", m -> m.activeContracts() == null ? "" : m.activeContracts()));
    VBox.setVgrow(table, Priority.ALWAYS);
    model
        .detailsProperty()
        .addListener(
            (obs, old, details) -> {
              // Keep the same member selected across the reload that follows every action.
              Member was = selected();
              ListMerge.update(members, details == null ? java.util.List.of() : details.members());
              if (was != null && (selected() == null || selected().id() != was.id())) {
                members.stream()
                    .filter(m -> m.id() == was.id())
                    .findFirst()
                    .ifPresent(m -> table.getSelectionModel().select(m));
              }
            });
    getChildren().addAll(table, actions());
  }

  private HBox actions() {
    ComboBox<MemberRole> role = new ComboBox<>();
    role.setId("memberRoleChoice");
    role.getItems()
        .setAll(MemberRole.ADMIN, MemberRole.MANAGER, MemberRole.MEMBER, MemberRole.VIEWER);
    role.getSelectionModel().select(MemberRole.MEMBER);
    role.setConverter(DisplayNames.forEnum());
    BooleanBinding blocked =
        Bindings.createBooleanBinding(
            () -> !model.isAdmin() || selected() == null || model.busyProperty().get(),
            table.getSelectionModel().selectedItemProperty(),
            model.busyProperty());
    Button change = button("memberChangeRole", "Change role", blocked);
    change.setOnAction(e -> model.changeRole(selected(), role.getValue()));
    Button suspend = button("memberSuspend", "Suspend", blocked);
    suspend.setOnAction(e -> model.suspend(selected()));
    Button reactivate = button("memberReactivate", "Reactivate", blocked);
    reactivate.setOnAction(e -> model.reactivate(selected()));
    Button remove = button("memberRemove", "Remove", blocked);
    remove.setOnAction(
        e -> {
          Member m = selected();
          if (confirm("Remove " + m.name() + " from the workspace?")) {
            model.remove(m);
          }
        });
    Button transfer = button("memberMakeOwner", "Transfer ownership…", blocked);
    transfer.setOnAction(
        e -> {
          Member m = selected();
          // Step one is making them an admin; step two is this confirmation.
          if (confirm(
              "Make "
                  + m.name()
                  + " the owner? They must be an active admin member. The current owner stays on"
                  + " as an admin.")) {
            model.transferOwnership(m);
          }
        });
    HBox bar = new HBox(8, new Label("Role"), role, change, suspend, reactivate, remove, transfer);
    bar.setAlignment(Pos.CENTER_LEFT);
    return bar;
  }

  private Member selected() {
    return table.getSelectionModel().getSelectedItem();
  }

  private static Button button(String id, String text, BooleanBinding disabled) {
    Button button = new Button(text);
    button.setId(id);
    button.disableProperty().bind(disabled);
    return button;
  }

  private boolean confirm(String question) {
    Alert alert =
        new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.OK, ButtonType.CANCEL);
    alert.initOwner(getScene() == null ? null : getScene().getWindow());
    alert.setHeaderText(null);
    OfflineMarks.needsDatabase(alert.getDialogPane().lookupButton(ButtonType.OK));
    Optional<ButtonType> answer = alert.showAndWait();
    return answer.isPresent() && answer.get() == ButtonType.OK;
  }
}
