package dev.arbiter.app.login;

import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.persistence.staff.SignInException;
import dev.arbiter.persistence.staff.SignedInStaff;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The login form: what was typed, whether sign-in is running, and what went wrong. */
public final class LoginViewModel {

  /** Checks credentials against the database; called off the FX thread. */
  @FunctionalInterface
  public interface Authenticator {
    SignedInStaff signIn(String login, String password) throws SignInException;
  }

  private final StringProperty login = new SimpleStringProperty(this, "login", "");
  private final StringProperty password = new SimpleStringProperty(this, "password", "");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
  private final BooleanBinding canSignIn;

  private final String serverLabel;
  private final List<DemoAccount> demoAccounts;
  private final Authenticator authenticator;
  private final TaskRunner tasks;
  private final Consumer<SignedInStaff> onSignedIn;

  public LoginViewModel(
      String serverLabel,
      List<DemoAccount> demoAccounts,
      Authenticator authenticator,
      TaskRunner tasks,
      Consumer<SignedInStaff> onSignedIn) {
    this.serverLabel = serverLabel;
    this.demoAccounts = List.copyOf(demoAccounts);
    this.authenticator = authenticator;
    this.tasks = tasks;
    this.onSignedIn = onSignedIn;
    this.canSignIn =
        Bindings.createBooleanBinding(
            () -> !busy.get() && !login.get().isBlank() && !password.get().isEmpty(),
            busy,
            login,
            password);
  }

  /** Fills the form with a demo account; the person still confirms with Enter or the button. */
  public void useDemoAccount(DemoAccount account) {
    if (busy.get()) {
      return;
    }
    login.set(account.login());
    password.set(account.password());
    error.set("");
  }

  /** Signs in off the FX thread; on success hands the staff member on, else explains why not. */
  public void signIn() {
    if (busy.get()) {
      return;
    }
    String name = login.get().strip();
    if (name.isEmpty()) {
      error.set("Enter your login name.");
      return;
    }
    if (password.get().isEmpty()) {
      error.set("Enter your password.");
      return;
    }
    String secret = password.get();
    error.set("");
    busy.set(true);
    tasks
        .run(() -> authenticator.signIn(name, secret))
        .onSuccess(
            staff -> {
              busy.set(false);
              password.set("");
              onSignedIn.accept(staff);
            })
        .onFailure(
            failure -> {
              busy.set(false);
              if (failure instanceof SignInException refused
                  && refused.reason() == SignInException.Reason.BAD_CREDENTIALS) {
                password.set("");
              }
              error.set(ErrorText.describe(failure));
            });
  }

  public StringProperty loginProperty() {
    return login;
  }

  public StringProperty passwordProperty() {
    return password;
  }

  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  public BooleanBinding canSignInProperty() {
    return canSignIn;
  }

  public String serverLabel() {
    return serverLabel;
  }

  /** The accounts to offer; empty unless the console runs on the demo server. */
  public List<DemoAccount> demoAccounts() {
    return demoAccounts;
  }
}
