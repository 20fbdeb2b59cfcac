package dev.arbiter.app.common;

import dev.arbiter.app.live.RefreshGate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;

/**
 * What every list of database rows shows and how it reads them: the rows with the selected row's
 * key ({@link KeyedRows}), whether a read is out ({@code loading}), whether more rows follow, an
 * error line and a summary line. A feature's ViewModel says what to read (its filter, cursor and
 * page size) and how to show the answer; this class does the rest the same way for every list:
 *
 * <ul>
 *   <li>A read the user asks for ({@link #read}) shows {@code loading}; a later one supersedes it,
 *       so only the latest answer is shown, and a failure keeps the rows and says why.
 *   <li>When the database changed ({@link #changed}), the rows are read again quietly (no {@code
 *       loading}) and merged in place, keeping the scroll position and the selection by key. At
 *       most one such re-read is out; a change meanwhile asks for exactly one more. A user read
 *       drops the re-read still out and re-reads after it lands. A failed re-read leaves the rows
 *       and says they are out of date until a read succeeds.
 * </ul>
 *
 * FX thread only.
 *
 * @param <T> the row
 * @param <K> what identifies a row across reads
 */
public final class PagedList<T, K> {

  private final TaskRunner tasks;
  private final KeyedRows<T, K> rows;
  private final TaskKey reads = new TaskKey();
  private final TaskKey rereads = new TaskKey();
  private final RefreshGate gate = new RefreshGate(this::reread);
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper summary;
  private Function<Throwable, String> readFailed = ErrorText::describe;
  private Function<Throwable, String> rereadFailed =
      failure -> "The list could not be brought up to date: " + ErrorText.describe(failure);
  private Consumer<Runnable> selectionKeeper = Runnable::run;
  private Supplier<BackgroundTask<?>> live;
  private boolean loaded;
  private boolean rereadWanted;

  /**
   * @param key identifies a row across reads, for the selection
   * @param notLoaded the summary until the first read lands
   */
  public PagedList(TaskRunner tasks, Function<? super T, ? extends K> key, String notLoaded) {
    this.tasks = tasks;
    this.rows = new KeyedRows<>(key);
    this.summary = new ReadOnlyStringWrapper(notLoaded);
  }

  /** How failures read: of a read the user asked for, and of a quiet re-read (rows out of date). */
  public PagedList<T, K> describeFailures(
      Function<Throwable, String> read, Function<Throwable, String> reread) {
    this.readFailed = read;
    this.rereadFailed = reread;
    return this;
  }

  /**
   * How the list is read again when the database changed: {@code reread} builds the read when it
   * starts (from the rows and the place shown then), off the FX thread it runs, and {@code merge}
   * shows its answer, usually through {@link #merge}.
   */
  public <P> void followLive(Supplier<Callable<P>> reread, Consumer<? super P> merge) {
    this.live = () -> tasks.runLatest(rereads, reread.get()).onSuccess(merge);
  }

  /**
   * Reads what the user asked for (a first page, the next one): {@code loading} until it lands,
   * then {@code show} gets the answer. Call {@link #replace}, {@link #append} or {@link #merge}
   * from it.
   */
  public <P> void read(Callable<P> read, Consumer<? super P> show) {
    loading.set(true);
    if (rereads.busy()) {
      rereads.cancel();
      rereadWanted = true;
    }
    tasks
        .runLatest(reads, read)
        .onSuccess(
            answer -> {
              loading.set(false);
              error.set("");
              loaded = true;
              show.accept(answer);
            })
        .onFailure(
            failure -> {
              loading.set(false);
              error.set(readFailed.apply(failure));
            })
        .whenFinished(
            () -> {
              if (rereadWanted && !loading.get()) {
                rereadWanted = false;
                changed();
              }
            });
  }

  /** The database changed in a way that concerns the rows: reads them again quietly, gated. */
  public void changed() {
    gate.request();
  }

  /**
   * Reads the rows again quietly now, for a caller that keeps its own gate; {@code done} runs when
   * the re-read is over, or at once when there is nothing to re-read yet or a user read is out (the
   * re-read then follows that read).
   */
  public void reread(Runnable done) {
    if (live == null || !loaded) {
      done.run();
      return;
    }
    if (loading.get()) {
      rereadWanted = true;
      done.run();
      return;
    }
    live.get()
        .onSuccess(ignored -> error.set(""))
        .onFailure(failure -> error.set(rereadFailed.apply(failure)))
        .whenFinished(done);
  }

  /** Shows {@code fresh} instead of the rows (a first page); the selection follows by key. */
  public void replace(List<? extends T> fresh) {
    selectionKeeper.accept(() -> rows.replace(fresh));
  }

  /** Adds the next page below the rows. */
  public void append(List<? extends T> more) {
    rows.rows().addAll(more);
  }

  /** Brings the rows up to date in place, keeping the selection by key and the scroll position. */
  public void merge(List<? extends T> fresh) {
    selectionKeeper.accept(() -> rows.merge(fresh));
  }

  /**
   * Wraps every replace and merge of the rows, so a view with a multiple selection can put it back
   * by key ({@link KeyedSelection#keepAll}) as it is when the rows land, not when the read started.
   */
  public void setSelectionKeeper(Consumer<Runnable> selectionKeeper) {
    this.selectionKeeper = selectionKeeper;
  }

  public void setHasMore(boolean more) {
    hasMore.set(more);
  }

  public void setSummary(String text) {
    summary.set(text);
  }

  /** For what the ViewModel checks itself (a form's input), shown like a failed read. */
  public void setError(String text) {
    error.set(text);
  }

  /** Whether a read the user asked for has landed, so there is something to re-read. */
  public boolean loaded() {
    return loaded;
  }

  /** The rows shown; ViewModels that move a window over the table change them directly. */
  public ObservableList<T> rows() {
    return rows.rows();
  }

  /** The rows with the selected key, for a table to follow ({@link KeyedSelection#follow}). */
  public KeyedRows<T, K> keyed() {
    return rows;
  }

  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty hasMoreProperty() {
    return hasMore.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }
}
