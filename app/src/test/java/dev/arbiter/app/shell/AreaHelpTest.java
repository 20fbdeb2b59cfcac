package dev.arbiter.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.help.HelpPages;
import dev.arbiter.app.help.HelpPages.Shortcut;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every area has its help page, titled as the navigation names it and listing its keys, and the
 * shortcut overlay lists what the window and the queues really bind.
 */
class AreaHelpTest {

  @ParameterizedTest
  @EnumSource(Area.class)
  void everyAreaHasAHelpPageTitledAsItsNavigationButtonWithItsKeys(Area area) {
    assertThat(HelpPages.page(area.id()))
        .as("help/%s.md", area.id())
        .hasValueSatisfying(page -> assertThat(page).startsWith("# " + area.title() + "\n"));
    assertThat(HelpPages.keys(area.id())).isNotEmpty();
  }

  @Test
  void theGuidesIndexShipsWithTheConsole() {
    assertThat(HelpPages.page(HelpPages.GUIDE))
        .hasValueSatisfying(p -> assertThat(p).contains("docs/guide/"));
  }

  @Test
  void everywhereListsEachAreasCtrlDigitSearchAndTheHelpKeys() {
    List<String> keys =
        HelpMenu.everywhere(Arrays.asList(Area.values())).stream().map(Shortcut::keys).toList();

    assertThat(keys)
        .contains("Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4", "Ctrl+5", "Ctrl+6", "Ctrl+K", "F5", "F1")
        .contains("Ctrl+/");
  }

  @Test
  void theDisputesPageListsEveryKeyOfTheQueuesOwnHelp() throws Exception {
    Field field =
        Class.forName("dev.arbiter.app.disputes.QueueDialogs").getDeclaredField("SHORTCUTS");
    field.setAccessible(true);
    @SuppressWarnings("unchecked")
    List<String[]> queueKeys = (List<String[]>) field.get(null);

    List<String> listed = HelpPages.keys(Area.DISPUTES.id()).stream().map(Shortcut::keys).toList();

    assertThat(listed).containsAll(queueKeys.stream().map(k -> k[0]).toList());
  }

  @Test
  void theModerationPageListsEveryLetterOfTheQueuesLegend() throws Exception {
    Field field =
        Class.forName("dev.arbiter.app.moderation.ModerationView").getDeclaredField("SHORTCUTS");
    field.setAccessible(true);
    String legend = (String) field.get(null);
    List<String> listed =
        HelpPages.keys(Area.MODERATION.id()).stream().map(Shortcut::keys).toList();

    // The legend reads "J / K next / previous · C claim · …": each entry starts with its keys.
    for (String entry : legend.split(" · ")) {
      String key = entry.startsWith("J / K") ? "J / K" : entry.substring(0, entry.indexOf(' '));
      assertThat(listed).as(entry).contains(key);
    }
  }
}
