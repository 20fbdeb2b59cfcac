package dev.arbiter.persistence.workspaces;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetadataSanitizerTest {

  private static final String JSON =
      "{\"theme\":\"dark\",\"_internal_score\":7,\"privateNotes\":\"x\","
          + "\"billing\":{\"plan\":\"pro\",\"private_card\":\"4242\"},"
          + "\"tags\":[{\"name\":\"a\",\"_internal\":true}]}";

  @Test
  void nonAdminsLoseInternalAndPrivateKeysAtEveryDepth() {
    assertThat(MetadataSanitizer.forViewer(JSON, false))
        .isEqualTo(
            "{\"theme\":\"dark\",\"billing\":{\"plan\":\"pro\"},\"tags\":[{\"name\":\"a\"}]}");
  }

  @Test
  void adminsSeeEverything() {
    assertThat(MetadataSanitizer.forViewer(JSON, true))
        .contains("_internal_score", "privateNotes", "private_card", "\"_internal\":true");
  }

  @Test
  void keysThatMerelyContainTheWordsStay() {
    assertThat(MetadataSanitizer.forViewer("{\"is_private\":1,\"my_internal\":2}", false))
        .isEqualTo("{\"is_private\":1,\"my_internal\":2}");
  }

  @Test
  void upperCaseSpellingsAreHiddenToo() {
    // The audit log's masking hid these while metadata and settings showed them: one rule now.
    assertThat(
            MetadataSanitizer.forViewer(
                "{\"_Internal_score\":7,\"PRIVATE_notes\":\"x\",\"Privacy\":1,\"ok\":2}", false))
        .isEqualTo("{\"Privacy\":1,\"ok\":2}");
    assertThat(dev.arbiter.persistence.audit.HiddenKeys.hidden("_INTERNAL")).isTrue();
  }
}
