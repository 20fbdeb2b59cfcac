package dev.arbiter.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.live.TableChange;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeSetTest {

  @Test
  void repeatedChangesToOneRowCountOnce() {
    ChangeSet set =
        ChangeSet.of(
            List.of(
                new TableChange("disputes", "update", "7"),
                new TableChange("disputes", "update", "7"),
                new TableChange("dispute_messages", "insert", "90")));

    assertThat(set.ids("disputes")).containsExactly("7");
    assertThat(set.touches("disputes", 7)).isTrue();
    assertThat(set.touches("disputes", 8)).isFalse();
    assertThat(set.touches("escrow_checkpoints", "dispute_messages")).isTrue();
    assertThat(set.touches("escrow_checkpoints")).isFalse();
  }

  @Test
  void aNoticeWithoutAnIdTouchesEveryRowOfItsTableEvenBesideOtherIds() {
    ChangeSet set =
        ChangeSet.of(
            List.of(
                new TableChange("moderation_items", "update", "3"),
                new TableChange("moderation_items", "update", null)));

    assertThat(set.touches("moderation_items", 99)).isTrue();
    assertThat(set.everyRow("moderation_items")).isTrue();
    assertThat(set.everyRow("disputes")).isFalse();
    assertThat(
            ChangeSet.of(List.of(new TableChange("disputes", "update", "1")))
                .plus(set)
                .touches("moderation_items", 7))
        .isTrue();
  }

  @Test
  void aResyncTouchesEverythingAndAbsorbsWhatItIsAddedTo() {
    ChangeSet some = ChangeSet.of(List.of(new TableChange("disputes", "insert", "1")));

    assertThat(ChangeSet.everything().touches("anything")).isTrue();
    assertThat(some.plus(ChangeSet.everything()).resync()).isTrue();
    assertThat(
            some.plus(ChangeSet.of(List.of(new TableChange("users", "update", "3"))))
                .touches("users", 3))
        .isTrue();
    assertThat(ChangeSet.of(List.of()).isEmpty()).isTrue();
  }

  @Test
  void aPartTouchesOnlyTheRecordItNamesAsParent() {
    ChangeSet set =
        ChangeSet.of(
            List.of(
                new TableChange("dispute_messages", "insert", "90", "disputes:7"),
                new TableChange("settlements", "update", "4", "disputes:8")));

    assertThat(set.touchesPartOf("disputes", 7, "dispute_messages", "settlements")).isTrue();
    assertThat(set.touchesPartOf("disputes", 8, "dispute_messages", "settlements")).isTrue();
    assertThat(set.touchesPartOf("disputes", 9, "dispute_messages", "settlements")).isFalse();
    assertThat(set.touchesPartOf("disputes", 8, "dispute_messages")).isFalse();
    assertThat(
            ChangeSet.of(List.of(new TableChange("disputes", "update", "1")))
                .plus(set)
                .touchesPartOf("disputes", 7, "dispute_messages"))
        .isTrue();
  }

  @Test
  void aPartThatNamesNoParentMayBelongToAnyRecord() {
    ChangeSet set = ChangeSet.of(List.of(new TableChange("dispute_evidence", "insert", "5")));

    assertThat(set.touchesPartOf("disputes", 7, "dispute_evidence")).isTrue();
    assertThat(set.touchesPartOf("disputes", 7, "dispute_messages")).isFalse();
    assertThat(ChangeSet.everything().touchesPartOf("disputes", 7, "dispute_messages")).isTrue();
  }
}
