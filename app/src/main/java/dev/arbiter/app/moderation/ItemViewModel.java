package dev.arbiter.app.moderation;

import dev.arbiter.app.common.command.StatusLines;
import dev.arbiter.app.live.ChangeSet;
import dev.arbiter.persistence.moderation.DecisionEntry;
import dev.arbiter.persistence.moderation.DecisionRequest;
import dev.arbiter.persistence.moderation.ItemDetail;
import dev.arbiter.persistence.moderation.ItemKey;
import dev.arbiter.persistence.moderation.QueueRow;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The selected item: its detail, who holds the claim, and the commands on it. Claim state comes
 * from the queue row, so after every command the queue reloads and hands the fresh row back here.
 * The detail is read again when the item changes in the database; a change someone else made while
 * the moderator had it open is described in {@link #changedTextProperty()}. The commands, and the
 * decisions that did not go through, are handled by {@link ItemCommands}.
 */
public final class ItemViewModel {

  static final String OFFLINE =
      "Offline: the database cannot be reached, so nothing was sent. Try again once the"
          + " connection is back.";

  private final ModerationWork work;
  private final String me;
  private final ClaimStatus claim;
  private final ShownItem item;
  private final StatusLines status = new StatusLines();
  private final ItemCommands commands;
  private final ReadOnlyStringWrapper changedText = new ReadOnlyStringWrapper("");
  private ItemKey lastKey;

  /**
   * @param work its runner sends the commands: refused while offline, and a decision whose answer
   *     was lost is settled by its key once online
   * @param me the signed-in login, to tell one's own claim from a colleague's
   */
  public ItemViewModel(ModerationWork work, String me, Locale locale, ZoneId zone) {
    this.work = work;
    this.me = me;
    this.claim = new ClaimStatus(me, locale, zone);
    this.item = new ShownItem(claim);
    this.commands = new ItemCommands(work, me, status, item, this::afterCommand);
  }

  /** Shows {@code selected} (null clears the pane) and loads its detail. */
  public void show(QueueRow selected) {
    // The table clears its selection while the queue reloads, so compare with the last item shown.
    boolean sameItem = selected != null && selected.key().equals(lastKey);
    if (selected != null) {
      lastKey = selected.key();
    }
    item.row(selected);
    if (!sameItem) {
      // The message reports the last command (often on the item just decided), so it stays.
      status.error("");
      changedText.set("");
      commands.discard();
    }
    if (selected == null) {
      item.detail(null);
      return;
    }
    // A fresh row of the same item (the queue re-read) needs no new detail: live changes and
    // commands reload it themselves.
    if (!sameItem || !item.shows(selected.key())) {
      load(selected.key(), false);
    }
  }

  /** Reads the shown item again when {@code changes} concern it. FX thread. */
  public void changed(ChangeSet changes) {
    QueueRow current = item.row();
    if (current != null && LiveTables.touches(changes, current)) {
      load(current.key(), true);
    }
  }

  private void load(ItemKey key, boolean live) {
    long read = item.nextRead();
    work.tasks()
        .run(() -> work.gateway().load(key))
        .onSuccess(
            loaded -> {
              if (item.isLatest(read)) {
                ItemDetail before = item.detail();
                if (live && before != null && before.key().equals(loaded.key())) {
                  announce(ItemChanges.news(before, loaded, me));
                }
                item.detail(loaded);
              }
            })
        .onFailure(
            failure -> {
              if (item.isLatest(read)) {
                status.error(Refusals.describe(failure));
              }
            });
  }

  // Only what others did is news: the moderator's own commands report in the message line.
  private void announce(String news) {
    if (!news.isEmpty()) {
      // Cleared first, so a banner the moderator dismissed shows again for the next change.
      changedText.set("");
      changedText.set(news);
    }
  }

  public void claim() {
    QueueRow current = item.row();
    if (current != null && claim.canClaimProperty().get()) {
      commands.run(
          "Claim " + ModerationWords.item(current.key()),
          () -> work.gateway().claim(current.key()),
          "Claimed " + ModerationWords.item(current.key()));
    }
  }

  public void release() {
    QueueRow current = item.row();
    if (current != null && claim.claimedByMeProperty().get()) {
      commands.run(
          "Release " + ModerationWords.item(current.key()),
          () -> {
            work.gateway().release(current.key());
            return null;
          },
          "Released " + ModerationWords.item(current.key()));
    }
  }

  /** Decides the shown item; the item then leaves the open queue. */
  public void decide(DecisionRequest request) {
    decide(request, () -> {});
  }

  /**
   * Decides the shown item on the open flags its detail shows; {@code onSaved} runs once the
   * decision is known to be saved (e.g. to drop the draft of its note).
   */
  public void decide(DecisionRequest request, Runnable onSaved) {
    commands.decide(request, onSaved);
  }

  /** Sends the refused decision again, on the item's flags as they are now. */
  public void reapply() {
    commands.reapply();
  }

  /** Sends a decision that did not commit before the connection dropped, on the same flags. */
  public void retry() {
    commands.retry();
  }

  public void discardPending() {
    commands.discard();
  }

  /** Undoes the latest decision on the item that can still be undone. */
  public void undoLatest() {
    latestUndoable()
        .ifPresent(
            d ->
                commands.run(
                    "Undo decision " + d.id(),
                    () -> {
                      work.gateway().undo(d.id());
                      return null;
                    },
                    "Undid decision " + d.id() + " (" + d.decision().dbValue() + ")"));
  }

  public Optional<DecisionEntry> latestUndoable() {
    ItemDetail current = item.detail();
    return current == null
        ? Optional.empty()
        : current.decisions().stream().filter(DecisionEntry::undoable).findFirst();
  }

  private void afterCommand() {
    QueueRow current = item.row();
    work.queueChanged().run();
    // The queue row may be unchanged (an undo) while the detail changed: reload it too. If the
    // item left the queue, showing the next one supersedes this load.
    QueueRow now = item.row();
    if (now != null && current != null && now.key().equals(current.key())) {
      load(now.key(), false);
    }
  }

  public ReadOnlyObjectProperty<QueueRow> rowProperty() {
    return item.rowProperty();
  }

  public ReadOnlyObjectProperty<ItemDetail> detailProperty() {
    return item.detailProperty();
  }

  public ReadOnlyStringProperty claimTextProperty() {
    return claim.textProperty();
  }

  public ReadOnlyBooleanProperty claimedByMeProperty() {
    return claim.claimedByMeProperty();
  }

  public ReadOnlyBooleanProperty claimedByOtherProperty() {
    return claim.claimedByOtherProperty();
  }

  public ReadOnlyBooleanProperty canClaimProperty() {
    return claim.canClaimProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return status.busyProperty();
  }

  public ReadOnlyStringProperty messageProperty() {
    return status.messageProperty();
  }

  public ReadOnlyStringProperty errorProperty() {
    return status.errorProperty();
  }

  /** What someone else changed while the item was open, with who; empty when nothing. */
  public ReadOnlyStringProperty changedTextProperty() {
    return changedText.getReadOnlyProperty();
  }

  public PendingDecisionViewModel pending() {
    return commands.pending();
  }
}
