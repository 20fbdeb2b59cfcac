package dev.arbiter.app.moderation;

import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.persistence.moderation.DecisionRequest;
import dev.arbiter.persistence.moderation.ItemDetail;
import dev.arbiter.persistence.moderation.ModerationRefusal;
import dev.arbiter.persistence.session.ConnectionFailures;
import java.util.List;
import java.util.Set;
import javafx.beans.value.ObservableBooleanValue;

/**
 * Sends the moderator's decisions on the shown item and keeps the ones that did not go through in
 * {@link PendingDecisionViewModel}: a refusal because the item changed reads it again and offers
 * re-apply on its current flags; a lost connection reads the item back, once online, to tell
 * whether the decision committed.
 */
final class DecisionSender {

  private static final Set<ModerationRefusal.Kind> STALE =
      Set.of(
          ModerationRefusal.Kind.CHANGED_SINCE_SEEN,
          ModerationRefusal.Kind.CLAIMED_BY_OTHER,
          ModerationRefusal.Kind.NOTHING_OPEN);

  private final ModerationGateway gateway;
  private final TaskRunner tasks;
  private final String me;
  private final ObservableBooleanValue online;
  private final CommandStatus status;
  private final ShownItem item;
  private final Runnable queueChanged;
  private final Runnable afterCommand;
  private final PendingDecisionViewModel pending = new PendingDecisionViewModel();

  /**
   * @param queueChanged reloads the queue after the item changed
   * @param afterCommand reloads the queue and the item after a decision ran or was refused for good
   */
  DecisionSender(
      ModerationGateway gateway,
      TaskRunner tasks,
      String me,
      ObservableBooleanValue online,
      CommandStatus status,
      ShownItem item,
      Runnable queueChanged,
      Runnable afterCommand) {
    this.gateway = gateway;
    this.tasks = tasks;
    this.me = me;
    this.online = online;
    this.status = status;
    this.item = item;
    this.queueChanged = queueChanged;
    this.afterCommand = afterCommand;
    online.addListener(
        (obs, was, now) -> {
          if (now && pending.stateProperty().get() == PendingDecisionViewModel.State.SETTLING) {
            settle();
          }
        });
  }

  PendingDecisionViewModel pending() {
    return pending;
  }

  /** Decides on the open flags the shown detail lists. */
  void decide(DecisionRequest request, Runnable onSaved) {
    ItemDetail basis = item.detail();
    if (basis == null || !basis.key().equals(request.key())) {
      status.error("Wait until the item has loaded, then decide.");
      return;
    }
    send(request, ItemChanges.openFlagIds(basis), basis, false, onSaved);
  }

  /** Sends the refused decision again, on the item's flags as they are now. */
  void reapply() {
    ItemDetail now = item.detail();
    DecisionRequest request = pending.request();
    if (!pending.canReapplyProperty().get() || request == null || now == null) {
      return;
    }
    boolean claimFirst = !me.equals(ItemChanges.claimant(now));
    send(request, ItemChanges.openFlagIds(now), now, claimFirst, pending.onSaved());
  }

  /** Sends a decision that did not commit before the connection dropped, on the same flags. */
  void retry() {
    ItemDetail now = item.detail();
    if (pending.stateProperty().get() == PendingDecisionViewModel.State.UNSAVED && now != null) {
      send(pending.request(), pending.seen(), now, false, pending.onSaved());
    }
  }

  void discard() {
    pending.clear();
  }

  private void send(
      DecisionRequest request,
      List<Long> seen,
      ItemDetail basis,
      boolean claimFirst,
      Runnable onSaved) {
    if (!status.start()) {
      return;
    }
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
              status.succeeded(done(request));
              onSaved.run();
              afterCommand.run();
            })
        .onFailure(
            failure -> {
              status.failed();
              if (ConnectionFailures.isConnectionLost(failure)) {
                pending.settling(request, seen, onSaved);
                if (online.get()) {
                  settle();
                }
              } else if (failure instanceof ModerationRefusal refusal
                  && STALE.contains(refusal.kind())) {
                refusedAsStale(request, basis, refusal, onSaved);
              } else {
                status.error(Refusals.describe(failure));
                afterCommand.run();
              }
            });
  }

  private static String done(DecisionRequest request) {
    return DecisionRequest.describe(request.decision()) + ": done for " + request.key().label();
  }

  private void refusedAsStale(
      DecisionRequest request, ItemDetail basis, ModerationRefusal refusal, Runnable onSaved) {
    long read = item.nextRead();
    tasks
        .run(() -> gateway.load(request.key()))
        .onSuccess(
            now -> {
              if (item.isLatest(read)) {
                item.detail(now);
                pending.stale(request, basis, now, me, sentence(refusal.getMessage()), onSaved);
              }
              queueChanged.run();
            })
        .onFailure(failure -> status.error(Refusals.describe(refusal)));
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
                status.message(done(request) + " (saved before the connection dropped)");
                onSaved.run();
              } else {
                pending.unsaved();
              }
              if (item.shows(now.key())) {
                item.detail(now);
              }
              queueChanged.run();
            })
        .onFailure(
            failure -> {
              // Still unreachable: stay settling; going online again settles it.
              if (!ConnectionFailures.isConnectionLost(failure)) {
                status.error(Refusals.describe(failure));
              }
            });
  }

  private static String sentence(String text) {
    if (text == null || text.isBlank()) {
      return "the item changed after you opened it.";
    }
    return text.endsWith(".") ? text : text + ".";
  }
}
