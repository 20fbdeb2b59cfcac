package dev.arbiter.app.shell;

import java.util.HashMap;
import java.util.Map;

/**
 * What the console remembers for the person at this computer between starts: the theme, where the
 * window was, and the area each staff login last worked in.
 *
 * @param dark whether the dark theme is on
 * @param window where the window was when it was last closed; null before it ever was
 * @param lastAreas the area each login had open when it last left, by login
 */
public record ConsolePreferences(boolean dark, WindowPlace window, Map<String, Area> lastAreas) {

  public ConsolePreferences {
    lastAreas = lastAreas == null ? Map.of() : Map.copyOf(lastAreas);
  }

  /** A first start: light theme, the window where the platform puts it, the dashboard. */
  public static ConsolePreferences defaults() {
    return new ConsolePreferences(false, null, Map.of());
  }

  /**
   * The window's place and size on the screen.
   *
   * @param maximized whether it filled the screen (the place and size are then its restored ones)
   */
  public record WindowPlace(double x, double y, double width, double height, boolean maximized) {}

  public ConsolePreferences withDark(boolean on) {
    return new ConsolePreferences(on, window, lastAreas);
  }

  public ConsolePreferences withWindow(WindowPlace place) {
    return new ConsolePreferences(dark, place, lastAreas);
  }

  public ConsolePreferences withLastArea(String login, Area area) {
    Map<String, Area> areas = new HashMap<>(lastAreas);
    areas.put(login, area);
    return new ConsolePreferences(dark, window, areas);
  }
}
