package dev.arbiter.app.workspaces;

import dev.arbiter.model.workspaces.WorkspaceStatus;
import dev.arbiter.persistence.workspaces.WorkspaceDetails;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableObjectValue;

/**
 * Whether the open workspace can be moved to one status, and why not: a workspace already in it is
 * not offered the move (Reactivate on an active workspace), and the button says so.
 */
final class WorkspaceStatusRule {

  private final ReadOnlyStringWrapper refusal = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper disabled = new ReadOnlyBooleanWrapper(true);

  WorkspaceStatusRule(ObservableObjectValue<WorkspaceDetails> details, WorkspaceStatus target) {
    refusal.bind(
        Bindings.createStringBinding(
            () -> {
              WorkspaceDetails d = details.get();
              return d != null && target.dbValue().equals(d.settings().status())
                  ? "The workspace is already " + target.dbValue() + "."
                  : "";
            },
            details));
    disabled.bind(Bindings.isNull(details).or(refusal.isNotEmpty()));
  }

  ReadOnlyStringProperty refusalProperty() {
    return refusal.getReadOnlyProperty();
  }

  ReadOnlyBooleanProperty disabledProperty() {
    return disabled.getReadOnlyProperty();
  }
}
