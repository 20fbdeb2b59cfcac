package dev.arbiter.app.shell;

import dev.arbiter.app.common.DateTimes;
import dev.arbiter.persistence.automation.AutomationHealth;
import dev.arbiter.persistence.session.ConsoleTarget;
import dev.arbiter.persistence.staff.SignedInStaff;
import java.time.ZoneId;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** Who is signed in, to which database, and whether that database answers. */
public final class StatusBarViewModel {

  /** The database connection as the last check found it. */
  public enum ConnectionState {
    CHECKING("checking…"),
    ONLINE("online"),
    OFFLINE("offline");

    private final String text;

    ConnectionState(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  private final String staffText;
  private final String databaseText;
  private final ReadOnlyObjectWrapper<ConnectionState> connection =
      new ReadOnlyObjectWrapper<>(this, "connection", ConnectionState.CHECKING);
  private final StringBinding connectionText =
      Bindings.createStringBinding(() -> connection.get().text(), connection);

  // Nothing is said until the first read: the usual case is a running worker.
  private final ReadOnlyStringWrapper automation =
      new ReadOnlyStringWrapper(this, "automation", "");
  private final ReadOnlyBooleanWrapper automationStopped =
      new ReadOnlyBooleanWrapper(this, "automationStopped", false);
  private DateTimes dates =
      new DateTimes(Locale.getDefault(Locale.Category.FORMAT), ZoneId.systemDefault());

  public StatusBarViewModel(SignedInStaff staff, ConsoleTarget target) {
    this.staffText = staff.displayName() + " (" + staff.login() + ") · " + staff.rolesText();
    String url = target.displayUrl();
    this.databaseText = target.serverLabel().equals(url) ? url : target.serverLabel() + " · " + url;
  }

  /** The outcome of one connection check. */
  public void reportPing(boolean answered) {
    connection.set(answered ? ConnectionState.ONLINE : ConnectionState.OFFLINE);
  }

  /** Shows moments as the console does (its locale and zone). */
  public void dates(DateTimes dates) {
    this.dates = dates;
  }

  /**
   * What the automation's last runs say: nothing when it runs, a warning when no worker has run the
   * rules for longer than their interval, so that nobody trusts a deadline that will not fire.
   */
  public void reportAutomation(AutomationHealth.Status status) {
    switch (status.state()) {
      case RUNNING -> {
        automation.set("");
        automationStopped.set(false);
      }
      case STOPPED -> {
        automation.set(
            // With the date: a worker can have been down since a day the staff member was not in.
            "Automation stopped since " + dates.dateTime(status.since()));
        automationStopped.set(true);
      }
      case NEVER_RAN -> {
        automation.set("Automation has not run");
        automationStopped.set(true);
      }
    }
  }

  public ReadOnlyStringProperty automationProperty() {
    return automation.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty automationStoppedProperty() {
    return automationStopped.getReadOnlyProperty();
  }

  public String staffText() {
    return staffText;
  }

  public String databaseText() {
    return databaseText;
  }

  public ReadOnlyObjectProperty<ConnectionState> connectionProperty() {
    return connection.getReadOnlyProperty();
  }

  public StringBinding connectionTextProperty() {
    return connectionText;
  }
}
