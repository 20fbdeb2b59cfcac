package dev.arbiter.app.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.DisplayNames;
import dev.arbiter.model.moderation.FlagStatus;
import dev.arbiter.model.moderation.Severity;
import dev.arbiter.persistence.moderation.ItemKey;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModerationWordsTest {

  @Test
  void itemsAreNamedByTheirKindAndNumber() {
    assertThat(ModerationWords.item(ItemKey.of("dispute_message", 1102)))
        .isEqualTo("Message #1102");
    assertThat(ModerationWords.item(ItemKey.of("dispute_evidence", 302)))
        .isEqualTo("Evidence #302");
    assertThat(ModerationWords.item(ItemKey.of("user", 180))).isEqualTo("User #180");
  }

  @Test
  void severitiesStatusesAndReasonsReadAsWords() {
    assertThat(ModerationWords.word(Severity.CRITICAL)).isEqualTo("Critical");
    assertThat(ModerationWords.lowerWord(FlagStatus.DISMISSED)).isEqualTo("dismissed");
    assertThat(DisplayNames.words(List.of("fraud", "off_platform_payment")))
        .isEqualTo("Fraud, Off-platform payment");
  }

  @Test
  void theScoreHasAtMostOneDecimal() {
    assertThat(ModerationWords.score(new BigDecimal("41.667"))).isEqualTo("41.7");
    assertThat(ModerationWords.score(new BigDecimal("40.000"))).isEqualTo("40");
    assertThat(ModerationWords.score(new BigDecimal("2.5"))).isEqualTo("2.5");
  }
}
