package dev.arbiter.app.common.command;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.Test;

class StatusLinesTest {

  @Test
  void anActionsFailureHidesTheReadsErrorUntilTheNextActionClearsIt() {
    StringProperty reads = new SimpleStringProperty("");
    StatusLines lines = new StatusLines(reads);

    reads.set("The list could not be brought up to date.");
    assertThat(lines.errorProperty().get()).isEqualTo("The list could not be brought up to date.");

    lines.error("Only admins may grant roles.");
    reads.set("Still out of date.");
    assertThat(lines.errorProperty().get()).isEqualTo("Only admins may grant roles.");

    lines.error("");
    assertThat(lines.errorProperty().get()).isEqualTo("Still out of date.");
  }

  @Test
  void withoutReadsOfItsOwnTheErrorLineIsWhatTheActionsSaid() {
    StatusLines lines = new StatusLines();

    lines.error("Write the note first.");
    assertThat(lines.errorProperty().get()).isEqualTo("Write the note first.");

    lines.error("");
    assertThat(lines.errorProperty().get()).isEmpty();
  }
}
