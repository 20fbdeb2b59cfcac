package dev.arbiter.app.moderation;

import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.model.moderation.FlagStatus;
import dev.arbiter.persistence.moderation.DecisionEntry;
import dev.arbiter.persistence.moderation.DecisionRequest;
import dev.arbiter.persistence.moderation.ItemDetail;
import dev.arbiter.persistence.moderation.ItemKey;
import dev.arbiter.persistence.moderation.QueueRow;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The selected item: its detail, who holds the claim, and the commands on it. Claim state comes
 * from the queue row, so after every command the queue reloads and hands the fresh row back here.
 */
public final class ItemViewModel {

  private final ModerationGateway gateway;
  private final TaskRunner tasks;
  private final String me;
  private final Runnable changed;
  private final DateTimeFormatter time;

  private final ReadOnlyObjectWrapper<QueueRow> row = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<ItemDetail> detail = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper claimText = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper claimedByMe = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper claimedByOther = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper canClaim = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
  private long shown;
  private ItemKey lastKey;

  /**
   * @param me the signed-in login, to tell one's own claim from a colleague's
   * @param changed reloads the queue after a command changed the item
   */
  public ItemViewModel(
      ModerationGateway gateway,
      TaskRunner tasks,
      String me,
      Runnable changed,
      Locale locale,
      ZoneId zone) {
    this.gateway = gateway;
    this.tasks = tasks;
    this.me = me;
    this.changed = changed;
    this.time =
        DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).withZone(zone);
  }

  /** Shows {@code selected} (null clears the pane) and loads its detail. */
  public void show(QueueRow selected) {
    // The table clears its selection while the queue reloads, so compare with the last item shown.
    boolean sameItem = selected != null && selected.key().equals(lastKey);
    if (selected != null) {
      lastKey = selected.key();
    }
    row.set(selected);
    updateClaim(selected);
    if (!sameItem) {
      // The message reports the last command (often on the item just decided), so it stays.
      error.set("");
    }
    if (selected == null) {
      detail.set(null);
      return;
    }
    load(selected);
  }

  private void load(QueueRow selected) {
    long mine = ++shown;
    tasks
        .run(() -> gateway.load(selected.key()))
        .onSuccess(
            loaded -> {
              if (mine == shown) {
                detail.set(loaded);
              }
            })
        .onFailure(
            failure -> {
              if (mine == shown) {
                error.set(Refusals.describe(failure));
              }
            });
  }

  private void updateClaim(QueueRow selected) {
    boolean open = selected != null && selected.status() == FlagStatus.OPEN;
    String holder = selected == null ? null : selected.claimant();
    claimedByMe.set(open && me.equals(holder));
    claimedByOther.set(open && holder != null && !me.equals(holder));
    canClaim.set(open && !claimedByOther.get());
    if (!open) {
      claimText.set(selected == null ? "" : "Closed: " + selected.status().dbValue());
    } else if (holder == null) {
      claimText.set("Unclaimed: claim it (C) before acting");
    } else {
      String until = time.format(selected.claimedUntil());
      claimText.set(
          (me.equals(holder) ? "Claimed by you" : "Claimed by " + holder) + " until " + until);
    }
  }

  public void claim() {
    QueueRow current = row.get();
    if (current != null && canClaim.get()) {
      command(() -> gateway.claim(current.key()), "Claimed " + current.key().label());
    }
  }

  public void release() {
    QueueRow current = row.get();
    if (current != null && claimedByMe.get()) {
      command(
          () -> {
            gateway.release(current.key());
            return null;
          },
          "Released " + current.key().label());
    }
  }

  /** Decides the shown item; the item then leaves the open queue. */
  public void decide(DecisionRequest request) {
    command(
        () -> gateway.decide(request),
        DecisionRequest.describe(request.decision()) + ": done for " + request.key().label());
  }

  /** Undoes the latest decision on the item that can still be undone. */
  public void undoLatest() {
    latestUndoable()
        .ifPresent(
            d ->
                command(
                    () -> {
                      gateway.undo(d.id());
                      return null;
                    },
                    "Undid decision " + d.id() + " (" + d.decision().dbValue() + ")"));
  }

  public Optional<DecisionEntry> latestUndoable() {
    ItemDetail current = detail.get();
    return current == null
        ? Optional.empty()
        : current.decisions().stream().filter(DecisionEntry::undoable).findFirst();
  }

  private void command(Callable<?> work, String done) {
    if (busy.get()) {
      return;
    }
    busy.set(true);
    error.set("");
    tasks
        .run(work)
        .onSuccess(
            result -> {
              busy.set(false);
              message.set(done);
              afterCommand();
            })
        .onFailure(
            failure -> {
              busy.set(false);
              message.set("");
              error.set(Refusals.describe(failure));
              // A refusal usually means the item changed under us: show its current state.
              afterCommand();
            });
  }

  private void afterCommand() {
    QueueRow current = row.get();
    changed.run();
    // The queue row may be unchanged (an undo) while the detail changed: reload it too. If the
    // item left the queue, showing the next one supersedes this load.
    if (current != null && current == row.get()) {
      load(current);
    }
  }

  public ReadOnlyObjectProperty<QueueRow> rowProperty() {
    return row.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<ItemDetail> detailProperty() {
    return detail.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty claimTextProperty() {
    return claimText.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty claimedByMeProperty() {
    return claimedByMe.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty claimedByOtherProperty() {
    return claimedByOther.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canClaimProperty() {
    return canClaim.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }
}
