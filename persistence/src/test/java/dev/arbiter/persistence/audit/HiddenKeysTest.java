package dev.arbiter.persistence.audit;

import static dev.arbiter.persistence.audit.JsonValues.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class HiddenKeysTest {

  @Test
  void internalAndPrivateKeysGoAtEveryDepthAndAreCounted() {
    JsonNode stored =
        parse(
            "{\"name\": \"Ann\", \"_internal_score\": 9, \"metadata\": {\"privateNote\": \"x\","
                + " \"tier\": \"gold\", \"list\": [{\"_INTERNAL\": 1, \"ok\": 2}]},"
                + " \"Private_phone\": \"555\"}");

    HiddenKeys.Masked masked = HiddenKeys.mask(stored);

    assertThat(JsonValues.jsonbText(masked.value()))
        .isEqualTo(
            "{\"name\": \"Ann\", \"metadata\": {\"tier\": \"gold\", \"list\": [{\"ok\": 2}]}}");
    assertThat(masked.hiddenCount()).isEqualTo(4);
  }

  @Test
  void maskingLeavesTheOriginalUntouched() {
    JsonNode stored = parse("{\"_internal\": 1}");
    HiddenKeys.mask(stored);
    assertThat(stored.has("_internal")).isTrue();
  }

  @Test
  void valuesThatMerelyContainTheWordsStay() {
    JsonNode stored = parse("{\"visibility\": \"private\", \"internal_ref\": \"_internal\"}");
    HiddenKeys.Masked masked = HiddenKeys.mask(stored);
    assertThat(masked.hiddenCount()).isZero();
    assertThat(masked.value()).isEqualTo(stored);
  }

  @Test
  void nullStaysNull() {
    assertThat(HiddenKeys.mask(null).value()).isNull();
  }
}
