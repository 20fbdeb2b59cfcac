package dev.arbiter.app.releases;

import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.MoneyFormat;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.app.releases.CheckpointDiff.FieldChange;
import dev.arbiter.model.money.Money;
import dev.arbiter.model.money.MoneyFormatException;
import dev.arbiter.persistence.escrow.CheckpointAction;
import dev.arbiter.persistence.escrow.CheckpointBasis;
import dev.arbiter.persistence.escrow.CheckpointDetail;
import dev.arbiter.persistence.ledger.IdempotencyKeys;
import dev.arbiter.persistence.ledger.MoneyRefusal;
import dev.arbiter.persistence.ledger.MoneyResult;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;

/**
 * One checkpoint and the reviewer's actions on it. Every action is a command with a key made when
 * the reviewer clicks and the checkpoint state it was based on: the database refuses it when the
 * checkpoint changed meanwhile, and the reviewer sees what changed and can re-apply on top. If the
 * call is lost on the way, the key settles whether it was saved before anything is sent again. A
 * release is previewed first (the database runs it and rolls back) and the confirmation shows
 * exactly the entries that will be posted.
 */
public final class CheckpointViewModel {

  /** Loads a checkpoint's snapshot; off the FX thread. */
  @FunctionalInterface
  public interface DetailSource {
    Optional<CheckpointDetail> load(long checkpointId);
  }

  /** Sends an action based on the state the reviewer saw; off the FX thread. */
  @FunctionalInterface
  public interface Performer {
    MoneyResult perform(CheckpointAction action, CheckpointBasis basis);
  }

  /** Previews a release (run and rolled back); off the FX thread. */
  @FunctionalInterface
  public interface Previewer {
    MoneyResult preview(CheckpointAction.Release release);
  }

  /** The database calls this view model makes. */
  public record Gateway(
      DetailSource source,
      Performer perform,
      Previewer preview,
      UnknownOutcomes.CommitCheck committed) {}

  /**
   * An action as sent: what, on which state, and the snapshot the reviewer had in front of them.
   */
  private record Sent(CheckpointAction action, CheckpointBasis basis, CheckpointDetail seen) {}

  static final String OFFLINE =
      "Offline: the database cannot be reached, so nothing was sent. Your note is kept; try again"
          + " when the console is back online.";

  private final Gateway gateway;
  private final TaskRunner tasks;
  private final ObservableBooleanValue online;
  private final UnknownOutcomes outcomes;
  private final Locale locale;
  private final CheckpointText text;
  private final CheckpointDiff diff;
  private final String login;
  private final Runnable changed;

  private final ReadOnlyObjectWrapper<Long> openId = new ReadOnlyObjectWrapper<>();
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
  private final ReadOnlyBooleanWrapper settling = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper staleDiff = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper reapplyable = new ReadOnlyBooleanWrapper(false);
  private Sent pendingRelease;
  private Sent failed;
  private CheckpointAction reapply;

  /**
   * @param online false while the database cannot be reached; actions then refuse at once
   * @param login the signed-in reviewer, to tell them up front when four-eyes rules them out
   * @param changed told after any action that may have changed the queue
   */
  public CheckpointViewModel(
      Gateway gateway,
      TaskRunner tasks,
      ObservableBooleanValue online,
      Locale locale,
      Clock clock,
      ZoneId zone,
      String login,
      Runnable changed) {
    this.gateway = gateway;
    this.tasks = tasks;
    this.online = online;
    this.outcomes = new UnknownOutcomes(gateway.committed(), online, tasks);
    this.locale = locale;
    MoneyFormat money = new MoneyFormat(locale);
    this.text = new CheckpointText(money, locale, zone, clock);
    this.diff = new CheckpointDiff(money);
    this.login = login;
    this.changed = changed;
  }

  /** Shows checkpoint {@code id}, dropping any unconfirmed release of the previous one. */
  public void open(long id) {
    pendingRelease = null;
    failed = null;
    reapply = null;
    retryable.set(false);
    reapplyable.set(false);
    confirmation.set("");
    message.set("");
    banner.set("");
    staleDiff.set("");
    note.set("");
    overrideReason.set("");
    amount.set("");
    openId.set(id);
    load(id);
  }

  /** Reads the shown checkpoint again. */
  public void reload() {
    Long id = openId.get();
    if (id != null) {
      load(id);
    }
  }

  private void load(long id) {
    busy.set(true);
    tasks
        .run(() -> gateway.source().load(id))
        .onSuccess(
            loaded -> {
              busy.set(false);
              if (Objects.equals(openId.get(), id)) {
                loaded.ifPresentOrElse(this::show, () -> gone(id));
              }
            })
        .onFailure(
            failure -> {
              busy.set(false);
              say(ErrorText.describe(failure), true);
            });
  }

  /**
   * Re-reads the open checkpoint after the change feed reported changes around it; when someone
   * else changed what the reviewer sees, the banner says what and who. {@code done} runs when the
   * read has finished, either way.
   */
  public void liveRefresh(Runnable done) {
    Long id = openId.get();
    if (id == null || busy.get()) {
      done.run();
      return;
    }
    tasks
        .run(() -> gateway.source().load(id))
        .onSuccess(
            loaded -> {
              if (Objects.equals(openId.get(), id) && !busy.get()) {
                CheckpointDetail before = detail.get();
                loaded.ifPresentOrElse(this::show, () -> gone(id));
                loaded.ifPresent(after -> noteChange(before, after));
              }
              done.run();
            })
        .onFailure(failure -> done.run());
  }

  private void noteChange(CheckpointDetail before, CheckpointDetail after) {
    if (before == null || before.checkpoint().id() != after.checkpoint().id()) {
      return;
    }
    List<FieldChange> changes = diff.between(before, after);
    if (changes.isEmpty() || diff.onlyBy(before, after, login)) {
      return;
    }
    List<String> who = diff.changedBy(before, after);
    banner.set(
        (who.isEmpty() ? "Changed" : "Changed by " + String.join(", ", who))
            + " while you had it open: "
            + String.join("; ", changes.stream().map(FieldChange::toString).toList()));
  }

  /** The reviewer read the banner and closed it. */
  public void dismissBanner() {
    banner.set("");
  }

  private void show(CheckpointDetail loaded) {
    detail.set(loaded);
    shown.set(text.of(loaded, login));
  }

  private void gone(long id) {
    say("Checkpoint " + id + " no longer exists.", true);
  }

  public void approve() {
    send(
        new CheckpointAction.Approve(
            id(), blankToNull(note.get()), blankToNull(overrideReason.get()), key("approve")));
  }

  public void reject() {
    if (note.get().isBlank()) {
      say("Write the reason for the rejection in the note; the requester will read it.", true);
      return;
    }
    send(new CheckpointAction.Reject(id(), note.get().strip(), key("reject")));
  }

  public void hold() {
    if (note.get().isBlank()) {
      say("Write the reason for the hold in the note.", true);
      return;
    }
    send(new CheckpointAction.Hold(id(), note.get().strip(), key("hold")));
  }

  public void unhold() {
    send(new CheckpointAction.Unhold(id(), blankToNull(note.get()), key("unhold")));
  }

  public void refund() {
    if (note.get().isBlank()) {
      say("Write the reason for the refund in the note.", true);
      return;
    }
    send(new CheckpointAction.Refund(id(), note.get().strip(), key("refund")));
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
    CheckpointDetail seen = detail.get();
    if (refusedOffline()) {
      return;
    }
    busy.set(true);
    tasks
        .run(() -> gateway.preview().preview(release))
        .onSuccess(
            result -> {
              busy.set(false);
              if (result.ok()) {
                pendingRelease = new Sent(release, seen.basis(), seen);
                confirmation.set(text.confirmation(seen, result));
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

  /**
   * Posts the release the confirmation showed, with the key it was previewed under and the state it
   * was previewed on.
   */
  public void confirmRelease() {
    if (pendingRelease != null && !refusedOffline()) {
      Sent release = pendingRelease;
      pendingRelease = null;
      confirmation.set("");
      run(release);
    }
  }

  public void cancelRelease() {
    pendingRelease = null;
    confirmation.set("");
  }

  /** Sends the action that was not saved again, under the same key and on the same basis. */
  public void retry() {
    if (failed != null && !refusedOffline()) {
      run(failed);
    }
  }

  /**
   * Sends the action a stale refusal turned down again, on top of the checkpoint as it is now. A
   * release goes back to its confirmation first: the amounts may have changed.
   */
  public void reapply() {
    CheckpointDetail now = detail.get();
    if (reapply == null || now == null || refusedOffline()) {
      return;
    }
    CheckpointAction action = reapply;
    reapply = null;
    reapplyable.set(false);
    staleDiff.set("");
    if (action instanceof CheckpointAction.Release release) {
      prepare(release);
    } else {
      run(new Sent(action, now.basis(), now));
    }
  }

  private void send(CheckpointAction action) {
    CheckpointDetail seen = detail.get();
    if (!refusedOffline()) {
      run(new Sent(action, seen.basis(), seen));
    }
  }

  private void run(Sent sent) {
    busy.set(true);
    retryable.set(false);
    reapplyable.set(false);
    staleDiff.set("");
    tasks
        .run(() -> gateway.perform().perform(sent.action(), sent.basis()))
        .onSuccess(
            result -> {
              busy.set(false);
              failed = null;
              if (result.refusal().orElse(null) == MoneyRefusal.STALE) {
                staleRefused(sent);
              } else {
                done(result, "");
              }
            })
        .onFailure(
            failure -> {
              busy.set(false);
              if (UnknownOutcomes.unknown(failure)) {
                settle(sent);
              } else {
                notSaved(sent, ErrorText.describe(failure));
              }
            });
  }

  private void done(MoneyResult result, String prefix) {
    say(prefix + result.describe(), !result.ok());
    if (result.ok()) {
      note.set("");
      overrideReason.set("");
      amount.set("");
      banner.set("");
    }
    reload();
    changed.run();
  }

  private void notSaved(Sent sent, String why) {
    failed = sent;
    retryable.set(true);
    say(why + " Nothing is posted twice: Retry sends the same request again.", true);
  }

  private void staleRefused(Sent sent) {
    long id = sent.action().checkpointId();
    say("Not done: the checkpoint changed since you opened it. Nothing was saved.", true);
    busy.set(true);
    tasks
        .run(() -> gateway.source().load(id))
        .onSuccess(
            loaded -> {
              busy.set(false);
              if (!Objects.equals(openId.get(), id) || loaded.isEmpty()) {
                return;
              }
              CheckpointDetail now = loaded.get();
              show(now);
              banner.set("");
              staleDiff.set(StaleText.diff(diff, sent.seen(), now));
              String why =
                  StaleText.illegal(
                      sent.action(), shown.get(), statusText(now.checkpoint().status()));
              if (why.isEmpty()) {
                reapply = StaleText.rekeyed(sent.action());
                reapplyable.set(true);
                say(
                    "Not done: the checkpoint changed since you opened it. Check what changed;"
                        + " Re-apply sends your "
                        + StaleText.verb(sent.action())
                        + " on top of it.",
                    true);
              } else {
                say("Not done: the checkpoint changed since you opened it. " + why, true);
              }
            })
        .onFailure(
            failure -> {
              busy.set(false);
              say(ErrorText.describe(failure), true);
            });
  }

  // The connection dropped with the commit in flight: ask the database by key before anything is
  // sent again. A committed action is sent once more with the same key only to read its stored
  // answer (the database replays it; it has no second effect).
  private void settle(Sent sent) {
    settling.set(true);
    say("Connection lost while saving; checking whether it was saved…", false);
    outcomes.settle(
        sent.action().idempotencyKey(),
        committed -> {
          if (!committed) {
            settling.set(false);
            notSaved(sent, "It was not saved: the connection dropped first.");
            return;
          }
          tasks
              .run(() -> gateway.perform().perform(sent.action(), sent.basis()))
              .onSuccess(
                  result -> {
                    settling.set(false);
                    done(result, "The connection dropped, but it was saved: ");
                  })
              .onFailure(
                  failure -> {
                    settling.set(false);
                    say("It was saved before the connection dropped.", false);
                    reload();
                    changed.run();
                  });
        },
        gaveUp -> {
          settling.set(false);
          notSaved(
              sent, "The database is still out of reach, so it is not known whether it was saved.");
        });
  }

  private boolean refusedOffline() {
    if (online.get()) {
      return false;
    }
    say(OFFLINE, true);
    return true;
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

  /** The checkpoint shown (or being loaded), null when none is. */
  public ReadOnlyObjectProperty<Long> openIdProperty() {
    return openId.getReadOnlyProperty();
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

  /** True while a lost action's outcome is being settled by its key. */
  public ReadOnlyBooleanProperty settlingProperty() {
    return settling.getReadOnlyProperty();
  }

  /** "Changed by … while you had it open: …"; empty when nothing changed under the reviewer. */
  public ReadOnlyStringProperty bannerProperty() {
    return banner.getReadOnlyProperty();
  }

  /** After a stale refusal: who changed what, one field a line ("Status: Submitted → On hold"). */
  public ReadOnlyStringProperty staleDiffProperty() {
    return staleDiff.getReadOnlyProperty();
  }

  /** Whether the refused action is still possible and can be re-applied on top. */
  public ReadOnlyBooleanProperty reapplyableProperty() {
    return reapplyable.getReadOnlyProperty();
  }
}
