package dev.arbiter.app.help;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.help.HelpPages.Shortcut;
import org.junit.jupiter.api.Test;

class HelpPagesTest {

  @Test
  void keysAreReadFromTheKeysSectionOnly() {
    String page =
        """
        # Somewhere

        - `x` — not a key: this list is not under Keys

        ## Keys

        - `j` / `↓` — next row
        - `Ctrl+Enter` — send
        plain text is skipped

        ## After
        - `y` — not a key either
        """;

    assertThat(HelpPages.keysOf(page))
        .containsExactly(new Shortcut("j / ↓", "next row"), new Shortcut("Ctrl+Enter", "send"));
  }

  @Test
  void anUnknownTopicHasNoPageAndNoKeys() {
    assertThat(HelpPages.page("nowhere")).isEmpty();
    assertThat(HelpPages.keys("nowhere")).isEmpty();
  }
}
