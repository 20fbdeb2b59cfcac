package dev.arbiter.app.shell;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.arbiter.app.common.Visibility;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The bottom line of the main window: staff member, database, connection state. */
final class StatusBar {

  private final HBox root;

  StatusBar(StatusBarViewModel model) {
    Label staff = new Label(model.staffText(), new FontIcon(Feather.USER));
    staff.setId("statusStaff");
    Label database = new Label(model.databaseText(), new FontIcon(Feather.DATABASE));
    database.setId("statusDatabase");
    database.setTooltip(new Tooltip(model.databaseText()));
    database.setMinWidth(0);
    Label connection = new Label();
    connection.setId("connectionState");
    connection.textProperty().bind(model.connectionTextProperty());
    Region dot = new Region();
    dot.getStyleClass().add("connection-dot");
    connection.setGraphic(dot);
    model.connectionProperty().addListener((obs, old, state) -> showState(connection, state));
    showState(connection, model.connectionProperty().get());
    connection.setTooltip(
        new Tooltip(
            "The console listens for changes on a connection of its own; offline means that connection is lost"));
    Label automation = new Label();
    automation.setId("automationState");
    automation.textProperty().bind(model.automationProperty());
    Visibility.showWhen(automation, model.automationStoppedProperty());
    automation.getStyleClass().add(Styles.WARNING);
    automation.setGraphic(new FontIcon(Feather.CLOCK));
    automation.setTooltip(
        new Tooltip(
            "No Arbiter worker has run the time-driven rules (auto-release, deadlines, expiries)"
                + " recently: what the clock should do is not happening. Start one with"
                + " 'arbiter worker'."));
    root = new HBox(18, staff, database, new Spacer(), automation, connection);
    root.setAlignment(Pos.CENTER_LEFT);
    root.getStyleClass().add("status-bar");
    root.getChildren().forEach(n -> n.getStyleClass().add(Styles.TEXT_SMALL));
  }

  Parent root() {
    return root;
  }

  private static void showState(Label label, StatusBarViewModel.ConnectionState state) {
    label.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.TEXT_MUTED);
    label
        .getStyleClass()
        .add(
            switch (state) {
              case ONLINE -> Styles.SUCCESS;
              case OFFLINE -> Styles.DANGER;
              case CHECKING -> Styles.TEXT_MUTED;
            });
  }
}
