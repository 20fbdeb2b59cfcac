package dev.arbiter.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** The one paged-list state every list uses, without the toolkit. */
class PagedListTest {

  private final DeferredTaskRunner tasks = new DeferredTaskRunner();
  private final PagedList<String, String> list = new PagedList<>(tasks, r -> r, "Not loaded yet");
  private final List<String> database = new ArrayList<>(List.of("a", "b", "c"));
  private int rereads;

  private void load() {
    list.read(() -> List.copyOf(database), list::replace);
  }

  private Callable<List<String>> reread() {
    rereads++;
    return () -> List.copyOf(database);
  }

  @Test
  void aReadShowsLoadingUntilItLandsAndTheLatestOneWins() {
    list.read(() -> List.of("old filter"), list::replace);
    load();
    assertThat(list.loadingProperty().get()).isTrue();
    assertThat(list.summaryProperty().get()).isEqualTo("Not loaded yet");

    tasks.finishAll();

    assertThat(list.rows()).containsExactly("a", "b", "c");
    assertThat(list.loadingProperty().get()).isFalse();
    assertThat(list.loaded()).isTrue();
  }

  @Test
  void aFailedReadKeepsTheRowsAndSaysWhyUntilAReadSucceeds() {
    load();
    tasks.finishAll();

    list.read(
        () -> {
          throw new IllegalStateException("server went away");
        },
        list::replace);
    tasks.finishAll();

    assertThat(list.rows()).containsExactly("a", "b", "c");
    assertThat(list.errorProperty().get()).isEqualTo("Unexpected error: server went away");
    assertThat(list.loadingProperty().get()).isFalse();
    load();
    tasks.finishAll();
    assertThat(list.errorProperty().get()).isEmpty();
  }

  @Test
  void changesBeforeTheFirstReadLandsAreNotReReadYet() {
    list.followLive(this::reread, list::merge);
    list.changed();
    assertThat(rereads).isZero();
    assertThat(tasks.pending()).isZero();
  }

  @Test
  void aReReadIsQuietMergesInPlaceAndKeepsTheSelectedKey() {
    list.followLive(this::reread, list::merge);
    load();
    tasks.finishAll();
    list.keyed().select("b");
    String unchanged = list.rows().get(2);
    database.add(0, "new");

    list.changed();
    assertThat(list.loadingProperty().get()).isFalse();
    tasks.finishAll();

    assertThat(list.rows()).containsExactly("new", "a", "b", "c");
    assertThat(list.rows().get(3)).isSameAs(unchanged);
    assertThat(list.keyed().selectedRow()).contains("b");
  }

  @Test
  void oneReReadIsOutAtATimeAndChangesMeanwhileAskForExactlyOneMore() {
    list.followLive(this::reread, list::merge);
    load();
    tasks.finishAll();

    list.changed();
    list.changed();
    list.changed();
    assertThat(tasks.pending()).isEqualTo(1);
    tasks.finishAll();
    assertThat(tasks.pending()).isEqualTo(1);
    tasks.finishAll();

    assertThat(rereads).isEqualTo(2);
    assertThat(tasks.pending()).isZero();
  }

  @Test
  void aReadTheUserAsksForDropsTheReReadOutAndReReadsAfterItLands() {
    List<String> merged = new ArrayList<>();
    list.followLive(this::reread, fresh -> merged.add("merged"));
    load();
    tasks.finishAll();

    list.changed();
    list.read(() -> List.of("next page"), list::append);
    tasks.finishAll();

    assertThat(merged).isEmpty();
    assertThat(list.rows()).containsExactly("a", "b", "c", "next page");
    assertThat(tasks.pending()).isEqualTo(1);
    tasks.finishAll();
    assertThat(merged).containsExactly("merged");
  }

  @Test
  void aFailedReReadLeavesTheRowsAndSaysTheyAreOutOfDateUntilOneSucceeds() {
    boolean[] failing = {false};
    list.followLive(
        () ->
            () -> {
              if (failing[0]) {
                throw new IllegalStateException("statement timeout");
              }
              return List.copyOf(database);
            },
        list::merge);
    load();
    tasks.finishAll();

    failing[0] = true;
    list.changed();
    tasks.finishAll();
    assertThat(list.rows()).containsExactly("a", "b", "c");
    assertThat(list.errorProperty().get())
        .isEqualTo("The list could not be brought up to date: Unexpected error: statement timeout");

    failing[0] = false;
    list.changed();
    tasks.finishAll();
    assertThat(list.errorProperty().get()).isEmpty();
  }

  @Test
  void aReplaceKeepsTheSelectedKeyWhenItsRowIsStillThereAndForgetsItOtherwise() {
    load();
    tasks.finishAll();
    list.keyed().select("c");
    long revision = list.keyed().revisionProperty().get();

    list.replace(List.of("c", "d"));
    assertThat(list.keyed().selectedRow()).contains("c");
    assertThat(list.keyed().revisionProperty().get()).isGreaterThan(revision);

    list.replace(List.of("d"));
    assertThat(list.keyed().selectedKeyProperty().get()).isNull();
  }

  @Test
  void everyReplaceAndMergeGoesThroughTheSelectionKeeper() {
    List<String> kept = new ArrayList<>();
    list.setSelectionKeeper(
        update -> {
          kept.add("before " + list.rows().size());
          update.run();
          kept.add("after " + list.rows().size());
        });

    load();
    tasks.finishAll();
    list.merge(List.of("a"));

    assertThat(kept).containsExactly("before 0", "after 3", "before 3", "after 1");
  }
}
