package dev.arbiter.persistence.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TableChangeTest {

  @Test
  void readsTableOpIdAndTheParentItBelongsTo() {
    assertThat(
            TableChange.parse(
                "{\"table\":\"dispute_messages\",\"op\":\"insert\",\"id\":\"90\","
                    + "\"parent\":\"disputes:7\"}"))
        .contains(new TableChange("dispute_messages", "insert", "90", "disputes:7"));
    assertThat(TableChange.parse("{\"table\":\"disputes\",\"op\":\"update\",\"id\":\"7\"}"))
        .contains(new TableChange("disputes", "update", "7"));
  }

  @Test
  void aStatementLevelNoticeHasNoId() {
    assertThat(TableChange.parse("{\"table\":\"moderation_items\",\"op\":\"update\",\"id\":null}"))
        .hasValueSatisfying(c -> assertThat(c.id()).isNull());
  }

  @Test
  void anythingElseOnTheChannelIsIgnored() {
    assertThat(TableChange.parse(null)).isEmpty();
    assertThat(TableChange.parse("")).isEmpty();
    assertThat(TableChange.parse("not json")).isEmpty();
    assertThat(TableChange.parse("{\"op\":\"update\"}")).isEmpty();
    assertThat(TableChange.parse("{\"table\":1,\"op\":\"update\"}")).isEmpty();
  }
}
