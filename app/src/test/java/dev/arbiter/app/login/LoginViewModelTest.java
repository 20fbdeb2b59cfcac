package dev.arbiter.app.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.DeferredTaskRunner;
import dev.arbiter.app.common.SynchronousTaskRunner;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.persistence.staff.SignInException;
import dev.arbiter.persistence.staff.SignInException.Reason;
import dev.arbiter.persistence.staff.SignedInStaff;
import dev.arbiter.persistence.staff.StaffRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoginViewModelTest {

  private static final SignedInStaff SAM =
      new SignedInStaff("demo_support", "Sam Support", Set.of(StaffRole.SUPPORT));

  private final List<String> attempts = new ArrayList<>();
  private final List<SignedInStaff> signedIn = new ArrayList<>();

  private LoginViewModel model(LoginViewModel.Authenticator authenticator, TaskRunner tasks) {
    return new LoginViewModel(
        "Embedded demo", DemoAccount.all(), authenticator, tasks, signedIn::add);
  }

  private LoginViewModel.Authenticator accepting() {
    return (login, password) -> {
      attempts.add(login + "/" + password);
      return SAM;
    };
  }

  @Test
  void signInHandsTheStaffMemberOnAndForgetsThePassword() {
    LoginViewModel model = model(accepting(), new SynchronousTaskRunner());
    model.loginProperty().set("  demo_support ");
    model.passwordProperty().set("demo");

    model.signIn();

    assertThat(attempts).containsExactly("demo_support/demo");
    assertThat(signedIn).containsExactly(SAM);
    assertThat(model.passwordProperty().get()).isEmpty();
    assertThat(model.errorProperty().get()).isEmpty();
    assertThat(model.busyProperty().get()).isFalse();
  }

  @Test
  void blankLoginIsExplainedWithoutCallingTheDatabase() {
    LoginViewModel model = model(accepting(), new SynchronousTaskRunner());
    model.passwordProperty().set("demo");

    model.signIn();

    assertThat(attempts).isEmpty();
    assertThat(model.errorProperty().get()).isEqualTo("Enter your login name.");
    assertThat(model.canSignInProperty().get()).isFalse();
  }

  @Test
  void missingPasswordIsExplainedWithoutCallingTheDatabase() {
    LoginViewModel model = model(accepting(), new SynchronousTaskRunner());
    model.loginProperty().set("demo_support");

    model.signIn();

    assertThat(attempts).isEmpty();
    assertThat(model.errorProperty().get()).isEqualTo("Enter your password.");
  }

  @Test
  void wrongPasswordShowsTheRefusalAndClearsOnlyThePassword() {
    LoginViewModel model =
        model(
            (login, password) -> {
              throw new SignInException(
                  Reason.BAD_CREDENTIALS, "Unknown login or wrong password for 'demo_support'.");
            },
            new SynchronousTaskRunner());
    model.loginProperty().set("demo_support");
    model.passwordProperty().set("nope");

    model.signIn();

    assertThat(model.errorProperty().get())
        .isEqualTo("Unknown login or wrong password for 'demo_support'.");
    assertThat(model.loginProperty().get()).isEqualTo("demo_support");
    assertThat(model.passwordProperty().get()).isEmpty();
    assertThat(signedIn).isEmpty();
    assertThat(model.busyProperty().get()).isFalse();
  }

  @Test
  void unreachableServerKeepsThePasswordForARetry() {
    LoginViewModel model =
        model(
            (login, password) -> {
              throw new SignInException(Reason.SERVER_UNREACHABLE, "Cannot reach the server.");
            },
            new SynchronousTaskRunner());
    model.loginProperty().set("demo_support");
    model.passwordProperty().set("demo");

    model.signIn();

    assertThat(model.errorProperty().get()).isEqualTo("Cannot reach the server.");
    assertThat(model.passwordProperty().get()).isEqualTo("demo");
  }

  @Test
  void unexpectedFailureIsDescribedInOneLine() {
    LoginViewModel model =
        model(
            (login, password) -> {
              throw new IllegalStateException("pool exploded\n\tat somewhere");
            },
            new SynchronousTaskRunner());
    model.loginProperty().set("demo_support");
    model.passwordProperty().set("demo");

    model.signIn();

    assertThat(model.errorProperty().get()).isEqualTo("Unexpected error: pool exploded");
  }

  @Test
  void whileSigningInTheFormIsBusyAndASecondAttemptIsIgnored() {
    DeferredTaskRunner deferred = new DeferredTaskRunner();
    LoginViewModel model = model(accepting(), deferred);
    model.loginProperty().set("demo_support");
    model.passwordProperty().set("demo");

    model.signIn();
    assertThat(model.busyProperty().get()).isTrue();
    assertThat(model.canSignInProperty().get()).isFalse();
    model.signIn();
    assertThat(deferred.pending()).isEqualTo(1);
    deferred.finishAll();

    assertThat(attempts).containsExactly("demo_support/demo");
    assertThat(signedIn).containsExactly(SAM);
    assertThat(model.busyProperty().get()).isFalse();
  }

  @Test
  void demoAccountFillsBothFieldsAndClearsAnOldError() {
    LoginViewModel model = model(accepting(), new SynchronousTaskRunner());
    model.signIn();
    DemoAccount finance =
        model.demoAccounts().stream()
            .filter(a -> a.login().equals("demo_finance"))
            .findFirst()
            .orElseThrow();

    model.useDemoAccount(finance);

    assertThat(model.loginProperty().get()).isEqualTo("demo_finance");
    assertThat(model.passwordProperty().get()).isEqualTo("demo");
    assertThat(model.errorProperty().get()).isEmpty();
    assertThat(model.canSignInProperty().get()).isTrue();
    assertThat(attempts).isEmpty();
  }

  @Test
  void demoAccountsAreTheFiveDemoStaffWithTheirRoles() {
    assertThat(DemoAccount.all())
        .extracting(DemoAccount::login)
        .containsExactly(
            "demo_support", "demo_finance", "demo_finance2", "demo_moderator", "demo_admin");
    assertThat(DemoAccount.all().get(0).rolesText()).isEqualTo("Support");
  }
}
