package dev.arbiter.persistence.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConsoleTargetTest {

  @Test
  void displayUrlHidesPasswordsAndUserInfo() {
    ConsoleTarget target =
        new ConsoleTarget(
            "jdbc:postgresql://ops:s3cret@db.example:5432/arbiter?ssl=true&password=s3cret",
            false,
            "shared");

    assertThat(target.displayUrl())
        .isEqualTo("jdbc:postgresql://db.example:5432/arbiter?ssl=true&password=***")
        .doesNotContain("s3cret");
  }

  @Test
  void blankLabelFallsBackToTheRedactedUrl() {
    ConsoleTarget target =
        new ConsoleTarget("jdbc:postgresql://localhost/arbiter?password=x", true, " ");

    assertThat(target.serverLabel()).isEqualTo("jdbc:postgresql://localhost/arbiter?password=***");
  }

  @Test
  void onlyPostgresqlUrlsAreAccepted() {
    assertThatThrownBy(() -> new ConsoleTarget("jdbc:h2:mem:x", false, "h2"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
