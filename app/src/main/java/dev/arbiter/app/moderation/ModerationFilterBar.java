package dev.arbiter.app.moderation;

import dev.arbiter.app.common.FxmlView;
import dev.arbiter.model.moderation.FlagReason;
import dev.arbiter.model.moderation.FlagStatus;
import dev.arbiter.model.moderation.FlaggedEntityType;
import dev.arbiter.model.moderation.Severity;
import dev.arbiter.persistence.moderation.ClaimFilter;
import dev.arbiter.persistence.moderation.QueueSort;
import java.util.Arrays;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;

/** The queue's filters and sort, bound to its view model; a choice re-reads the queue at once. */
final class ModerationFilterBar extends FxmlView<ModerationQueueViewModel> {

  @FXML private ComboBox<Choice<FlagStatus>> status;
  @FXML private ComboBox<Choice<FlaggedEntityType>> type;
  @FXML private ComboBox<Choice<FlagReason>> reason;
  @FXML private ComboBox<Choice<Severity>> severity;
  @FXML private ComboBox<Choice<ClaimFilter>> claim;
  @FXML private ComboBox<Choice<AgeFilter>> age;
  @FXML private ComboBox<Choice<QueueSort>> sort;

  ModerationFilterBar(ModerationQueueViewModel model) {
    super(model);
  }

  @FXML
  private void initialize() {
    Choice.bind(
        status,
        null,
        Arrays.asList(FlagStatus.values()),
        s -> "Status: " + ModerationWords.lowerWord(s),
        model.statusProperty());
    Choice.bind(
        type,
        "All types",
        Arrays.asList(FlaggedEntityType.values()),
        ModerationWords::word,
        model.typeProperty());
    Choice.bind(
        reason,
        "All reasons",
        Arrays.asList(FlagReason.values()),
        ModerationWords::word,
        model.reasonProperty());
    Choice.bind(
        severity,
        "Any severity",
        Arrays.asList(Severity.values()),
        s -> ModerationWords.word(s) + " or worse",
        model.minSeverityProperty());
    Choice.bind(
        claim,
        null,
        Arrays.asList(ClaimFilter.values()),
        ModerationFilterBar::claimLabel,
        model.claimProperty());
    Choice.bind(
        age, null, Arrays.asList(AgeFilter.values()), AgeFilter::toString, model.ageProperty());
    Choice.bind(
        sort,
        null,
        Arrays.asList(QueueSort.values()),
        s -> "Sort: " + s.label(),
        model.sortProperty());
  }

  private static String claimLabel(ClaimFilter filter) {
    return switch (filter) {
      case ANY -> "Claimed or not";
      case MINE -> "Claimed by me";
      case UNCLAIMED -> "Unclaimed";
    };
  }
}
