package dev.arbiter.app.staffadmin;

import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.persistence.staff.StaffAdminAccount;
import dev.arbiter.persistence.staff.StaffAdminService;
import dev.arbiter.persistence.staff.StaffRole;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Staff accounts and their roles. Granting, revoking and deactivating run the database's definer
 * functions, which only admins may call; the database refuses an admin removing their own admin
 * role, and audits every change.
 */
public final class StaffAdminViewModel {

  private final StaffAdminService service;
  private final TaskRunner tasks;
  private final boolean admin;
  private final ObservableList<StaffAdminAccount> accounts = FXCollections.observableArrayList();
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

  public StaffAdminViewModel(StaffAdminService service, TaskRunner tasks, boolean admin) {
    this.service = service;
    this.tasks = tasks;
    this.admin = admin;
  }

  public boolean isAdmin() {
    return admin;
  }

  public void reload() {
    busy.set(true);
    tasks
        .run(service::list)
        .onSuccess(
            list -> {
              busy.set(false);
              accounts.setAll(list);
            })
        .onFailure(this::failed);
  }

  public void grant(StaffAdminAccount account, StaffRole role) {
    act(
        "Granted " + role.title() + " to " + account.login() + ".",
        () -> {
          service.grant(account.login(), role);
          return null;
        });
  }

  public void revoke(StaffAdminAccount account, StaffRole role) {
    act(
        "Revoked " + role.title() + " from " + account.login() + ".",
        () -> {
          service.revoke(account.login(), role);
          return null;
        });
  }

  public void deactivate(StaffAdminAccount account) {
    act(
        account.login() + " can no longer sign in.",
        () -> {
          service.deactivate(account.login());
          return null;
        });
  }

  /** Creates a login; the password is passed straight to the database and not kept. */
  public void create(String login, String displayName, String password, String email) {
    if (login == null || login.isBlank() || displayName == null || displayName.isBlank()) {
      error.set("Enter a login name and a display name.");
      return;
    }
    act(
        "Created " + login.strip() + ". Grant it a role so it can sign in.",
        () -> {
          service.createLogin(
              login.strip(),
              displayName.strip(),
              password,
              email == null || email.isBlank() ? null : email.strip());
          return null;
        });
  }

  private void act(String done, Callable<?> action) {
    busy.set(true);
    tasks
        .run(action)
        .onSuccess(
            ignored -> {
              error.set("");
              message.set(done);
              reload();
            })
        .onFailure(
            failure -> {
              failed(failure);
              message.set("");
              reload();
            });
  }

  private void failed(Throwable failure) {
    busy.set(false);
    error.set(ErrorText.describe(failure));
  }

  public ObservableList<StaffAdminAccount> accounts() {
    return accounts;
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }
}
