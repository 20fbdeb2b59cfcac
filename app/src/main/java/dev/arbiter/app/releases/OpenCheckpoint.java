package dev.arbiter.app.releases;

import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.persistence.escrow.CheckpointDetail;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The checkpoint the reviewer has open, read off the FX thread: its snapshot and how it reads. A
 * read answered after the reviewer moved on to another checkpoint is dropped.
 */
final class OpenCheckpoint {

  private final CheckpointViewModel.DetailSource source;
  private final TaskRunner tasks;
  private final ActionFeedback feedback;
  private final ChangeNotice notice;
  private final CheckpointParts parts;
  private final ReadOnlyObjectWrapper<Long> openId = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<CheckpointDetail> detail = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<CheckpointText.Shown> shown = new ReadOnlyObjectWrapper<>();

  OpenCheckpoint(CheckpointViewModel.DetailSource source, CheckpointParts parts) {
    this.source = source;
    this.parts = parts;
    this.tasks = parts.tasks();
    this.feedback = parts.feedback();
    this.notice = parts.notice();
  }

  void open(long id) {
    openId.set(id);
    load(id);
  }

  void reload() {
    Long id = openId.get();
    if (id != null) {
      load(id);
    }
  }

  private void load(long id) {
    read(
        id,
        loaded -> {
          if (isOpen(id)) {
            loaded.ifPresentOrElse(this::show, () -> gone(id));
          }
        });
  }

  /** Reads checkpoint {@code id} while the view shows busy; a failed read is said. */
  void read(long id, Consumer<Optional<CheckpointDetail>> then) {
    feedback.busy(true);
    tasks
        .run(() -> source.load(id))
        .onSuccess(
            loaded -> {
              feedback.busy(false);
              then.accept(loaded);
            })
        .onFailure(feedback::failed);
  }

  /**
   * Reads the open checkpoint again after the change feed reported changes around it, quietly: it
   * never shows busy, and a read that fails leaves what is shown, with a notice that says so.
   * {@code done} runs when the read has finished, either way.
   */
  void liveRefresh(Runnable done) {
    Long id = openId.get();
    if (id == null || feedback.busy()) {
      done.run();
      return;
    }
    tasks
        .run(() -> source.load(id))
        .onSuccess(
            loaded -> {
              if (isOpen(id) && !feedback.busy()) {
                CheckpointDetail before = detail.get();
                notice.readSucceeded();
                loaded.ifPresentOrElse(this::show, () -> gone(id));
                loaded.ifPresent(after -> notice.compare(before, after));
              }
              done.run();
            })
        .onFailure(
            failure -> {
              if (isOpen(id)) {
                notice.readFailed(ErrorText.describe(failure));
              }
              done.run();
            });
  }

  void show(CheckpointDetail loaded) {
    detail.set(loaded);
    shown.set(parts.text().of(loaded, parts.login()));
  }

  private void gone(long id) {
    feedback.say("Checkpoint " + id + " no longer exists.", true);
  }

  boolean isOpen(long id) {
    return Objects.equals(openId.get(), id);
  }

  /** The snapshot shown; null before the first read. */
  CheckpointDetail detail() {
    return detail.get();
  }

  CheckpointText.Shown shown() {
    return shown.get();
  }

  ReadOnlyObjectProperty<Long> openIdProperty() {
    return openId.getReadOnlyProperty();
  }

  ReadOnlyObjectProperty<CheckpointDetail> detailProperty() {
    return detail.getReadOnlyProperty();
  }

  ReadOnlyObjectProperty<CheckpointText.Shown> shownProperty() {
    return shown.getReadOnlyProperty();
  }
}
