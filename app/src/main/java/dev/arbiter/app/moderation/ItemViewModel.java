package dev.arbiter.app.moderation;

import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.app.live.ChangeSet;
import dev.arbiter.model.moderation.FlagStatus;
import dev.arbiter.persistence.moderation.DecisionEntry;
import dev.arbiter.persistence.moderation.DecisionRequest;
import dev.arbiter.persistence.moderation.ItemDetail;
import dev.arbiter.persistence.moderation.ItemKey;
import dev.arbiter.persistence.moderation.ModerationRefusal;
import dev.arbiter.persistence.moderation.QueueRow;
import dev.arbiter.persistence.session.ConnectionFailures;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;

/**
 * The selected item: its detail, who holds the claim, and the commands on it. Claim state comes
 * from the queue row, so after every command the queue reloads and hands the fresh row back here.
 * The detail is read again when the item changes in the database; a change someone else made while
 * the moderator had it open is described in {@link #changedTextProperty()}.
 */
public final class ItemViewModel {

  static final String OFFLINE =
      "Offline: the database cannot be reached, so nothing was sent. Try again once the"
          + " connection is back.";
  private static final Set<ModerationRefusal.Kind> STALE =
      Set.of(
          ModerationRefusal.Kind.CHANGED_SINCE_SEEN,
          ModerationRefusal.Kind.CLAIMED_BY_OTHER,
          ModerationRefusal.Kind.NOTHING_OPEN);

  private final ModerationGateway gateway;
  private final TaskRunner tasks;
  private final String me;
  private final Runnable changed;
  private final ObservableBooleanValue online;
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
  private final ReadOnlyStringWrapper changedText = new ReadOnlyStringWrapper("");
  private final PendingDecisionViewModel pending = new PendingDecisionViewModel();
  private long shown;
  private ItemKey lastKey;

  public ItemViewModel(
      ModerationGateway gateway,
      TaskRunner tasks,
      String me,
      Runnable changed,
      Locale locale,
      ZoneId zone) {
    this(gateway, tasks, me, changed, new SimpleBooleanProperty(true), locale, zone);
  }

  /**
   * @param me the signed-in login, to tell one's own claim from a colleague's
   * @param changed reloads the queue after a command changed the item
   * @param online false while the database cannot be reached: commands are refused, and a decision
   *     whose answer was lost is settled when it turns true again
   */
  public ItemViewModel(
      ModerationGateway gateway,
      TaskRunner tasks,
      String me,
      Runnable changed,
      ObservableBooleanValue online,
      Locale locale,
      ZoneId zone) {
    this.gateway = gateway;
    this.tasks = tasks;
    this.me = me;
    this.changed = changed;
    this.online = online;
    this.time =
        DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).withZone(zone);
    online.addListener(
        (obs, was, now) -> {
          if (now && pending.stateProperty().get() == PendingDecisionViewModel.State.SETTLING) {
            settle();
          }
        });
  }

  /** Shows {@code selected} (null clears the pane) and loads its detail. */
  public void show(QueueRow selected) {
    // The table clears its selection while the queue reloads, so compare with the last item shown.
    boolean sameItem = selected != null && selected.key().equals(lastKey);
    if (selected != null) {
      lastKey = selected.key();
    }
    row.set(selected);
    updateClaim();
    if (!sameItem) {
      // The message reports the last command (often on the item just decided), so it stays.
      error.set("");
      changedText.set("");
      pending.clear();
    }
    if (selected == null) {
      detail.set(null);
      return;
    }
    // A fresh row of the same item (the queue re-read) needs no new detail: live changes and
    // commands reload it themselves.
    if (!sameItem || detail.get() == null || !detail.get().key().equals(selected.key())) {
      load(selected.key(), false);
    }
  }

  /** Reads the shown item again when {@code changes} concern it. FX thread. */
  public void changed(ChangeSet changes) {
    QueueRow current = row.get();
    if (current != null && LiveTables.touches(changes, current)) {
      load(current.key(), true);
    }
  }

  private void load(ItemKey key, boolean live) {
    long mine = ++shown;
    tasks
        .run(() -> gateway.load(key))
        .onSuccess(
            loaded -> {
              if (mine == shown) {
                ItemDetail before = detail.get();
                if (live && before != null && before.key().equals(loaded.key())) {
                  describeChange(before, loaded);
                }
                detail.set(loaded);
                updateClaim();
              }
            })
        .onFailure(
            failure -> {
              if (mine == shown) {
                error.set(Refusals.describe(failure));
              }
            });
  }

  // Only what others did is news: the moderator's own commands report in the message line.
  private void describeChange(ItemDetail before, ItemDetail now) {
    List<String> diffs = ItemChanges.between(before, now);
    Set<String> actors = ItemChanges.actorsSince(before, now);
    boolean onlyMine = !actors.isEmpty() && actors.stream().allMatch(me::equals);
    if (diffs.isEmpty() || onlyMine) {
      return;
    }
    List<String> others = actors.stream().filter(a -> !a.equals(me)).toList();
    // Cleared first, so a banner the moderator dismissed shows again for the next change.
    changedText.set("");
    changedText.set(
        (others.isEmpty() ? "Changed" : "Changed by " + String.join(", ", others))
            + " while you had it open: "
            + String.join("; ", diffs));
  }

  private void updateClaim() {
    QueueRow selected = row.get();
    ItemDetail current = detail.get();
    boolean open = selected != null && selected.status() == FlagStatus.OPEN;
    // The queue drops an item decided elsewhere, so its row stays behind; the detail knows better.
    boolean closedSince =
        open
            && current != null
            && current.key().equals(selected.key())
            && !current.flags().isEmpty()
            && ItemChanges.openFlagIds(current).isEmpty();
    String holder = selected == null ? null : selected.claimant();
    open = open && !closedSince;
    claimedByMe.set(open && me.equals(holder));
    claimedByOther.set(open && holder != null && !me.equals(holder));
    canClaim.set(open && !claimedByOther.get());
    if (closedSince) {
      claimText.set("Closed: " + ItemChanges.status(current));
    } else if (!open) {
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
    decide(request, () -> {});
  }

  /**
   * Decides the shown item on the open flags its detail shows; {@code onSaved} runs once the
   * decision is known to be saved (e.g. to drop the draft of its note).
   */
  public void decide(DecisionRequest request, Runnable onSaved) {
    ItemDetail basis = detail.get();
    if (basis == null || !basis.key().equals(request.key())) {
      error.set("Wait until the item has loaded, then decide.");
      return;
    }
    send(request, ItemChanges.openFlagIds(basis), basis, false, onSaved);
  }

  /** Sends the refused decision again, on the item's flags as they are now. */
  public void reapply() {
    ItemDetail now = detail.get();
    DecisionRequest request = pending.request();
    if (!pending.canReapplyProperty().get() || request == null || now == null) {
      return;
    }
    boolean claimFirst = !me.equals(ItemChanges.claimant(now));
    send(request, ItemChanges.openFlagIds(now), now, claimFirst, pending.onSaved());
  }

  /** Sends a decision that did not commit before the connection dropped, on the same flags. */
  public void retry() {
    ItemDetail now = detail.get();
    if (pending.stateProperty().get() == PendingDecisionViewModel.State.UNSAVED && now != null) {
      send(pending.request(), pending.seen(), now, false, pending.onSaved());
    }
  }

  public void discardPending() {
    pending.clear();
  }

  private void send(
      DecisionRequest request,
      List<Long> seen,
      ItemDetail basis,
      boolean claimFirst,
      Runnable onSaved) {
    if (busy.get()) {
      return;
    }
    if (!online.get()) {
      error.set(OFFLINE);
      return;
    }
    busy.set(true);
    error.set("");
    pending.clear();
    tasks
        .run(
            () -> {
              if (claimFirst) {
                gateway.claim(request.key());
              }
              return gateway.decide(request, seen);
            })
        .onSuccess(
            id -> {
              busy.set(false);
              message.set(done(request));
              onSaved.run();
              afterCommand();
            })
        .onFailure(
            failure -> {
              busy.set(false);
              message.set("");
              if (ConnectionFailures.isConnectionLost(failure)) {
                pending.settling(request, seen, onSaved);
                if (online.get()) {
                  settle();
                }
              } else if (failure instanceof ModerationRefusal refusal
                  && STALE.contains(refusal.kind())) {
                refusedAsStale(request, basis, refusal, onSaved);
              } else {
                error.set(Refusals.describe(failure));
                afterCommand();
              }
            });
  }

  private static String done(DecisionRequest request) {
    return DecisionRequest.describe(request.decision()) + ": done for " + request.key().label();
  }

  private void refusedAsStale(
      DecisionRequest request, ItemDetail basis, ModerationRefusal refusal, Runnable onSaved) {
    long mine = ++shown;
    tasks
        .run(() -> gateway.load(request.key()))
        .onSuccess(
            now -> {
              if (mine == shown) {
                detail.set(now);
                updateClaim();
                pending.stale(request, basis, now, me, sentence(refusal.getMessage()), onSaved);
              }
              changed.run();
            })
        .onFailure(failure -> error.set(Refusals.describe(refusal)));
  }

  // No idempotency key: whether the decision committed is read from the item itself.
  private void settle() {
    DecisionRequest request = pending.request();
    List<Long> seen = pending.seen();
    Runnable onSaved = pending.onSaved();
    tasks
        .run(() -> gateway.load(request.key()))
        .onSuccess(
            now -> {
              if (pending.request() != request) {
                return;
              }
              if (ItemChanges.decidedBy(now, seen, me, request.decision())) {
                pending.clear();
                message.set(done(request) + " (saved before the connection dropped)");
                onSaved.run();
              } else {
                pending.unsaved();
              }
              if (detail.get() != null && detail.get().key().equals(now.key())) {
                detail.set(now);
                updateClaim();
              }
              changed.run();
            })
        .onFailure(
            failure -> {
              // Still unreachable: stay settling; going online again settles it.
              if (!ConnectionFailures.isConnectionLost(failure)) {
                error.set(Refusals.describe(failure));
              }
            });
  }

  private static String sentence(String text) {
    if (text == null || text.isBlank()) {
      return "the item changed after you opened it.";
    }
    return text.endsWith(".") ? text : text + ".";
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
    if (!online.get()) {
      error.set(OFFLINE);
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
    QueueRow now = row.get();
    if (now != null && current != null && now.key().equals(current.key())) {
      load(now.key(), false);
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

  /** What someone else changed while the item was open, with who; empty when nothing. */
  public ReadOnlyStringProperty changedTextProperty() {
    return changedText.getReadOnlyProperty();
  }

  public PendingDecisionViewModel pending() {
    return pending;
  }
}
