package dev.arbiter.app.staffadmin;

import dev.arbiter.app.common.AdminButtons;
import dev.arbiter.app.common.ColumnFit;
import dev.arbiter.app.common.DisplayNames;
import dev.arbiter.app.common.FxmlView;
import dev.arbiter.app.common.KeyedSelection;
import dev.arbiter.persistence.staff.StaffAdminAccount;
import dev.arbiter.persistence.staff.StaffRole;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

/** The staff accounts table with role grants, revocations, deactivation and new logins. */
public final class StaffAdminView extends FxmlView<StaffAdminViewModel> {

  @FXML private TableView<StaffAdminAccount> table;
  @FXML private ComboBox<StaffRole> role;
  @FXML private Button grant;
  @FXML private Button revoke;
  @FXML private Button deactivate;
  @FXML private TextField login;
  @FXML private TextField name;
  @FXML private PasswordField password;
  @FXML private TextField email;
  @FXML private Button create;
  @FXML private Label error;
  @FXML private Label message;

  public StaffAdminView(StaffAdminViewModel model) {
    super(model);
  }

  public void refresh() {
    model.reload();
  }

  /** The tab is shown again: catch up on what changed meanwhile. */
  public void shown() {
    model.shown();
  }

  @FXML
  private void initialize() {
    // Sorting a column sorts this view of the rows, so live re-reads (in the database's order)
    // neither undo the user's sort nor move the selection.
    SortedList<StaffAdminAccount> sorted = new SortedList<>(model.accounts());
    sorted.comparatorProperty().bind(table.comparatorProperty());
    table.setItems(sorted);
    ColumnFit.install(table);
    KeyedSelection.follow(table.getSelectionModel(), sorted, model.keyedAccounts());
    table.getColumns().add(column("Login", StaffAdminAccount::login));
    table.getColumns().add(column("Name", StaffAdminAccount::displayName));
    table
        .getColumns()
        .add(
            column(
                "Roles",
                a -> a.roles().stream().map(StaffRole::title).collect(Collectors.joining(", "))));
    table
        .getColumns()
        .add(
            column(
                "Status",
                a -> a.active() ? (a.canLogin() ? "active" : "no login") : "deactivated"));
    role.getItems().setAll(StaffRole.values());
    role.setConverter(DisplayNames.forEnum());
    role.getSelectionModel().select(StaffRole.SUPPORT);
    AdminButtons.onSelectedRow(
        model::isAdmin,
        table.getSelectionModel().selectedItemProperty(),
        model.busyProperty(),
        grant,
        revoke,
        deactivate);
    AdminButtons.enableWhen(model::isAdmin, Bindings.not(model.busyProperty()), create);
    error.textProperty().bind(model.errorProperty());
    message.textProperty().bind(model.messageProperty());
  }

  @FXML
  private void grant() {
    model.grant(selected(), role.getValue());
  }

  @FXML
  private void revoke() {
    model.revoke(selected(), role.getValue());
  }

  @FXML
  private void deactivate() {
    model.deactivate(selected());
  }

  @FXML
  private void create() {
    model.create(login.getText(), name.getText(), password.getText(), email.getText());
    password.clear();
    login.clear();
    name.clear();
    email.clear();
  }

  // The row as last read, which a live re-read may have replaced since the click.
  private StaffAdminAccount selected() {
    return model.selected().orElse(table.getSelectionModel().getSelectedItem());
  }

  private static TableColumn<StaffAdminAccount, String> column(
      String title, Function<StaffAdminAccount, String> value) {
    TableColumn<StaffAdminAccount, String> column = new TableColumn<>(title);
    column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    return column;
  }
}
