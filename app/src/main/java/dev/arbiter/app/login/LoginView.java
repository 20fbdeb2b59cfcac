package dev.arbiter.app.login;

import atlantafx.base.theme.Styles;
import dev.arbiter.app.common.ViewLoader;
import dev.arbiter.app.common.Visibility;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** The sign-in form. Binds to its ViewModel and forwards actions; holds no logic of its own. */
public final class LoginView {

  @FXML private TextField loginField;
  @FXML private PasswordField passwordField;
  @FXML private Label serverLabel;
  @FXML private Label errorLabel;
  @FXML private ProgressIndicator progress;
  @FXML private Button signInButton;
  @FXML private VBox demoSection;
  @FXML private FlowPane demoAccounts;

  private final LoginViewModel model;
  private final Parent root;

  public LoginView(LoginViewModel model) {
    this.model = model;
    this.root = ViewLoader.load(this);
  }

  public Parent root() {
    return root;
  }

  /** Puts the cursor where typing should start. */
  public void focus() {
    loginField.requestFocus();
  }

  @FXML
  private void initialize() {
    loginField.textProperty().bindBidirectional(model.loginProperty());
    passwordField.textProperty().bindBidirectional(model.passwordProperty());
    loginField.disableProperty().bind(model.busyProperty());
    passwordField.disableProperty().bind(model.busyProperty());
    serverLabel.setText(model.serverLabel());
    errorLabel.textProperty().bind(model.errorProperty());
    Visibility.showWhen(errorLabel, model.errorProperty().isNotEmpty());
    progress.visibleProperty().bind(model.busyProperty());
    signInButton.disableProperty().bind(model.canSignInProperty().not());
    signInButton
        .textProperty()
        .bind(Bindings.when(model.busyProperty()).then("Signing in…").otherwise("Sign in"));
    // After a refusal, put the cursor where the fix goes: the login if empty, else the password.
    model
        .errorProperty()
        .addListener(
            (obs, old, error) -> {
              if (!error.isEmpty()) {
                (model.loginProperty().get().isBlank() ? loginField : passwordField).requestFocus();
              }
            });
    demoSection.setVisible(!model.demoAccounts().isEmpty());
    demoSection.setManaged(!model.demoAccounts().isEmpty());
    for (DemoAccount account : model.demoAccounts()) {
      demoAccounts.getChildren().add(demoButton(account));
    }
  }

  private Button demoButton(DemoAccount account) {
    Label name = new Label(account.displayName());
    name.getStyleClass().add(Styles.TEXT_BOLD);
    Label detail = new Label(account.rolesText() + " · " + account.login());
    detail.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
    Button button = new Button(null, new VBox(2, name, detail));
    button.setId("demo-" + account.login());
    button.getStyleClass().add("demo-account");
    button.setTooltip(new Tooltip("Fill in " + account.login() + " (password demo)"));
    button.setGraphicTextGap(0);
    button.disableProperty().bind(model.busyProperty());
    button.setOnAction(
        e -> {
          model.useDemoAccount(account);
          passwordField.requestFocus();
        });
    return button;
  }

  @FXML
  private void signIn() {
    model.signIn();
  }
}
