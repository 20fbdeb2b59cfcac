package dev.arbiter.app.search;

import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.TaskKey;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.persistence.search.GlobalSearchService;
import dev.arbiter.persistence.search.SearchHit;
import dev.arbiter.persistence.search.SearchKind;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Quick open: searches the kinds of record the staff member's areas open, off the FX thread, and
 * keeps the hits, which one is selected and one line of status. Searches are numbered as they
 * start; an answer to anything but the latest is dropped, so fast typing never shows stale hits.
 */
public final class GlobalSearchViewModel {

  /** Runs one search; {@link GlobalSearchService#search(String, Set, int)} in the console. */
  @FunctionalInterface
  public interface Searcher {
    List<SearchHit> search(String text, Set<SearchKind> kinds, int perKind);
  }

  private final Searcher searcher;
  private final Set<SearchKind> kinds;
  private final TaskRunner tasks;
  private final ObservableBooleanValue online;
  private final ObservableList<SearchHit> hits = FXCollections.observableArrayList();
  private final ObservableList<SearchHit> readOnlyHits =
      FXCollections.unmodifiableObservableList(hits);
  private final ReadOnlyIntegerWrapper selected = new ReadOnlyIntegerWrapper(-1);
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(false);
  private Consumer<SearchHit> onOpen = hit -> {};
  // Only the latest search is answered; closing or clearing drops the one still out.
  private final TaskKey searches = new TaskKey();
  // The text of the search on its way (null when none) and of the hits shown.
  private String searching;
  private String shownFor = "";
  private boolean openWhenShown;

  /**
   * @param kinds what this staff member may search: the kinds whose area they may open
   * @param online false while the database cannot be reached; searching then says so at once
   */
  public GlobalSearchViewModel(
      Searcher searcher, Set<SearchKind> kinds, TaskRunner tasks, ObservableBooleanValue online) {
    this.searcher = searcher;
    this.kinds = Set.copyOf(kinds);
    this.tasks = tasks;
    this.online = online;
  }

  /** What opening a hit does: the shell switches to its area and opens it there. */
  public void setOnOpen(Consumer<SearchHit> onOpen) {
    this.onOpen = onOpen;
  }

  /** Searches for {@code text} (the field calls this once typing pauses). FX thread. */
  public void search(String text) {
    searches.cancel();
    String typed = text == null ? "" : text.strip();
    if (typed.length() < GlobalSearchService.minimumLength()) {
      clear();
      return;
    }
    showing.set(true);
    if (kinds.isEmpty()) {
      show(List.of(), "Your roles open no records that search covers.");
      return;
    }
    if (!online.get()) {
      show(List.of(), "Offline: search is back when the database is.");
      return;
    }
    message.set("Searching…");
    searching = typed;
    tasks
        .runLatest(
            searches, () -> searcher.search(typed, kinds, GlobalSearchService.DEFAULT_PER_KIND))
        .onSuccess(
            found -> {
              searching = null;
              shownFor = typed;
              show(found, found.isEmpty() ? "No matches for “" + typed + "”." : "");
              if (openWhenShown) {
                openWhenShown = false;
                openSelected();
              }
            })
        .onFailure(
            failure -> {
              searching = null;
              openWhenShown = false;
              show(List.of(), ErrorText.describe(failure));
            });
  }

  private void show(List<SearchHit> found, String status) {
    hits.setAll(found);
    selected.set(found.isEmpty() ? -1 : 0);
    message.set(status);
  }

  /** Up or Down: moves the selection by {@code delta}, stopping at either end. */
  public void move(int delta) {
    if (hits.isEmpty()) {
      return;
    }
    int next = Math.max(0, Math.min(hits.size() - 1, selected.get() + delta));
    selected.set(next);
  }

  /**
   * Enter on {@code text}: opens the selected hit if the hits shown are for this text; otherwise
   * (typed faster than the pause) searches now and opens the first hit when it arrives.
   */
  public void submit(String text) {
    String typed = text == null ? "" : text.strip();
    if (searching == null && typed.equals(shownFor) && showing.get()) {
      openSelected();
      return;
    }
    openWhenShown = true;
    if (!typed.equals(searching)) {
      search(text);
    }
    // Nothing on its way (too short, offline, or already answered and opened): nothing to wait for.
    if (searching == null) {
      openWhenShown = false;
    }
  }

  /** Opens the selected hit, if there is one. */
  public void openSelected() {
    selectedHit().ifPresent(this::open);
  }

  /** Opens {@code hit} (a click, or Enter) and closes the list. */
  public void open(SearchHit hit) {
    close();
    onOpen.accept(hit);
  }

  /** Esc, or the field losing the focus: hides the list; an answer still on its way is dropped. */
  public void close() {
    searches.cancel();
    searching = null;
    openWhenShown = false;
    showing.set(false);
  }

  private void clear() {
    searching = null;
    shownFor = "";
    openWhenShown = false;
    hits.clear();
    selected.set(-1);
    message.set("");
    showing.set(false);
  }

  public Optional<SearchHit> selectedHit() {
    int index = selected.get();
    return index < 0 || index >= hits.size() ? Optional.empty() : Optional.of(hits.get(index));
  }

  /** The hits of the last search, grouped in {@link SearchKind} order. */
  public ObservableList<SearchHit> hits() {
    return readOnlyHits;
  }

  public ReadOnlyIntegerProperty selectedIndexProperty() {
    return selected.getReadOnlyProperty();
  }

  /** One line under the hits: searching, no matches, offline or what went wrong; else empty. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty showingProperty() {
    return showing.getReadOnlyProperty();
  }
}
