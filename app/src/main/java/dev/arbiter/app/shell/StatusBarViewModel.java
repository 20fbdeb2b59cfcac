package dev.arbiter.app.shell;

import dev.arbiter.persistence.session.ConsoleTarget;
import dev.arbiter.persistence.staff.SignedInStaff;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

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

  public StatusBarViewModel(SignedInStaff staff, ConsoleTarget target) {
    this.staffText = staff.displayName() + " (" + staff.login() + ") · " + staff.rolesText();
    String url = target.displayUrl();
    this.databaseText = target.serverLabel().equals(url) ? url : target.serverLabel() + " · " + url;
  }

  /** The outcome of one connection check. */
  public void reportPing(boolean answered) {
    connection.set(answered ? ConnectionState.ONLINE : ConnectionState.OFFLINE);
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
