package dev.arbiter.app.moderation;

import dev.arbiter.app.common.OutcomeByKey;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.persistence.moderation.DecisionRequest;
import dev.arbiter.persistence.moderation.ItemDetail;
import dev.arbiter.persistence.moderation.ModerationDecisionService;
import dev.arbiter.persistence.moderation.ModerationRefusal;
import java.util.List;
import java.util.Set;
import javafx.beans.value.ObservableBooleanValue;

/**
 * Sends the moderator's decisions on the shown item and keeps the ones that did not go through in
 * {@link PendingDecisionViewModel}: a refusal because the item changed reads it again and offers
 * re-apply on its current flags (a new decision, under a new key); a lost connection asks, once
 * online, whether the decision's request key was recorded, and only then reports it saved or offers
 * Retry, which sends it under the same key so that it acts once.
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
  private final CommandStatus status;
  private final ShownItem item;
  private final Runnable queueChanged;
  private final Runnable afterCommand;
  private final PendingDecisionViewModel pending = new PendingDecisionViewModel();
  private final OutcomeByKey outcomes;

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
    this.status = status;
    this.item = item;
    this.queueChanged = queueChanged;
    this.afterCommand = afterCommand;
    this.outcomes = new OutcomeByKey(gateway::committed, tasks, online);
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
    if (refuseWhileSettling()) {
      return;
    }
    send(request, ItemChanges.openFlagIds(basis), basis, false, onSaved, newKey());
  }

  /** Sends the refused decision again, on the item's flags as they are now. */
  void reapply() {
    ItemDetail now = item.detail();
    DecisionRequest request = pending.request();
    if (!pending.canReapplyProperty().get() || request == null || now == null) {
      return;
    }
    boolean claimFirst = !me.equals(ItemChanges.claimant(now));
    send(request, ItemChanges.openFlagIds(now), now, claimFirst, pending.onSaved(), newKey());
  }

  /**
   * Sends a decision that did not commit before the connection dropped again, on the same flags and
   * under the same key: if it did commit after all, the database replays it instead.
   */
  void retry() {
    ItemDetail now = item.detail();
    if (pending.stateProperty().get() == PendingDecisionViewModel.State.UNSAVED && now != null) {
      send(pending.request(), pending.seen(), now, false, pending.onSaved(), pending.requestKey());
    }
  }

  void discard() {
    pending.clear();
  }

  // One key per decision the moderator takes; its retries keep it.
  private static String newKey() {
    return ModerationDecisionService.newRequestKey();
  }

  // A decision whose outcome is being checked may have committed: nothing else is sent on the item
  // until that is known, so it cannot be decided twice.
  private boolean refuseWhileSettling() {
    if (pending.stateProperty().get() == PendingDecisionViewModel.State.SETTLING) {
      status.error(PendingDecisionViewModel.CHECKING);
      return true;
    }
    return false;
  }

  private void send(
      DecisionRequest request,
      List<Long> seen,
      ItemDetail basis,
      boolean claimFirst,
      Runnable onSaved,
      String key) {
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
              return gateway.decide(request, seen, key);
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
              if (OutcomeByKey.unknown(failure)) {
                pending.settling(request, key, seen, onSaved);
                settle(request, key, onSaved);
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

  // Whether the decision committed is asked by its key, not guessed from the item: the moderator
  // may have moved on, or a colleague may have decided the same flags meanwhile.
  private void settle(DecisionRequest request, String key, Runnable onSaved) {
    outcomes.settle(
        key,
        committed -> {
          boolean current = key.equals(pending.requestKey());
          if (committed) {
            // Known saved: the draft may go, wherever the moderator is now.
            onSaved.run();
            if (current) {
              pending.clear();
              status.message(done(request) + " (saved before the connection dropped, once)");
              afterCommand.run();
            } else {
              queueChanged.run();
            }
          } else if (current) {
            pending.unsaved(null);
          }
        },
        failure -> {
          if (key.equals(pending.requestKey())) {
            pending.unsaved(Refusals.describe(failure));
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
