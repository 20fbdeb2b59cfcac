package dev.arbiter.app.staffadmin;

import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.KeyedRows;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.app.live.ChangeSet;
import dev.arbiter.app.live.RefreshGate;
import dev.arbiter.persistence.staff.StaffAdminAccount;
import dev.arbiter.persistence.staff.StaffAdminService;
import dev.arbiter.persistence.staff.StaffRole;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ObservableList;

/**
 * Staff accounts and their roles. Granting, revoking and deactivating run the database's definer
 * functions, which only admins may call; the database refuses an admin removing their own admin
 * role, and audits every change. The list follows the database: a change to an account, including a
 * role granted in another console (V80 announces those), re-reads it quietly, in place, keeping the
 * selected login.
 */
public final class StaffAdminViewModel {

  private final StaffAdminService service;
  private final TaskRunner tasks;
  private final boolean admin;
  private final ObservableBooleanValue online;
  private final KeyedRows<StaffAdminAccount, String> accounts =
      new KeyedRows<>(StaffAdminAccount::login);
  private final RefreshGate live = new RefreshGate(this::reread);
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
  private boolean loaded;
  // A login to select once the accounts are read (opened from global search before the first read).
  private String revealing;
  // Reads are numbered as they start; one that ends after a later one was shown is dropped.
  private long reads;
  private long shownRead;
  // The error a failed live re-read left, cleared by the next read that succeeds.
  private String rereadFailed = "";

  /**
   * @param online false while the database cannot be reached: live re-reads wait for the reconnect,
   *     which re-reads everything anyway
   */
  public StaffAdminViewModel(
      StaffAdminService service, TaskRunner tasks, boolean admin, ObservableBooleanValue online) {
    this.service = service;
    this.tasks = tasks;
    this.admin = admin;
    this.online = online;
  }

  public boolean isAdmin() {
    return admin;
  }

  public void reload() {
    busy.set(true);
    long read = ++reads;
    tasks
        .run(service::list)
        .onSuccess(
            list -> {
              busy.set(false);
              show(read, list);
            })
        .onFailure(this::failed);
  }

  /** The tab is shown: the first time it loads, later it catches up on what it missed. */
  public void shown() {
    if (!loaded) {
      reload();
    } else {
      changed(ChangeSet.everything());
    }
  }

  /** Rows changed somewhere: re-reads the accounts if any of them changed. FX thread. */
  public void changed(ChangeSet changes) {
    if (loaded && online.get() && changes.touches("staff_accounts")) {
      live.request();
    }
  }

  // Quiet: no busy state, so the buttons do not blink while others work.
  private void reread(Runnable done) {
    long read = ++reads;
    tasks
        .run(service::list)
        .onSuccess(
            list -> {
              if (read >= shownRead && error.get().equals(rereadFailed)) {
                error.set("");
              }
              show(read, list);
              done.run();
            })
        .onFailure(
            failure -> {
              // The accounts shown stay, said to be out of date; the reconnect or the next change
              // reads them again.
              if (read > shownRead) {
                rereadFailed =
                    "The list could not be brought up to date ("
                        + ErrorText.describe(failure)
                        + "). It shows the accounts as last read.";
                error.set(rereadFailed);
              }
              done.run();
            });
  }

  private void show(long read, List<StaffAdminAccount> list) {
    if (read < shownRead) {
      return;
    }
    shownRead = read;
    loaded = true;
    accounts.merge(list);
    if (revealing != null) {
      accounts.selectKey(revealing);
      revealing = null;
    }
  }

  /**
   * Selects the account {@code login}, e.g. opened from global search: at once if the accounts are
   * read, otherwise as soon as they are.
   */
  public void reveal(String login) {
    if (loaded) {
      accounts.selectKey(login);
    } else {
      revealing = login;
    }
  }

  /** The user selected {@code account} in the table (null for none). */
  public void select(StaffAdminAccount account) {
    accounts.select(account);
  }

  /** The selected account as last read. */
  public Optional<StaffAdminAccount> selected() {
    return accounts.selectedRow();
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
    return accounts.rows();
  }

  /** The rows with the selected login, for the table to keep its selection across re-reads. */
  public KeyedRows<StaffAdminAccount, String> keyedAccounts() {
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
