package dev.arbiter.app.staffadmin;

import atlantafx.base.theme.Styles;
import dev.arbiter.app.common.KeyedSelection;
import dev.arbiter.persistence.staff.StaffAdminAccount;
import dev.arbiter.persistence.staff.StaffRole;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The staff accounts table with role grants, revocations, deactivation and new logins. */
public final class StaffAdminView {

  private final StaffAdminViewModel model;
  private final VBox root;
  private final TableView<StaffAdminAccount> table = new TableView<>();

  public StaffAdminView(StaffAdminViewModel model) {
    this.model = model;
    table.setId("staffTable");
    // Sorting a column sorts this view of the rows, so live re-reads (in the database's order)
    // neither undo the user's sort nor move the selection.
    SortedList<StaffAdminAccount> sorted = new SortedList<>(model.accounts());
    sorted.comparatorProperty().bind(table.comparatorProperty());
    table.setItems(sorted);
    KeyedSelection.follow(table.getSelectionModel(), sorted, model.keyedAccounts());
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
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
    VBox.setVgrow(table, Priority.ALWAYS);
    Label title = new Label("Staff accounts");
    title.getStyleClass().add(Styles.TITLE_3);
    Label error = new Label();
    error.setId("staffError");
    error.getStyleClass().add(Styles.DANGER);
    error.textProperty().bind(model.errorProperty());
    error.setWrapText(true);
    Label message = new Label();
    message.setId("staffMessage");
    message.getStyleClass().add(Styles.SUCCESS);
    message.textProperty().bind(model.messageProperty());
    root = new VBox(10, title, table, roleBar(), createForm(), error, message);
    root.setPadding(new Insets(12));
    root.setId("staffAdmin");
  }

  public Node node() {
    return root;
  }

  public void refresh() {
    model.reload();
  }

  /** The tab is shown again: catch up on what changed meanwhile. */
  public void shown() {
    model.shown();
  }

  private HBox roleBar() {
    ComboBox<StaffRole> role = new ComboBox<>();
    role.setId("staffRoleChoice");
    role.getItems().setAll(StaffRole.values());
    role.getSelectionModel().select(StaffRole.SUPPORT);
    BooleanBinding noSelection =
        table.getSelectionModel().selectedItemProperty().isNull().or(model.busyProperty());
    Button grant = button("staffGrant", "Grant role", noSelection);
    grant.setOnAction(e -> model.grant(selected(), role.getValue()));
    Button revoke = button("staffRevoke", "Revoke role", noSelection);
    revoke.setOnAction(e -> model.revoke(selected(), role.getValue()));
    Button deactivate = button("staffDeactivate", "Deactivate login", noSelection);
    deactivate.getStyleClass().add(Styles.DANGER);
    deactivate.setOnAction(e -> model.deactivate(selected()));
    HBox bar = new HBox(8, new Label("Role"), role, grant, revoke, deactivate);
    bar.setAlignment(Pos.CENTER_LEFT);
    return bar;
  }

  private HBox createForm() {
    TextField login = field(new TextField(), "staffNewLogin", "login_name");
    TextField name = field(new TextField(), "staffNewName", "Display name");
    PasswordField password =
        field(new PasswordField(), "staffNewPassword", "Password (8+ characters)");
    TextField email = field(new TextField(), "staffNewEmail", "E-mail (optional)");
    Button create = button("staffCreate", "Create login", model.busyProperty());
    create.setOnAction(
        e -> {
          model.create(login.getText(), name.getText(), password.getText(), email.getText());
          password.clear();
          login.clear();
          name.clear();
          email.clear();
        });
    HBox form = new HBox(8, new Label("New login"), login, name, password, email, create);
    form.setAlignment(Pos.CENTER_LEFT);
    return form;
  }

  private static <F extends TextField> F field(F field, String id, String prompt) {
    field.setId(id);
    field.setPromptText(prompt);
    return field;
  }

  private Button button(
      String id, String text, javafx.beans.value.ObservableBooleanValue disabled) {
    Button button = new Button(text);
    button.setId(id);
    button
        .disableProperty()
        .bind(Bindings.createBooleanBinding(() -> !model.isAdmin() || disabled.get(), disabled));
    return button;
  }

  // The row as last read, which a live re-read may have replaced since the click.
  private StaffAdminAccount selected() {
    return model.selected().orElse(table.getSelectionModel().getSelectedItem());
  }

  private static TableColumn<StaffAdminAccount, String> column(
      String title, java.util.function.Function<StaffAdminAccount, String> value) {
    TableColumn<StaffAdminAccount, String> column = new TableColumn<>(title);
    column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    return column;
  }
}
