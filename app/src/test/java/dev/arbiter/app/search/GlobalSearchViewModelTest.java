package dev.arbiter.app.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.DeferredTaskRunner;
import dev.arbiter.app.common.SynchronousTaskRunner;
import dev.arbiter.persistence.search.SearchHit;
import dev.arbiter.persistence.search.SearchKind;
import dev.arbiter.persistence.session.StaffDatabaseException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

class GlobalSearchViewModelTest {

  private final List<String> asked = new ArrayList<>();
  private final List<SearchHit> opened = new ArrayList<>();
  private final SimpleBooleanProperty online = new SimpleBooleanProperty(true);

  private static SearchHit dispute(long id) {
    return new SearchHit(SearchKind.DISPUTE, id, "DSP-" + id, "DSP-" + id, "a ↔ b · open");
  }

  private GlobalSearchViewModel model(
      GlobalSearchViewModel.Searcher searcher, dev.arbiter.app.common.TaskRunner tasks) {
    GlobalSearchViewModel model =
        new GlobalSearchViewModel(
            (text, kinds, perKind) -> {
              asked.add(text);
              return searcher.search(text, kinds, perKind);
            },
            Set.of(SearchKind.DISPUTE),
            tasks,
            online);
    model.setOnOpen(opened::add);
    return model;
  }

  private GlobalSearchViewModel answering(List<SearchHit> hits) {
    return model((text, kinds, perKind) -> hits, new SynchronousTaskRunner());
  }

  @Test
  void textShorterThanTwoCharactersSearchesNothingAndHidesTheList() {
    GlobalSearchViewModel model = answering(List.of(dispute(1)));
    model.search("ds");
    assertThat(model.showingProperty().get()).isTrue();

    model.search(" d ");

    assertThat(asked).containsExactly("ds");
    assertThat(model.hits()).isEmpty();
    assertThat(model.showingProperty().get()).isFalse();
  }

  @Test
  void upAndDownMoveWithinTheHitsAndEnterOpensTheSelectedOne() {
    GlobalSearchViewModel model = answering(List.of(dispute(1), dispute(2), dispute(3)));
    model.search("dsp");
    assertThat(model.selectedIndexProperty().get()).isZero();

    model.move(1);
    model.move(1);
    model.move(1);
    model.move(-1);
    model.submit("dsp");

    assertThat(opened).extracting(SearchHit::id).containsExactly(2L);
    assertThat(model.showingProperty().get()).isFalse();
    assertThat(asked).containsExactly("dsp");
  }

  @Test
  void enterBeforeTheAnswerOpensTheFirstHitOnceItArrives() {
    DeferredTaskRunner tasks = new DeferredTaskRunner();
    GlobalSearchViewModel model = model((text, kinds, perKind) -> List.of(dispute(7)), tasks);

    model.submit("dsp-7");
    assertThat(opened).isEmpty();
    tasks.finishAll();

    assertThat(opened).extracting(SearchHit::id).containsExactly(7L);
  }

  @Test
  void onlyTheLatestSearchIsShown() {
    DeferredTaskRunner tasks = new DeferredTaskRunner();
    GlobalSearchViewModel model =
        model((text, kinds, perKind) -> List.of(dispute(text.length())), tasks);

    model.search("dsp");
    model.search("dsp-12");
    tasks.finishAll();

    assertThat(model.hits()).extracting(SearchHit::id).containsExactly(6L);
  }

  @Test
  void escapeDropsAnAnswerStillOnItsWay() {
    DeferredTaskRunner tasks = new DeferredTaskRunner();
    GlobalSearchViewModel model = model((text, kinds, perKind) -> List.of(dispute(1)), tasks);

    model.search("dsp");
    model.close();
    tasks.finishAll();

    assertThat(model.hits()).isEmpty();
    assertThat(model.showingProperty().get()).isFalse();
  }

  @Test
  void aFailedSearchSaysSoInOneLine() {
    GlobalSearchViewModel failing =
        model(
            (text, kinds, perKind) -> {
              throw new StaffDatabaseException(
                  "Search failed", new SQLException("canceling statement\nDETAIL: x", "57014"));
            },
            new SynchronousTaskRunner());

    failing.search("dsp");

    assertThat(failing.messageProperty().get())
        .isEqualTo("Search failed: canceling statement")
        .doesNotContain("\n");
    assertThat(failing.hits()).isEmpty();
  }

  @Test
  void offlineItSaysSoWithoutAsking() {
    GlobalSearchViewModel model = answering(List.of(dispute(1)));
    online.set(false);

    model.search("dsp");

    assertThat(asked).isEmpty();
    assertThat(model.messageProperty().get()).startsWith("Offline");
    assertThat(model.showingProperty().get()).isTrue();
  }

  @Test
  void noMatchesIsSaid() {
    GlobalSearchViewModel model = answering(List.of());

    model.search("zzz");

    assertThat(model.messageProperty().get()).isEqualTo("No matches for “zzz”.");
    model.submit("zzz");
    assertThat(opened).isEmpty();
  }
}
