package dev.arbiter.app.releases;

import dev.arbiter.app.common.MoneyFormat;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.app.common.command.CommandRunner;
import dev.arbiter.app.common.command.CommandSlot;
import dev.arbiter.app.common.command.StaffCommand;
import dev.arbiter.persistence.escrow.CheckpointAction;
import dev.arbiter.persistence.escrow.CheckpointBasis;
import dev.arbiter.persistence.escrow.CheckpointDetail;
import dev.arbiter.persistence.ledger.MoneyResult;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;

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

  /** The database calls this view model makes; the commands' keys are looked up by the runner. */
  public record Gateway(DetailSource source, Performer perform, Previewer preview) {}

  static final String OFFLINE =
      "Offline: the database cannot be reached, so nothing was sent. Your note is kept; try again"
          + " when the console is back online.";

  private final Gateway gateway;
  private final CommandRunner commands;
  private final Runnable changed;
  private final ActionFeedback feedback = new ActionFeedback();
  private final ChangeNotice notice;
  private final CheckpointText text;
  private final OpenCheckpoint checkpoint;
  private final CheckpointInput form;
  private final MoneyConfirmation<SentAction> release;
  private final StaleRefusal stale;
  private final CommandSlot slot;
  private final ReadOnlyStringWrapper approveRefusal = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper approveDisabled = new ReadOnlyBooleanWrapper(true);

  /**
   * @param commands sends the actions; while it is offline they refuse at once
   * @param login the signed-in reviewer, to tell them up front when four-eyes rules them out
   * @param changed told after any action that may have changed the queue
   */
  public CheckpointViewModel(
      Gateway gateway,
      TaskRunner tasks,
      CommandRunner commands,
      Locale locale,
      Clock clock,
      ZoneId zone,
      String login,
      Runnable changed) {
    this.gateway = gateway;
    this.commands = commands;
    this.changed = changed;
    MoneyFormat money = new MoneyFormat(locale);
    CheckpointText text = new CheckpointText(money, locale, zone, clock);
    this.text = text;
    CheckpointDiff diff = new CheckpointDiff(money);
    this.notice = new ChangeNotice(diff, login);
    CheckpointParts parts = new CheckpointParts(tasks, text, diff, feedback, notice, login);
    this.checkpoint = new OpenCheckpoint(gateway.source(), parts);
    this.form = new CheckpointInput(locale, feedback);
    this.release = new MoneyConfirmation<>(tasks, feedback);
    this.stale = new StaleRefusal(checkpoint, parts);
    this.slot = new CommandSlot(commands, feedback.busyFlag());
    approveRefusal.bind(
        Bindings.createStringBinding(
            () -> shown() == null ? "" : shown().approveRefusal(), checkpoint.shownProperty()));
    approveDisabled.bind(
        Bindings.createBooleanBinding(
            () -> shown() == null || !shown().canApprove(), checkpoint.shownProperty()));
  }

  private CheckpointText.Shown shown() {
    return checkpoint.shownProperty().get();
  }

  /** Shows checkpoint {@code id}, dropping any unconfirmed release of the previous one. */
  public void open(long id) {
    release.cancel();
    slot.forget();
    stale.offer().clear();
    feedback.clear();
    notice.clear();
    form.clear();
    checkpoint.open(id);
  }

  /** Reads the shown checkpoint again. */
  public void reload() {
    checkpoint.reload();
  }

  /**
   * Re-reads the open checkpoint after the change feed reported changes around it; when someone
   * else changed what the reviewer sees, the banner says what and who. {@code done} runs when the
   * read has finished, either way.
   */
  public void liveRefresh(Runnable done) {
    checkpoint.liveRefresh(done);
  }

  /** The reviewer read the banner and closed it. */
  public void dismissBanner() {
    notice.clear();
  }

  public void approve() {
    send(form.approve(checkpoint.detail()));
  }

  public void reject() {
    form.reject(checkpoint.detail()).ifPresent(this::send);
  }

  public void hold() {
    form.hold(checkpoint.detail()).ifPresent(this::send);
  }

  public void unhold() {
    send(form.unhold(checkpoint.detail()));
  }

  public void refund() {
    form.refund(checkpoint.detail()).ifPresent(this::send);
  }

  /** Previews releasing everything left on the checkpoint. */
  public void prepareFullRelease() {
    prepare(form.fullRelease(checkpoint.detail()));
  }

  /** Previews releasing the amount typed, read strictly in the checkpoint's currency. */
  public void preparePartialRelease() {
    form.partialRelease(checkpoint.detail()).ifPresent(this::prepare);
  }

  private void prepare(CheckpointAction.Release toPreview) {
    CheckpointDetail seen = checkpoint.detail();
    if (!refusedOffline()) {
      release.preview(
          () -> gateway.preview().preview(toPreview),
          SentAction.on(toPreview, seen),
          result -> text.confirmation(seen, result),
          refused -> feedback.say(text.result(refused), true));
    }
  }

  /**
   * Posts the release the confirmation showed, with the key it was previewed under and the state it
   * was previewed on.
   */
  public void confirmRelease() {
    if (release.waiting() && !refusedOffline()) {
      run(release.confirmed());
    }
  }

  public void cancelRelease() {
    release.cancel();
  }

  /** Sends the action that was not saved again, under the same key and on the same basis. */
  public void retry() {
    slot.retry();
  }

  /**
   * Sends the action a stale refusal turned down again, on top of the checkpoint as it is now. A
   * release goes back to its confirmation first: the amounts may have changed.
   */
  public void reapply() {
    CheckpointDetail now = checkpoint.detail();
    if (stale.offer().offered() == null || now == null || refusedOffline()) {
      return;
    }
    CheckpointAction action = stale.offer().take();
    if (action instanceof CheckpointAction.Release again) {
      prepare(again);
    } else {
      run(SentAction.on(action, now));
    }
  }

  private void send(CheckpointAction action) {
    CheckpointDetail seen = checkpoint.detail();
    if (!refusedOffline()) {
      run(SentAction.on(action, seen));
    }
  }

  private void run(SentAction sent) {
    CheckpointAction action = sent.action();
    slot.send(
        StaffCommand.replaying(
            action.idempotencyKey(),
            action.description(),
            () -> gateway.perform().perform(action, sent.basis())),
        new MoneyReply(feedback, slot) {
          @Override
          public void sending() {
            stale.offer().clear();
          }

          @Override
          void stale() {
            stale.refused(sent);
          }

          @Override
          void done(MoneyResult result, String prefix) {
            feedback.say(prefix + text.result(result), !result.ok());
            if (result.ok()) {
              form.clear();
              notice.clear();
            }
            reload();
            changed.run();
          }

          @Override
          void savedUnread() {
            reload();
            changed.run();
          }
        });
  }

  private boolean refusedOffline() {
    if (commands.isOnline()) {
      return false;
    }
    feedback.say(OFFLINE, true);
    return true;
  }

  /** {@code on_hold} reads as "On hold". */
  public static String statusText(String status) {
    String words = status.replace('_', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** The checkpoint shown (or being loaded), null when none is. */
  public ReadOnlyObjectProperty<Long> openIdProperty() {
    return checkpoint.openIdProperty();
  }

  public ReadOnlyObjectProperty<CheckpointDetail> detailProperty() {
    return checkpoint.detailProperty();
  }

  /**
   * True when Approve cannot apply to the checkpoint as shown; {@link #approveRefusalProperty} says
   * why.
   */
  public ReadOnlyBooleanProperty approveDisabledProperty() {
    return approveDisabled.getReadOnlyProperty();
  }

  /**
   * Why the reviewer cannot approve ("You already approved this submission; …"); empty if they can.
   */
  public ReadOnlyStringProperty approveRefusalProperty() {
    return approveRefusal.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<CheckpointText.Shown> shownProperty() {
    return checkpoint.shownProperty();
  }

  public StringProperty noteProperty() {
    return form.noteProperty();
  }

  public StringProperty overrideReasonProperty() {
    return form.overrideReasonProperty();
  }

  public StringProperty amountProperty() {
    return form.amountProperty();
  }

  public ReadOnlyStringProperty messageProperty() {
    return feedback.messageProperty();
  }

  public ReadOnlyBooleanProperty messageIsErrorProperty() {
    return feedback.errorProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return feedback.busyProperty();
  }

  public ReadOnlyStringProperty confirmationProperty() {
    return release.textProperty();
  }

  public ReadOnlyBooleanProperty retryableProperty() {
    return slot.retryableProperty();
  }

  /** True while a lost action's outcome is being settled by its key. */
  public ReadOnlyBooleanProperty settlingProperty() {
    return slot.settlingProperty();
  }

  /**
   * "Changed by … while you had it open: …", or that a re-read failed; empty when nothing changed
   * under the reviewer.
   */
  public ReadOnlyStringProperty bannerProperty() {
    return notice.textProperty();
  }

  /** After a stale refusal: who changed what, one field a line ("Status: Submitted → On hold"). */
  public ReadOnlyStringProperty staleDiffProperty() {
    return stale.offer().diffProperty();
  }

  /** Whether the refused action is still possible and can be re-applied on top. */
  public ReadOnlyBooleanProperty reapplyableProperty() {
    return stale.offer().reapplyableProperty();
  }
}
