package dev.arbiter.app.workspaces;

import static dev.arbiter.app.workspaces.Tables.column;

import dev.arbiter.app.common.AdminButtons;
import dev.arbiter.app.common.FxmlView;
import dev.arbiter.app.common.Visibility;
import dev.arbiter.persistence.workspaces.WorkspaceDetails;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Invite;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

/** Invites with expiry; revoke, re-issue (the new token is shown once) and expire overdue ones. */
final class InvitesTab extends FxmlView<WorkspaceDetailViewModel> {

  @FXML private TableView<Invite> table;
  @FXML private Button revoke;
  @FXML private Button reissue;
  @FXML private Button expire;
  @FXML private HBox tokenLine;
  @FXML private TextField token;

  InvitesTab(WorkspaceDetailViewModel model) {
    super(model);
  }

  @FXML
  private void initialize() {
    Tables.columns(
        table,
        column("E-mail", Invite::email),
        column("Role", Invite::role),
        column("Status", i -> i.overdue() ? "pending (overdue)" : i.status()),
        column("Expires", Invite::expiresAt),
        column("Invited by", Invite::invitedBy),
        column("Created", Invite::createdAt));
    Tables.follow(table, model.detailsProperty(), WorkspaceDetails::invites, Invite::id);
    AdminButtons.onSelectedRow(
        model::isAdmin,
        table.getSelectionModel().selectedItemProperty(),
        model.busyProperty(),
        revoke,
        reissue);
    expire.setDisable(!model.isAdmin());
    token.textProperty().bind(model.issuedTokenProperty());
    Visibility.showWhen(tokenLine, model.issuedTokenProperty().isNotEmpty());
  }

  @FXML
  private void revoke() {
    model.revoke(selected());
  }

  @FXML
  private void reissue() {
    model.reissue(selected());
  }

  @FXML
  private void expire() {
    model.expireInvites();
  }

  @FXML
  private void copied() {
    model.forgetIssuedToken();
  }

  private Invite selected() {
    return table.getSelectionModel().getSelectedItem();
  }
}
