package dev.arbiter.app.shell;

import atlantafx.base.theme.Styles;
import dev.arbiter.app.common.AreaView;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * What an area shows until it is built: its name and purpose, and an honest "not yet" instead of
 * sample data that could be mistaken for the marketplace's.
 */
public final class ComingSoonPanel implements AreaView {

  private final VBox root;

  public ComingSoonPanel(Area area) {
    Label title = new Label(area.title());
    title.getStyleClass().add(Styles.TITLE_2);
    Label status = new Label(area.title() + " is coming in a later release.");
    status.setId("comingSoonText");
    status.getStyleClass().add(Styles.TEXT_BOLD);
    Label purpose = new Label(area.purpose());
    purpose.getStyleClass().add(Styles.TEXT_MUTED);
    purpose.setWrapText(true);
    purpose.setMaxWidth(520);
    purpose.setAlignment(Pos.CENTER);
    purpose.setStyle("-fx-text-alignment: center;");
    var icon = AreaIcons.icon(area, 48);
    icon.getStyleClass().add("coming-soon-icon");
    root = new VBox(14, icon, title, status, purpose);
    root.setAlignment(Pos.CENTER);
    root.setId("comingSoon-" + area.id());
    root.getStyleClass().add("coming-soon");
  }

  @Override
  public Node node() {
    return root;
  }
}
