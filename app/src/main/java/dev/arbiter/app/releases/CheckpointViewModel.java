package dev.arbiter.app.releases;

import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.MoneyFormat;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.model.money.Money;
import dev.arbiter.model.money.MoneyFormatException;
import dev.arbiter.persistence.escrow.CheckpointAction;
import dev.arbiter.persistence.escrow.CheckpointDetail;
import dev.arbiter.persistence.ledger.IdempotencyKeys;
import dev.arbiter.persistence.ledger.MoneyResult;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One checkpoint and the reviewer's actions on it. Every action is a command with a key made when
 * the reviewer clicks; if the call fails on the way (a lost connection), Retry sends the same key,
 * so the database applies it at most once. A release is previewed first (the database runs it and
 * rolls back) and the confirmation shows exactly the entries that will be posted.
 */
public final class CheckpointViewModel {

  /** Loads a checkpoint's snapshot; off the FX thread. */
  @FunctionalInterface
  public interface DetailSource {
    Optional<CheckpointDetail> load(long checkpointId);
  }

  private final DetailSource source;
  private final Function<CheckpointAction, MoneyResult> perform;
  private final Function<CheckpointAction.Release, MoneyResult> preview;
  private final TaskRunner tasks;
  private final Locale locale;
  private final MoneyFormat money;
  private final CheckpointText text;
  private final String login;
  private final Runnable changed;

  private final ReadOnlyObjectWrapper<CheckpointDetail> detail = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<CheckpointText.Shown> shown = new ReadOnlyObjectWrapper<>();
  private final StringProperty note = new SimpleStringProperty("");
  private final StringProperty overrideReason = new SimpleStringProperty("");
  private final StringProperty amount = new SimpleStringProperty("");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper confirmation = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper retryable = new ReadOnlyBooleanWrapper(false);
  private CheckpointAction.Release pendingRelease;
  private CheckpointAction failedAction;

  /**
   * @param login the signed-in reviewer, to tell them up front when four-eyes rules them out
   * @param changed told after any action that may have changed the queue
   */
  public CheckpointViewModel(
      DetailSource source,
      Function<CheckpointAction, MoneyResult> perform,
      Function<CheckpointAction.Release, MoneyResult> preview,
      TaskRunner tasks,
      Locale locale,
      Clock clock,
      java.time.ZoneId zone,
      String login,
      Runnable changed) {
    this.source = source;
    this.perform = perform;
    this.preview = preview;
    this.tasks = tasks;
    this.locale = locale;
    this.money = new MoneyFormat(locale);
    this.text = new CheckpointText(money, locale, zone, clock);
    this.login = login;
    this.changed = changed;
  }

  /** Shows checkpoint {@code id}, dropping any unconfirmed release of the previous one. */
  public void open(long id) {
    pendingRelease = null;
    failedAction = null;
    retryable.set(false);
    confirmation.set("");
    message.set("");
    note.set("");
    overrideReason.set("");
    amount.set("");
    load(id);
  }

  /** Reads the shown checkpoint again. */
  public void reload() {
    CheckpointDetail current = detail.get();
    if (current != null) {
      load(current.checkpoint().id());
    }
  }

  private void load(long id) {
    busy.set(true);
    tasks
        .run(() -> source.load(id))
        .onSuccess(
            loaded -> {
              busy.set(false);
              if (loaded.isEmpty()) {
                say("Checkpoint " + id + " no longer exists.", true);
                return;
              }
              detail.set(loaded.get());
              shown.set(text.of(loaded.get(), login));
            })
        .onFailure(
            failure -> {
              busy.set(false);
              say(ErrorText.describe(failure), true);
            });
  }

  public void approve() {
    run(
        new CheckpointAction.Approve(
            id(), blankToNull(note.get()), blankToNull(overrideReason.get()), key("approve")));
  }

  public void reject() {
    if (note.get().isBlank()) {
      say("Write the reason for the rejection in the note; the requester will read it.", true);
      return;
    }
    run(new CheckpointAction.Reject(id(), note.get().strip(), key("reject")));
  }

  public void hold() {
    if (note.get().isBlank()) {
      say("Write the reason for the hold in the note.", true);
      return;
    }
    run(new CheckpointAction.Hold(id(), note.get().strip(), key("hold")));
  }

  public void unhold() {
    run(new CheckpointAction.Unhold(id(), blankToNull(note.get()), key("unhold")));
  }

  public void refund() {
    if (note.get().isBlank()) {
      say("Write the reason for the refund in the note.", true);
      return;
    }
    run(new CheckpointAction.Refund(id(), note.get().strip(), key("refund")));
  }

  /** Previews releasing everything left on the checkpoint. */
  public void prepareFullRelease() {
    prepare(new CheckpointAction.Release(id(), null, key("release")));
  }

  /** Previews releasing the amount typed, read strictly in the checkpoint's currency. */
  public void preparePartialRelease() {
    CheckpointDetail d = detail.get();
    if (d == null) {
      return;
    }
    Money parsed;
    try {
      parsed = Money.parse(amount.get(), d.checkpoint().currency(), locale);
    } catch (MoneyFormatException e) {
      say(e.getMessage(), true);
      return;
    }
    if (!parsed.isPositive()) {
      say("Enter an amount above zero.", true);
      return;
    }
    prepare(new CheckpointAction.Release(id(), parsed.minor(), key("release")));
  }

  private void prepare(CheckpointAction.Release release) {
    CheckpointDetail d = detail.get();
    busy.set(true);
    tasks
        .run(() -> preview.apply(release))
        .onSuccess(
            result -> {
              busy.set(false);
              if (result.ok()) {
                pendingRelease = release;
                confirmation.set(text.confirmation(d, result));
                message.set("");
              } else {
                say(result.describe(), true);
              }
            })
        .onFailure(
            failure -> {
              busy.set(false);
              say(ErrorText.describe(failure), true);
            });
  }

  /** Posts the release the confirmation showed, with the key it was previewed under. */
  public void confirmRelease() {
    if (pendingRelease != null) {
      CheckpointAction.Release release = pendingRelease;
      pendingRelease = null;
      confirmation.set("");
      run(release);
    }
  }

  public void cancelRelease() {
    pendingRelease = null;
    confirmation.set("");
  }

  /** Sends the action that failed on the way again, under the same key. */
  public void retry() {
    if (failedAction != null) {
      run(failedAction);
    }
  }

  private void run(CheckpointAction action) {
    busy.set(true);
    retryable.set(false);
    tasks
        .run(() -> perform.apply(action))
        .onSuccess(
            result -> {
              busy.set(false);
              failedAction = null;
              say(result.describe(), !result.ok());
              if (result.ok()) {
                note.set("");
                overrideReason.set("");
                amount.set("");
              }
              reload();
              changed.run();
            })
        .onFailure(
            failure -> {
              busy.set(false);
              failedAction = action;
              retryable.set(true);
              say(
                  ErrorText.describe(failure)
                      + " Nothing is posted twice: Retry sends the same request again.",
                  true);
            });
  }

  private long id() {
    CheckpointDetail d = detail.get();
    if (d == null) {
      throw new IllegalStateException("no checkpoint is open");
    }
    return d.checkpoint().id();
  }

  private void say(String text, boolean error) {
    message.set(text);
    messageIsError.set(error);
  }

  private static String key(String action) {
    return IdempotencyKeys.next(action);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** {@code on_hold} reads as "On hold". */
  public static String statusText(String status) {
    String words = status.replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  public ReadOnlyObjectProperty<CheckpointDetail> detailProperty() {
    return detail.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<CheckpointText.Shown> shownProperty() {
    return shown.getReadOnlyProperty();
  }

  public StringProperty noteProperty() {
    return note;
  }

  public StringProperty overrideReasonProperty() {
    return overrideReason;
  }

  public StringProperty amountProperty() {
    return amount;
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty messageIsErrorProperty() {
    return messageIsError.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty confirmationProperty() {
    return confirmation.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty retryableProperty() {
    return retryable.getReadOnlyProperty();
  }
}
