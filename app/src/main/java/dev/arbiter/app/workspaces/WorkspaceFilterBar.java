package dev.arbiter.app.workspaces;

import dev.arbiter.app.common.DisplayNames;
import dev.arbiter.app.common.FxmlView;
import dev.arbiter.persistence.workspaces.WorkspaceSort;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;

/** The workspace list's search, status filter and sort; Enter or a choice re-reads the list. */
final class WorkspaceFilterBar extends FxmlView<WorkspaceListViewModel> {

  @FXML private TextField search;
  @FXML private ComboBox<String> status;
  @FXML private ComboBox<WorkspaceSort> sort;
  @FXML private CheckBox descending;

  WorkspaceFilterBar(WorkspaceListViewModel model) {
    super(model);
  }

  @FXML
  private void initialize() {
    search.textProperty().bindBidirectional(model.textProperty());
    status.setConverter(DisplayNames.forValues("Any status"));
    status.valueProperty().bindBidirectional(model.statusProperty());
    sort.getItems().setAll(WorkspaceSort.values());
    sort.setConverter(DisplayNames.forEnum());
    sort.valueProperty().bindBidirectional(model.sortProperty());
    descending.selectedProperty().bindBidirectional(model.descendingProperty());
    // A combo box fires an action when its value is bound, so it reloads only from then on.
    status.setOnAction(e -> model.reload());
    sort.setOnAction(e -> model.reload());
  }

  @FXML
  private void reload() {
    model.reload();
  }
}
