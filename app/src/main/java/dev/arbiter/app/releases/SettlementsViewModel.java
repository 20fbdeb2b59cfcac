package dev.arbiter.app.releases;

import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.ListMerge;
import dev.arbiter.app.common.MoneyFormat;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.app.common.command.CommandRunner;
import dev.arbiter.app.common.command.CommandSlot;
import dev.arbiter.app.common.command.StaffCommand;
import dev.arbiter.app.common.command.StaleOffer;
import dev.arbiter.persistence.ledger.IdempotencyKeys;
import dev.arbiter.persistence.ledger.MoneyRefusal;
import dev.arbiter.persistence.ledger.MoneyResult;
import dev.arbiter.persistence.settlements.ProposedSettlement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Settlements support proposed: read them with their dispute, then execute or send back. */
public final class SettlementsViewModel {

  /**
   * Executes or sends back a settlement: (id, the version the reviewer read, note, key) to the
   * database's answer, which is the refusal {@code stale} when the proposal changed meanwhile.
   */
  @FunctionalInterface
  public interface Decision {
    MoneyResult decide(long settlementId, int version, String note, String key);
  }

  /**
   * The database calls this view model makes: the proposals, the two decisions on one, and the
   * execution's dry run (run and rolled back) that the reviewer confirms.
   */
  public record Gateway(
      Supplier<List<ProposedSettlement>> proposals,
      Decision execute,
      Decision sendBack,
      Decision previewExecute) {}

  /** One proposal as shown. */
  public record SettlementItem(
      long settlementId,
      String dispute,
      String summary,
      String outcome,
      String toPayee,
      String toPayer,
      String held,
      boolean fundsHeld,
      String proposed,
      int version,
      ProposedSettlement proposal) {}

  // An execution the reviewer is asked to confirm: the proposal as read, the note, the key.
  private record Execution(SettlementItem item, String note, String key) {}

  private final Gateway gateway;
  private final TaskRunner tasks;
  private final CommandRunner commands;
  private final MoneyFormat money;
  private final SettlementItems itemText;
  private final ObservableList<SettlementItem> items = FXCollections.observableArrayList();
  private final ObjectProperty<Long> selected = new SimpleObjectProperty<>();
  private final StringProperty note = new SimpleStringProperty("");
  private final ActionFeedback feedback = new ActionFeedback();
  // What the message line says after a failed live re-read, cleared by the next that succeeds.
  private String liveFailure = "";
  private final CommandSlot slot;
  // Busy while a decision or a read is on its way, and while a lost decision is looked up.
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
  private final StaleOffer<Runnable> stale = new StaleOffer<>();
  private final MoneyConfirmation<Execution> confirmation;

  public SettlementsViewModel(
      Gateway gateway, TaskRunner tasks, CommandRunner commands, Locale locale, ZoneId zone) {
    this.gateway = gateway;
    this.tasks = tasks;
    this.commands = commands;
    this.money = new MoneyFormat(locale);
    this.itemText = new SettlementItems(money, locale, zone);
    this.slot = new CommandSlot(commands, feedback.busyFlag());
    this.confirmation = new MoneyConfirmation<>(tasks, feedback);
    busy.bind(feedback.busyProperty().or(slot.settlingProperty()));
    // What was said, offered or waiting concerned the settlement that was selected.
    selected.addListener(
        (obs, was, now) -> {
          confirmation.cancel();
          stale.clear();
          slot.forget();
          feedback.clear();
        });
  }

  public void reload() {
    read(items::setAll);
  }

  // Reads the proposals while the view shows busy; a failed read is said.
  private void read(Consumer<List<SettlementItem>> then) {
    feedback.busy(true);
    tasks
        .run(gateway.proposals()::get)
        .onSuccess(
            rows -> {
              feedback.busy(false);
              then.accept(rows.stream().map(itemText::item).toList());
            })
        .onFailure(feedback::failed);
  }

  /**
   * Re-reads the proposals after the change feed reported changes, merged in place; the selection
   * is by settlement id, so a row moving never turns a decision onto another settlement.
   */
  public void refreshLive(Runnable done) {
    tasks
        .run(gateway.proposals()::get)
        .onSuccess(
            rows -> {
              ListMerge.update(items, rows.stream().map(itemText::item).toList());
              if (feedback.messageProperty().get().equals(liveFailure)) {
                feedback.clear();
              }
              done.run();
            })
        .onFailure(
            failure -> {
              // The proposals shown stay, said to be out of date until a read succeeds; a message
              // about the reviewer's own action is not overwritten.
              String said = feedback.messageProperty().get();
              if (said.isEmpty() || said.equals(liveFailure)) {
                liveFailure =
                    "The proposals could not be brought up to date ("
                        + ErrorText.describe(failure)
                        + "). They show what was read before.";
                feedback.say(liveFailure, true);
              }
              done.run();
            });
  }

  /**
   * Asks the database what executing the selected settlement would post, without keeping it; the
   * reviewer confirms those entries ({@link #confirmExecution}) or the refusal is said at once.
   */
  public void executeSelected() {
    SettlementItem item = selectedItem();
    if (item == null) {
      feedback.say("Select a settlement first.", true);
    } else if (!commands.isOnline()) {
      feedback.say(CheckpointViewModel.OFFLINE, true);
    } else {
      prepare(item, noteText());
    }
  }

  private void prepare(SettlementItem item, String text) {
    long id = item.settlementId();
    int version = item.version();
    String key = IdempotencyKeys.next("settle");
    stale.clear();
    confirmation.preview(
        () -> gateway.previewExecute().decide(id, version, text, key),
        new Execution(item, text, key),
        preview -> itemText.confirmation(item, preview),
        refused -> {
          if (refused.refusal().orElse(null) == MoneyRefusal.STALE) {
            staleRefused(gateway.execute(), item, text);
          } else {
            feedback.say(notDone(item, gateway.execute()) + refused.describe(money::format), true);
          }
        });
  }

  /** Executes the settlement the confirmation showed, with the key and version it was run under. */
  public void confirmExecution() {
    if (!confirmation.waiting()) {
      return;
    }
    if (!commands.isOnline()) {
      feedback.say(CheckpointViewModel.OFFLINE, true);
      return;
    }
    Execution e = confirmation.confirmed();
    send(gateway.execute(), e.item(), e.note(), e.key());
  }

  /** The reviewer did not confirm: nothing was sent. */
  public void cancelExecution() {
    confirmation.cancel();
  }

  public void sendBackSelected() {
    if (note.get().isBlank()) {
      feedback.say("Write a note for support saying what the proposal needs.", true);
      return;
    }
    decide(gateway.sendBack(), true);
  }

  private void decide(Decision decision, boolean sendingBack) {
    SettlementItem item = selectedItem();
    if (item == null) {
      feedback.say("Select a settlement first.", true);
      return;
    }
    confirmation.cancel();
    String key = IdempotencyKeys.next(sendingBack ? "send-back" : "settle");
    send(decision, item, noteText(), key);
  }

  private SettlementItem selectedItem() {
    Long id = selected.get();
    return id == null
        ? null
        : items.stream().filter(i -> i.settlementId() == id).findFirst().orElse(null);
  }

  private String noteText() {
    return note.get().isBlank() ? null : note.get().strip();
  }

  /** Sends the decision that was not saved again, under the same key. */
  public void retry() {
    slot.retry();
  }

  /** Sends the decision a stale refusal turned down again, on the proposal as it is now. */
  public void reapply() {
    if (stale.offered() != null && commands.isOnline()) {
      stale.take().run();
    } else if (stale.offered() != null) {
      feedback.say(CheckpointViewModel.OFFLINE, true);
    }
  }

  private void send(Decision decision, SettlementItem item, String text, String key) {
    long id = item.settlementId();
    int version = item.version();
    slot.send(
        StaffCommand.replaying(
            key,
            (decision == gateway.execute() ? "Execute settlement " : "Send back settlement ") + id,
            () -> decision.decide(id, version, text, key)),
        new MoneyReply(feedback, slot) {
          @Override
          public void sending() {
            stale.clear();
          }

          @Override
          void stale() {
            staleRefused(decision, item, text);
          }

          @Override
          void done(MoneyResult result, String prefix) {
            decided(decision, item, result, prefix);
          }

          @Override
          void savedUnread() {
            reload();
          }
        });
  }

  // The proposal changed after the reviewer read it: show what changed and offer the same decision
  // on the proposal as it is now, under a new key (it is a new request).
  private void staleRefused(Decision decision, SettlementItem seen, String text) {
    read(
        fresh -> {
          ListMerge.update(items, fresh);
          SettlementItem now =
              fresh.stream()
                  .filter(i -> i.settlementId() == seen.settlementId())
                  .findFirst()
                  .orElse(null);
          if (now == null) {
            feedback.say("Not done: the settlement was decided or withdrawn meanwhile.", true);
            return;
          }
          List<String> changes = new ArrayList<>(List.of("Changed meanwhile:"));
          changes.addAll(SettlementItems.changes(seen, now));
          // An execution goes back to its confirmation, since the amounts may be what changed.
          stale.offer(
              "",
              changes,
              decision == gateway.execute()
                  ? () -> prepare(now, text)
                  : () -> send(decision, now, text, IdempotencyKeys.next("send-back")));
          feedback.say(
              "Not done: the proposal changed since you read it. Check what changed; Re-apply"
                  + " sends your decision on the proposal as it is now.",
              true);
        });
  }

  private void decided(Decision decision, SettlementItem item, MoneyResult result, String prefix) {
    String said;
    if (!result.ok()) {
      said = notDone(item, decision) + result.describe(money::format);
    } else if (decision == gateway.execute()) {
      said = itemText.executed(item.proposal(), result);
    } else {
      said = "Settlement for " + item.proposal().disputeReference() + " sent back to support.";
    }
    feedback.say(prefix + said, !result.ok());
    if (result.ok()) {
      note.set("");
    }
    reload();
  }

  private String notDone(SettlementItem item, Decision decision) {
    return "Settlement for "
        + item.proposal().disputeReference()
        + (decision == gateway.execute() ? " not executed: " : " not sent back: ");
  }

  public ObservableList<SettlementItem> items() {
    return items;
  }

  /** The settlement the reviewer selected, by id; null for none. */
  public ObjectProperty<Long> selectedProperty() {
    return selected;
  }

  public StringProperty noteProperty() {
    return note;
  }

  public ReadOnlyStringProperty messageProperty() {
    return feedback.messageProperty();
  }

  public ReadOnlyBooleanProperty messageIsErrorProperty() {
    return feedback.errorProperty();
  }

  /** After a stale refusal: what changed in the proposal, one field a line. */
  public ReadOnlyStringProperty staleDiffProperty() {
    return stale.diffProperty();
  }

  public ReadOnlyBooleanProperty reapplyableProperty() {
    return stale.reapplyableProperty();
  }

  public ReadOnlyBooleanProperty retryableProperty() {
    return slot.retryableProperty();
  }

  /** The journal an execution will post, waiting for the reviewer's word; empty when none waits. */
  public ReadOnlyStringProperty confirmationProperty() {
    return confirmation.textProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }
}
