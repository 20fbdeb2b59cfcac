package dev.arbiter.app.shell;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The icon of each area, shared by the navigation and the placeholder panels. */
final class AreaIcons {

  private AreaIcons() {}

  static Feather of(Area area) {
    return switch (area) {
      case DASHBOARD -> Feather.GRID;
      case DISPUTES -> Feather.MESSAGE_SQUARE;
      case RELEASES -> Feather.DOLLAR_SIGN;
      case MODERATION -> Feather.FLAG;
      case WORKSPACES -> Feather.BRIEFCASE;
      case AUDIT -> Feather.FILE_TEXT;
    };
  }

  static FontIcon icon(Area area, int size) {
    FontIcon icon = new FontIcon(of(area));
    icon.setIconSize(size);
    return icon;
  }
}
