package dev.arbiter.app.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** Light or dark AtlantaFX Primer theme for the whole application. */
final class ThemeSwitcher {

  private boolean dark;

  void applyLight() {
    dark = false;
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
  }

  void toggle() {
    dark = !dark;
    Application.setUserAgentStylesheet(
        dark
            ? new PrimerDark().getUserAgentStylesheet()
            : new PrimerLight().getUserAgentStylesheet());
  }

  boolean isDark() {
    return dark;
  }
}
