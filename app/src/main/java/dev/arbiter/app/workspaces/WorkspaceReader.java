package dev.arbiter.app.workspaces;

import dev.arbiter.app.common.ChangeNews;
import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.TaskKey;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.app.common.command.StatusLines;
import dev.arbiter.app.live.ChangeSet;
import dev.arbiter.app.live.RefreshGate;
import dev.arbiter.persistence.workspaces.WorkspaceDetails;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Reads the open workspace: on request, and live when the database reports a change that may
 * concern it (at most one live read in flight). A live read describes what others changed while the
 * workspace was open. Only the latest read is answered, so an older one never replaces a newer one.
 */
final class WorkspaceReader {

  private static final Set<String> RELATED =
      Set.of("workspace_members", "workspace_invites", "contact_notes");

  private final LongFunction<WorkspaceDetails> source;
  private final TaskRunner tasks;
  private final String me;
  private final StatusLines status;
  private final ReadOnlyLongWrapper openId = new ReadOnlyLongWrapper(-1);
  private final ReadOnlyObjectWrapper<WorkspaceDetails> details = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper changedText = new ReadOnlyStringWrapper("");
  private final RefreshGate live = new RefreshGate(done -> load(true, done));
  private final TaskKey reads = new TaskKey();

  /**
   * @param me the signed-in login: only what others changed is announced as a change
   */
  WorkspaceReader(
      LongFunction<WorkspaceDetails> source, TaskRunner tasks, String me, StatusLines status) {
    this.source = source;
    this.tasks = tasks;
    this.me = me;
    this.status = status;
  }

  /** Makes {@code id} the open workspace; {@link #reload()} then reads it. */
  void select(long id) {
    openId.set(id);
  }

  long openId() {
    return openId.get();
  }

  WorkspaceDetails details() {
    return details.get();
  }

  void clearChange() {
    changedText.set("");
  }

  void reload() {
    if (openId.get() >= 0) {
      load(false, () -> {});
    }
  }

  /** Reads the open workspace again when {@code changes} may concern it. FX thread. */
  void changed(ChangeSet changes) {
    WorkspaceDetails shown = details.get();
    long id = openId.get();
    if (id < 0) {
      return;
    }
    boolean contracts =
        shown != null
            && shown.contracts().stream().anyMatch(c -> changes.touches("contracts", c.id()));
    if (changes.touches("workspaces", id)
        || changes.touches(RELATED.toArray(String[]::new))
        || contracts) {
      live.request();
    }
  }

  /**
   * Reads the open workspace once more, outside the numbered reads (to show why an action was
   * refused); {@code then} gets it when it is still the workspace open, {@code failed} runs when it
   * could not be read.
   */
  void readAgain(Consumer<WorkspaceDetails> then, Runnable failed) {
    long id = openId.get();
    tasks
        .run(() -> source.apply(id))
        .onSuccess(
            fresh -> {
              if (fresh.settings().id() == openId.get()) {
                details.set(fresh);
                then.accept(fresh);
              }
            })
        .onFailure(f -> failed.run());
  }

  private void load(boolean isLive, Runnable done) {
    long id = openId.get();
    if (!isLive) {
      status.busy().set(true);
    }
    tasks
        .runLatest(reads, () -> source.apply(id))
        .onSuccess(
            loaded -> {
              if (loaded.settings().id() != openId.get()) {
                return;
              }
              WorkspaceDetails before = details.get();
              if (isLive && before != null && before.settings().id() == id) {
                describeChange(before, loaded);
              }
              details.set(loaded);
            })
        .onFailure(failure -> status.error(ErrorText.describe(failure)))
        .whenFinished(
            () -> {
              done.run();
              if (!isLive) {
                status.busy().set(false);
              }
            });
  }

  private void describeChange(WorkspaceDetails before, WorkspaceDetails now) {
    String news =
        ChangeNews.line(
            WorkspaceChanges.between(before, now), WorkspaceChanges.actorsSince(before, now), me);
    if (news.isEmpty()) {
      return;
    }
    changedText.set("");
    changedText.set(news);
  }

  ReadOnlyObjectProperty<WorkspaceDetails> detailsProperty() {
    return details.getReadOnlyProperty();
  }

  ReadOnlyLongProperty openIdProperty() {
    return openId.getReadOnlyProperty();
  }

  ReadOnlyStringProperty changedTextProperty() {
    return changedText.getReadOnlyProperty();
  }
}
