package dev.arbiter.app.disputes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.SynchronousTaskRunner;
import dev.arbiter.app.live.ChangeSet;
import dev.arbiter.persistence.disputes.PageDirection;
import dev.arbiter.persistence.disputes.QueueCursor;
import dev.arbiter.persistence.disputes.QueueFilter;
import dev.arbiter.persistence.disputes.QueuePage;
import dev.arbiter.persistence.disputes.QueueRow;
import dev.arbiter.persistence.disputes.QueueSort;
import dev.arbiter.persistence.disputes.SortKey;
import dev.arbiter.persistence.live.TableChange;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The queue's ViewModel over a fake 10,000-row table, without the toolkit. */
class DisputeQueueViewModelTest {

  private static final long TABLE = 10_000;

  /** A table of ids 1..TABLE in order, read by keyset like the service. */
  private static final class FakeTable implements DisputeQueueViewModel.Port {
    final List<QueueFilter> filters = new ArrayList<>();
    int matchingCalls;
    int counts;
    boolean failing;

    @Override
    public QueuePage page(
        QueueFilter filter, QueueSort sort, QueueCursor cursor, PageDirection dir, int limit) {
      if (failing) {
        throw new IllegalStateException("canceling statement due to statement timeout");
      }
      filters.add(filter);
      if (dir == PageDirection.FORWARD) {
        long from = cursor == null ? 1 : cursor.id() + 1;
        long to = Math.min(TABLE, from + limit - 1);
        return QueueRows.page(from, to, to < TABLE);
      }
      long to = cursor.id() - 1;
      long from = Math.max(1, to - limit + 1);
      return QueueRows.page(from, to, from > 1);
    }

    @Override
    public long count(QueueFilter filter, int cap) {
      counts++;
      return Math.min(TABLE, cap + 1L);
    }

    @Override
    public List<QueueRow> rows(List<Long> ids, QueueSort sort) {
      return ids.stream().map(QueueRows::row).toList();
    }

    @Override
    public List<QueueRow> matching(List<Long> ids, QueueFilter filter, QueueSort sort) {
      matchingCalls++;
      return ids.stream().filter(id -> id >= 1 && id <= TABLE).map(QueueRows::row).toList();
    }
  }

  private final FakeTable table = new FakeTable();
  private final DisputeQueueViewModel model =
      new DisputeQueueViewModel(
          table,
          new SynchronousTaskRunner(),
          Clock.fixed(QueueRows.NOW, ZoneOffset.UTC),
          Locale.US);

  @Test
  void scrollingThroughTheWholeTableNeverHoldsMoreThanTheWindow() {
    model.apply();
    int largest = 0;
    List<Integer> shifts = new ArrayList<>();
    model.setOnShift(shifts::add);
    while (model.moreAfter()) {
      model.loadNext();
      largest = Math.max(largest, model.items().size());
    }
    assertThat(largest).isEqualTo(DisputeQueueViewModel.WINDOW);
    assertThat(model.items().get(model.items().size() - 1).id()).isEqualTo(TABLE);
    assertThat(shifts).contains(DisputeQueueViewModel.PAGE);

    while (model.moreBefore()) {
      model.loadPrevious();
      assertThat(model.items()).hasSizeLessThanOrEqualTo(DisputeQueueViewModel.WINDOW);
    }
    assertThat(model.items().get(0).id()).isEqualTo(1);
  }

  @Test
  void summaryCountsMatchesUpToTheCap() {
    model.apply();
    assertThat(model.list().summaryProperty().get()).isEqualTo("10,000 matching · 50 loaded");
  }

  @Test
  void aBadAmountIsExplainedAndNothingIsRead() {
    model.form().minAmountProperty().set("12.345");
    model.apply();
    assertThat(model.form().errorProperty().get()).startsWith("Amount:");
    assertThat(table.filters).isEmpty();
  }

  @Test
  void theFormBecomesTheFilterAndBack() {
    model.form().searchProperty().set("  acme ");
    model.form().currencyProperty().set("eur");
    model.form().maxAmountProperty().set("250.50");
    model.form().assigneeProperty().set(model.form().assignees().get(2));
    model.apply();
    QueueFilter applied = table.filters.get(0);
    assertThat(applied.text()).isEqualTo("acme");
    assertThat(applied.currencies()).containsExactly("EUR");
    assertThat(applied.maxAmountMinor()).isEqualTo(25_050L);
    assertThat(applied.assignee().kind().name()).isEqualTo("UNASSIGNED");

    model.form().show(QueueFilter.OPEN_CASES);
    model.form().show(applied);
    assertThat(model.form().toFilter()).isEqualTo(applied);
  }

  @Test
  void aFailedLiveReReadKeepsTheRowsAndSaysTheyAreOutOfDateUntilOneSucceeds() {
    model.apply();
    List<QueueItem> shown = List.copyOf(model.items());

    table.failing = true;
    model.liveChanged();

    assertThat(model.items()).isEqualTo(shown);
    assertThat(model.list().errorProperty().get())
        .isEqualTo(
            "The queue could not be brought up to date: Unexpected error: canceling statement due"
                + " to statement timeout");

    table.failing = false;
    model.liveChanged();

    assertThat(model.list().errorProperty().get()).isEmpty();
  }

  @Test
  void aChangeToACaseThreadAloneReadsNothing() {
    model.apply();
    int pages = table.filters.size();

    model.liveChanged(changes(new TableChange("dispute_messages", "insert", "77", "disputes:3")));

    assertThat(table.filters).hasSize(pages);
    assertThat(table.matchingCalls).isZero();
  }

  @Test
  void aRowThatOnlyChangedIsLookedUpAndPutInPlaceWithoutReadingThePage() {
    model.apply();
    int pages = table.filters.size();
    int counts = table.counts;
    QueueItem before = model.items().get(3);

    model.liveChanged(changes(new TableChange("disputes", "update", "4")));

    assertThat(table.matchingCalls).isEqualTo(1);
    assertThat(table.filters).as("no page read").hasSize(pages);
    // Counted at apply; the fixed clock never lets the count fall due again.
    assertThat(table.counts).as("no count").isEqualTo(counts);
    assertThat(model.items().get(3).id()).isEqualTo(4);
    assertThat(model.items().get(3)).isNotSameAs(before);
  }

  @Test
  void aRowThatMayEnterTheWindowReadsThePageAgain() {
    model.apply();
    int pages = table.filters.size();

    // Sorted by reference (text): a matching row the window does not hold could belong in it.
    int counts = table.counts;

    model.liveChanged(changes(new TableChange("disputes", "update", "5000")));

    assertThat(table.filters).hasSize(pages + 1);
    assertThat(table.counts).as("counted with the window's new members").isEqualTo(counts + 1);
  }

  @Test
  void aReconnectReadsThePageAgainWithoutLookingUpRows() {
    model.apply();
    int pages = table.filters.size();

    model.liveChanged(ChangeSet.everything());

    assertThat(table.filters).hasSize(pages + 1);
    assertThat(table.matchingCalls).isZero();
  }

  private static ChangeSet changes(TableChange... changes) {
    return ChangeSet.of(List.of(changes));
  }

  @Test
  void sortingReadsTheFirstPageAgainInTheNewOrder() {
    model.apply();
    model.loadNext();
    model.sortBy(QueueSort.descending(SortKey.AMOUNT));
    assertThat(model.items()).hasSize(DisputeQueueViewModel.PAGE);
    assertThat(model.sortProperty().get()).isEqualTo(QueueSort.descending(SortKey.AMOUNT));
  }
}
