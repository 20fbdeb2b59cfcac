package dev.arbiter.app.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.function.Consumer;
import javafx.application.Application;

/** Light or dark AtlantaFX Primer theme for the whole application. */
final class ThemeSwitcher {

  private boolean dark;
  private Consumer<Boolean> onToggle = on -> {};

  void apply(boolean on) {
    dark = on;
    Application.setUserAgentStylesheet(
        dark
            ? new PrimerDark().getUserAgentStylesheet()
            : new PrimerLight().getUserAgentStylesheet());
  }

  /** The staff member's switch, as opposed to the theme the console starts with. */
  void toggle() {
    apply(!dark);
    onToggle.accept(dark);
  }

  void setOnToggle(Consumer<Boolean> onToggle) {
    this.onToggle = onToggle;
  }

  boolean isDark() {
    return dark;
  }
}
