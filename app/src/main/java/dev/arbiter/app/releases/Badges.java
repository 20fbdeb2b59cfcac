package dev.arbiter.app.releases;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Gate badges as small labelled chips, green with a tick or red with a cross. */
final class Badges {

  private Badges() {}

  static Label chip(Badge badge) {
    return chip(badge, badge.text());
  }

  /** The brief chip of a queue row, with the full words as its tooltip. */
  static Label brief(Badge badge) {
    Label label = chip(badge, badge.brief());
    label.setTooltip(new Tooltip(badge.text()));
    return label;
  }

  private static Label chip(Badge badge, String text) {
    Label label = new Label(text, new FontIcon(badge.pass() ? Feather.CHECK : Feather.X));
    label.getStyleClass().addAll("gate-badge", badge.pass() ? "gate-pass" : "gate-fail");
    return label;
  }

  static Node row(List<Badge> badges) {
    FlowPane pane = new FlowPane(6, 4);
    pane.getStyleClass().add("gate-badges");
    badges.forEach(b -> pane.getChildren().add(brief(b)));
    return pane;
  }
}
