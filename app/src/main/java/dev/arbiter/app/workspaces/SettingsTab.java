package dev.arbiter.app.workspaces;

import dev.arbiter.app.common.ViewLoader;
import dev.arbiter.persistence.workspaces.WorkspaceDetails;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Settings;
import java.util.Map;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The open workspace's settings: the fields every viewer sees, then the settings document as a tree
 * (keys only admins may read are hidden by {@link JsonTreeView}).
 */
final class SettingsTab {

  @FXML private GridPane fields;
  @FXML private Label timezone;
  @FXML private Label currency;
  @FXML private Label intakeEmail;
  @FXML private Label status;

  private final WorkspaceDetailViewModel model;
  private final JsonTreeView json;
  private final Node root;

  SettingsTab(WorkspaceDetailViewModel model) {
    this.model = model;
    this.json = new JsonTreeView(model.isAdmin());
    json.setId("settingsJson");
    VBox.setVgrow(json, Priority.ALWAYS);
    this.root = ViewLoader.load(this, Map.of("json", json));
  }

  Node node() {
    return root;
  }

  @FXML
  private void initialize() {
    model.detailsProperty().addListener((obs, old, d) -> show(d));
  }

  // A workspace read is shown until the next one is: nothing blanks the tab in between.
  private void show(WorkspaceDetails d) {
    if (d == null) {
      return;
    }
    Settings s = d.settings();
    timezone.setText(s.timezone());
    currency.setText(s.defaultCurrency());
    intakeEmail.setText(s.intakeEmail() == null ? "—" : s.intakeEmail());
    status.setText(s.status());
    fields.setVisible(true);
    json.show(d.settingsJson());
  }
}
