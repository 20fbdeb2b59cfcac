package dev.arbiter.persistence.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonValuesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"a\": 1, \"bb\": [1, 2.50, null, true], \"ccc\": {\"x\": \"y\"}}",
        "{\"s\": \"quote \\\" back \\\\ nl \\n tab \\t ctl \\u0001 é 😀\"}",
        "[]",
        "{}",
        "12345678901234567890.000001"
      })
  void serverTextRoundTripsByteForByte(String jsonbText) {
    assertThat(JsonValues.jsonbText(JsonValues.parse(jsonbText))).isEqualTo(jsonbText);
  }

  @Test
  void displayDropsQuotesFromStringsOnly() {
    assertThat(JsonValues.display(JsonValues.parse("\"open\""))).isEqualTo("open");
    assertThat(JsonValues.display(JsonValues.parse("[\"a\"]"))).isEqualTo("[\"a\"]");
    assertThat(JsonValues.display(null)).isEmpty();
  }

  @Test
  void garbageIsRefused() {
    assertThatThrownBy(() -> JsonValues.parse("{nope"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
