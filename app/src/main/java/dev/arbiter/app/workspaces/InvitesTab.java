package dev.arbiter.app.workspaces;

import static dev.arbiter.app.workspaces.Tables.column;

import atlantafx.base.theme.Styles;
import dev.arbiter.app.common.ListMerge;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Invite;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Invites with expiry; revoke, re-issue (the new token is shown once) and expire overdue ones. */
final class InvitesTab extends VBox {

  private final WorkspaceDetailViewModel model;
  private final ObservableList<Invite> invites = FXCollections.observableArrayList();
  private final TableView<Invite> table = Tables.table("inviteTable");

  InvitesTab(WorkspaceDetailViewModel model) {
    super(8);
    this.model = model;
    table.setItems(invites);
    Tables.columns(
        table,
        column("E-mail", Invite::email),
        column("Role", Invite::role),
        column("Status", i -> i.overdue() ? "pending (overdue)" : i.status()),
        column("Expires", Invite::expiresAt),
        column("Invited by", Invite::invitedBy),
        column("Created", Invite::createdAt));
    VBox.setVgrow(table, Priority.ALWAYS);
    model
        .detailsProperty()
        .addListener(
            (obs, old, d) -> {
              Invite was = selected();
              ListMerge.update(invites, d == null ? List.of() : d.invites());
              if (was != null && (selected() == null || selected().id() != was.id())) {
                invites.stream()
                    .filter(i -> i.id() == was.id())
                    .findFirst()
                    .ifPresent(i -> table.getSelectionModel().select(i));
              }
            });
    getChildren().addAll(table, actions(), tokenLine());
  }

  private HBox actions() {
    BooleanBinding blocked =
        Bindings.createBooleanBinding(
            () -> !model.isAdmin() || selected() == null || model.busyProperty().get(),
            table.getSelectionModel().selectedItemProperty(),
            model.busyProperty());
    Button revoke = new Button("Revoke");
    revoke.setId("inviteRevoke");
    revoke.disableProperty().bind(blocked);
    revoke.setOnAction(e -> model.revoke(selected()));
    Button reissue = new Button("Re-issue with a new token");
    reissue.setId("inviteReissue");
    reissue.disableProperty().bind(blocked);
    reissue.setOnAction(e -> model.reissue(selected()));
    Button expire = new Button("Expire overdue invites");
    expire.setId("inviteExpire");
    expire.setDisable(!model.isAdmin());
    expire.setOnAction(e -> model.expireInvites());
    HBox bar = new HBox(8, revoke, reissue, expire);
    bar.setAlignment(Pos.CENTER_LEFT);
    return bar;
  }

  private HBox tokenLine() {
    TextField token = new TextField();
    token.setId("inviteToken");
    token.setEditable(false);
    token.textProperty().bind(model.issuedTokenProperty());
    HBox.setHgrow(token, Priority.ALWAYS);
    Button done = new Button("I have copied it");
    done.setOnAction(e -> model.forgetIssuedToken());
    Label label = new Label("New token (shown once)");
    label.getStyleClass().add(Styles.WARNING);
    HBox line = new HBox(8, label, token, done);
    line.setAlignment(Pos.CENTER_LEFT);
    line.visibleProperty().bind(model.issuedTokenProperty().isNotEmpty());
    line.managedProperty().bind(line.visibleProperty());
    return line;
  }

  private Invite selected() {
    return table.getSelectionModel().getSelectedItem();
  }
}
