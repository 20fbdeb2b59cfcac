package dev.arbiter.persistence.disputes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.model.disputes.DisputePriority;
import dev.arbiter.model.disputes.DisputeStatus;
import dev.arbiter.model.disputes.ReasonCode;
import dev.arbiter.persistence.disputes.LiveChangeJudge.Kind;
import dev.arbiter.persistence.disputes.LiveChangeJudge.Verdict;
import dev.arbiter.persistence.disputes.LiveChangeJudge.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** What a live change costs the queue, judged by where the changed rows sort. */
class LiveChangeJudgeTest {

  /** A row sorted by amount: id 10 has 1,000, id 11 has 1,100 and so on. */
  private static QueueRow row(long id, long amount) {
    return row(id, new QueueCursor(SortKey.AMOUNT, amount, id));
  }

  private static QueueRow row(long id, QueueCursor cursor) {
    return new QueueRow(
        id,
        "DSP-" + id,
        "Client",
        "Freelancer",
        "GO-" + id,
        100,
        "USD",
        ReasonCode.QUALITY,
        DisputePriority.NORMAL,
        DisputeStatus.OPEN,
        null,
        Instant.EPOCH,
        null,
        null,
        null,
        0,
        cursor);
  }

  private static QueueRow row(long id) {
    return row(id, id * 100);
  }

  /** Rows 10..19 on screen, with more of the queue before and after them. */
  private static Window middle(boolean descending) {
    List<QueueRow> rows =
        new ArrayList<>(LongStream.rangeClosed(10, 19).mapToObj(LiveChangeJudgeTest::row).toList());
    if (descending) {
      Collections.reverse(rows);
    }
    return new Window(rows, true, true, descending);
  }

  @Test
  void aChangeOutsideTheWindowCostsNothingMore() {
    assertThat(LiveChangeJudge.judge(middle(false), List.of(5L, 30L), List.of(row(5), row(30))))
        .isEqualTo(Verdict.NOTHING);
    // Changed, but no longer matching the filter, and never on screen.
    assertThat(LiveChangeJudge.judge(middle(false), List.of(25L), List.of()))
        .isEqualTo(Verdict.NOTHING);
  }

  @Test
  void aRowThatOnlyChangedIsPutInPlace() {
    QueueRow assigned = row(12);
    Verdict verdict = LiveChangeJudge.judge(middle(false), List.of(12L), List.of(assigned));
    assertThat(verdict.kind()).isEqualTo(Kind.IN_PLACE);
    assertThat(verdict.rows()).containsExactly(assigned);
  }

  @Test
  void aRowThatEntersLeavesOrMovesReadsTheWindowAgain() {
    // Enters between two rows on screen.
    assertThat(LiveChangeJudge.judge(middle(false), List.of(40L), List.of(row(40, 1_250))).kind())
        .isEqualTo(Kind.REREAD);
    // Leaves the filter.
    assertThat(LiveChangeJudge.judge(middle(false), List.of(12L), List.of()).kind())
        .isEqualTo(Kind.REREAD);
    // Its sort value moved it.
    assertThat(LiveChangeJudge.judge(middle(false), List.of(12L), List.of(row(12, 5_000))).kind())
        .isEqualTo(Kind.REREAD);
  }

  @Test
  void aRowPastAnEndTheWindowReachesBelongsOnScreen() {
    List<QueueRow> top = LongStream.rangeClosed(10, 19).mapToObj(LiveChangeJudgeTest::row).toList();
    Window fromTheTop = new Window(top, false, true, false);
    assertThat(LiveChangeJudge.judge(fromTheTop, List.of(5L), List.of(row(5))).kind())
        .isEqualTo(Kind.REREAD);
    Window toTheBottom = new Window(top, true, false, false);
    assertThat(LiveChangeJudge.judge(toTheBottom, List.of(30L), List.of(row(30))).kind())
        .isEqualTo(Kind.REREAD);
    assertThat(
            LiveChangeJudge.judge(
                    new Window(List.of(), false, false, false), List.of(3L), List.of(row(3)))
                .kind())
        .isEqualTo(Kind.REREAD);
  }

  @Test
  void aDescendingSortIsJudgedInItsOwnOrder() {
    // Shown 19..10: 30 sorts before the first row, 5 after the last; both beyond the window.
    assertThat(LiveChangeJudge.judge(middle(true), List.of(5L, 30L), List.of(row(5), row(30))))
        .isEqualTo(Verdict.NOTHING);
    assertThat(LiveChangeJudge.judge(middle(true), List.of(40L), List.of(row(40, 1_450))).kind())
        .isEqualTo(Kind.REREAD);
    // The same value breaks ties by id, in the sort's direction.
    assertThat(LiveChangeJudge.judge(middle(true), List.of(9L), List.of(row(9, 1_000))).kind())
        .isEqualTo(Kind.NOTHING);
    assertThat(LiveChangeJudge.judge(middle(true), List.of(99L), List.of(row(99, 1_000))).kind())
        .isEqualTo(Kind.REREAD);
  }

  @Test
  void aTextSortAlwaysReadsAgainForAMatchingRowItCannotPlace() {
    QueueRow onScreen = row(1, new QueueCursor(SortKey.REFERENCE, "DSP-1", 1));
    QueueRow elsewhere = row(2, new QueueCursor(SortKey.REFERENCE, "DSP-9", 2));
    Window window = new Window(List.of(onScreen), true, true, false);
    assertThat(LiveChangeJudge.judge(window, List.of(2L), List.of(elsewhere)).kind())
        .isEqualTo(Kind.REREAD);
  }
}
