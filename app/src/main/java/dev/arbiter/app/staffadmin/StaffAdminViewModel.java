package dev.arbiter.app.staffadmin;

import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.KeyedRows;
import dev.arbiter.app.common.PagedList;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.app.common.command.StatusLines;
import dev.arbiter.app.live.ChangeSet;
import dev.arbiter.persistence.staff.StaffAdminAccount;
import dev.arbiter.persistence.staff.StaffRole;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
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

  /** What the staff tab reads and does; the area implements it over the persistence services. */
  public interface Port {
    List<StaffAdminAccount> accounts();

    void grant(String login, StaffRole role);

    void revoke(String login, StaffRole role);

    void deactivate(String login);

    /** The password goes straight to the database. */
    void createLogin(String login, String displayName, String password, String email);
  }

  private final Port port;
  private final TaskRunner tasks;
  private final boolean admin;
  private final ObservableBooleanValue online;
  private final PagedList<StaffAdminAccount, String> list;
  private final BooleanProperty acting = new SimpleBooleanProperty(false);
  private final StatusLines lines;
  // A login to select once the accounts are read (opened from global search before the first read).
  private String revealing;

  /**
   * @param online false while the database cannot be reached: live re-reads wait for the reconnect,
   *     which re-reads everything anyway
   */
  public StaffAdminViewModel(
      Port port, TaskRunner tasks, boolean admin, ObservableBooleanValue online) {
    this.port = port;
    this.tasks = tasks;
    this.admin = admin;
    this.online = online;
    this.list =
        new PagedList<StaffAdminAccount, String>(tasks, StaffAdminAccount::login, "")
            .describeFailures(
                ErrorText::describe,
                failure ->
                    "The list could not be brought up to date ("
                        + ErrorText.describe(failure)
                        + "). It shows the accounts as last read.");
    // Live re-reads are quiet: no busy state, so the buttons do not blink while others work.
    list.followLive(() -> port::accounts, this::show);
    lines = new StatusLines(list.errorProperty());
    lines.busy().bind(list.loadingProperty().or(acting));
  }

  public boolean isAdmin() {
    return admin;
  }

  public void reload() {
    list.read(port::accounts, this::show);
  }

  /** The tab is shown: the first time it loads, later it catches up on what it missed. */
  public void shown() {
    if (!list.loaded()) {
      reload();
    } else {
      changed(ChangeSet.everything());
    }
  }

  /** Rows changed somewhere: re-reads the accounts if any of them changed. FX thread. */
  public void changed(ChangeSet changes) {
    if (list.loaded() && online.get() && changes.touches("staff_accounts")) {
      list.changed();
    }
  }

  private void show(List<StaffAdminAccount> accounts) {
    list.merge(accounts);
    if (revealing != null) {
      list.keyed().selectKey(revealing);
      revealing = null;
    }
  }

  /**
   * Selects the account {@code login}, e.g. opened from global search: at once if the accounts are
   * read, otherwise as soon as they are.
   */
  public void reveal(String login) {
    if (list.loaded()) {
      list.keyed().selectKey(login);
    } else {
      revealing = login;
    }
  }

  /** The user selected {@code account} in the table (null for none). */
  public void select(StaffAdminAccount account) {
    list.keyed().select(account);
  }

  /** The selected account as last read. */
  public Optional<StaffAdminAccount> selected() {
    return list.keyed().selectedRow();
  }

  public void grant(StaffAdminAccount account, StaffRole role) {
    act(
        "Granted " + role.title() + " to " + account.login() + ".",
        () -> port.grant(account.login(), role));
  }

  public void revoke(StaffAdminAccount account, StaffRole role) {
    act(
        "Revoked " + role.title() + " from " + account.login() + ".",
        () -> port.revoke(account.login(), role));
  }

  public void deactivate(StaffAdminAccount account) {
    act(account.login() + " can no longer sign in.", () -> port.deactivate(account.login()));
  }

  /** Creates a login; the password is passed straight to the database and not kept. */
  public void create(String login, String displayName, String password, String email) {
    if (login == null || login.isBlank() || displayName == null || displayName.isBlank()) {
      lines.error("Enter a login name and a display name.");
      return;
    }
    act(
        "Created " + login.strip() + ". Grant it a role so it can sign in.",
        () ->
            port.createLogin(
                login.strip(),
                displayName.strip(),
                password,
                email == null || email.isBlank() ? null : email.strip()));
  }

  private void act(String done, Runnable action) {
    acting.set(true);
    tasks
        .run(
            () -> {
              action.run();
              return null;
            })
        .onSuccess(
            ignored -> {
              lines.error("");
              lines.message(done);
            })
        .onFailure(
            failure -> {
              lines.error(ErrorText.describe(failure));
              lines.message("");
            })
        .whenFinished(
            () -> {
              // Reload first, so busy stays on until the accounts are read again.
              reload();
              acting.set(false);
            });
  }

  public ObservableList<StaffAdminAccount> accounts() {
    return list.rows();
  }

  /** The rows with the selected login, for the table to keep its selection across re-reads. */
  public KeyedRows<StaffAdminAccount, String> keyedAccounts() {
    return list.keyed();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return lines.busyProperty();
  }

  public ReadOnlyStringProperty messageProperty() {
    return lines.messageProperty();
  }

  public ReadOnlyStringProperty errorProperty() {
    return lines.errorProperty();
  }
}
