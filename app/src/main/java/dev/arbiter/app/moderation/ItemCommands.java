package dev.arbiter.app.moderation;

import dev.arbiter.app.common.command.CommandReply;
import dev.arbiter.app.common.command.CommandSlot;
import dev.arbiter.app.common.command.StaffCommand;
import dev.arbiter.app.common.command.StatusLines;
import dev.arbiter.persistence.moderation.DecisionRequest;
import dev.arbiter.persistence.moderation.ItemDetail;
import dev.arbiter.persistence.moderation.ItemKey;
import dev.arbiter.persistence.moderation.ModerationDecisionService;
import dev.arbiter.persistence.moderation.ModerationRefusal;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The moderator's commands on the shown item, one at a time through the item's {@link CommandSlot}.
 * A decision that does not go through is kept in {@link PendingDecisionViewModel}: a refusal
 * because the item changed reads it again and offers re-apply on its current flags (a new decision,
 * under a new key); a lost connection is settled by the decision's request key, and only then
 * reported saved or offered for a retry under the same key, so that it acts once.
 */
final class ItemCommands {

  private static final Set<ModerationRefusal.Kind> STALE =
      Set.of(
          ModerationRefusal.Kind.CHANGED_SINCE_SEEN,
          ModerationRefusal.Kind.CLAIMED_BY_OTHER,
          ModerationRefusal.Kind.NOTHING_OPEN);

  private final ModerationWork work;
  private final String me;
  private final StatusLines lines;
  private final ShownItem item;
  private final Runnable afterCommand;
  private final CommandSlot slot;
  private final PendingDecisionViewModel pending = new PendingDecisionViewModel();

  /**
   * @param lines the item's status and error lines; its busy flag is the commands' too
   * @param afterCommand reloads the queue and the item after a command ran or was refused for good
   */
  ItemCommands(
      ModerationWork work, String me, StatusLines lines, ShownItem item, Runnable afterCommand) {
    this.work = work;
    this.me = me;
    this.lines = lines;
    this.item = item;
    this.afterCommand = afterCommand;
    this.slot = new CommandSlot(work.commands(), lines.busy());
  }

  PendingDecisionViewModel pending() {
    return pending;
  }

  /** Claims, releases or undoes: reports {@code done}, or the database's refusal. */
  <R> void run(String description, Callable<R> work, String done) {
    slot.send(
        StaffCommand.of(null, description, work),
        new ItemReply<R>() {
          @Override
          public void answered(R ignored) {
            lines.message(done);
            afterCommand.run();
          }

          @Override
          public void failed(Throwable failure) {
            lines.message("");
            lines.error(Refusals.describe(failure));
            // A refusal usually means the item changed under us: show its current state.
            afterCommand.run();
          }
        });
  }

  /** Decides on the open flags the shown detail lists. */
  void decide(DecisionRequest request, Runnable onSaved) {
    ItemDetail basis = item.detail();
    if (basis == null || !basis.key().equals(request.key())) {
      lines.error("Wait until the item has loaded, then decide.");
      return;
    }
    send(request, basis, false, onSaved);
  }

  /** Sends the refused decision again, on the item's flags as they are now (a new decision). */
  void reapply() {
    ItemDetail now = item.detail();
    DecisionRequest request = pending.request();
    if (!pending.canReapplyProperty().get() || request == null || now == null) {
      return;
    }
    boolean claimFirst = !me.equals(ItemChanges.claimant(now));
    send(request, now, claimFirst, pending.onSaved());
  }

  /**
   * Sends a decision that did not commit before the connection dropped again, on the same flags and
   * under the same key: if it did commit after all, the database replays it instead.
   */
  void retry() {
    if (pending.stateProperty().get() == PendingDecisionViewModel.State.UNSAVED
        && item.detail() != null) {
      slot.retry();
    }
  }

  /** The moderator moved on: the pending decision is dropped (a lookup under way still ends). */
  void discard() {
    pending.clear();
    slot.moveOn();
  }

  private void send(
      DecisionRequest request, ItemDetail basis, boolean claimFirst, Runnable onSaved) {
    Decision decision =
        new Decision(
            request,
            ItemChanges.openFlagIds(basis),
            claimFirst,
            // One key per decision the moderator takes; its retries keep it.
            ModerationDecisionService.newRequestKey());
    slot.send(decision, new DecisionReply(decision, basis, onSaved));
  }

  /** A decision on exactly the open flags the moderator saw, claiming the item first if asked. */
  private final class Decision implements StaffCommand<Long> {

    private final DecisionRequest request;
    private final List<Long> seen;
    private final String key;
    // Claimed once: a retry after the claim went through sends only the decision.
    private final AtomicBoolean claimFirst;

    Decision(DecisionRequest request, List<Long> seen, boolean claimFirst, String key) {
      this.request = request;
      this.seen = List.copyOf(seen);
      this.claimFirst = new AtomicBoolean(claimFirst);
      this.key = key;
    }

    @Override
    public String requestKey() {
      return key;
    }

    @Override
    public String description() {
      return DecisionRequest.describe(request.decision())
          + ": "
          + ModerationWords.item(request.key());
    }

    @Override
    public Long send() {
      if (claimFirst.get()) {
        work.gateway().claim(request.key());
        claimFirst.set(false);
      }
      return work.gateway().decide(request, seen, key);
    }
  }

  // What the item pane says when a command is held back; the rest is each command's own.
  private abstract class ItemReply<R> implements CommandReply<R> {

    @Override
    public void sending() {
      lines.error("");
    }

    @Override
    public void offline() {
      lines.error(ItemViewModel.OFFLINE);
    }

    // A decision whose outcome is being checked may have committed: nothing else is sent on the
    // item until that is known, so it cannot be decided twice.
    @Override
    public void held() {
      lines.error(PendingDecisionViewModel.CHECKING);
    }
  }

  private final class DecisionReply extends ItemReply<Long> {

    private final Decision decision;
    private final ItemDetail basis;
    private final Runnable onSaved;

    DecisionReply(Decision decision, ItemDetail basis, Runnable onSaved) {
      this.decision = decision;
      this.basis = basis;
      this.onSaved = onSaved;
    }

    @Override
    public void sending() {
      super.sending();
      pending.clear();
    }

    @Override
    public void answered(Long decisionId) {
      lines.message(done());
      onSaved.run();
      afterCommand.run();
    }

    @Override
    public void failed(Throwable failure) {
      lines.message("");
      if (failure instanceof ModerationRefusal refusal && STALE.contains(refusal.kind())) {
        refusedAsStale(refusal);
      } else {
        lines.error(Refusals.describe(failure));
        afterCommand.run();
      }
    }

    @Override
    public void checking() {
      lines.message("");
      pending.settling(decision.request, decision.key, onSaved);
    }

    // Whether the decision committed is asked by its key, not guessed from the item: the moderator
    // may have moved on, or a colleague may have decided the same flags meanwhile.
    @Override
    public void savedAfterAll(Long ignored) {
      // Known saved: the draft may go, wherever the moderator is now.
      onSaved.run();
      if (current()) {
        pending.clear();
        lines.message(done() + " (saved before the connection dropped, once)");
        afterCommand.run();
      } else {
        work.queueChanged().run();
      }
    }

    @Override
    public void notSaved(Throwable why) {
      if (current()) {
        pending.unsaved(why == null ? null : Refusals.describe(why));
      }
    }

    private boolean current() {
      return decision.key.equals(pending.requestKey());
    }

    private String done() {
      DecisionRequest request = decision.request;
      return DecisionRequest.describe(request.decision())
          + ": done for "
          + ModerationWords.item(request.key());
    }

    private void refusedAsStale(ModerationRefusal refusal) {
      DecisionRequest request = decision.request;
      ItemKey key = request.key();
      long read = item.nextRead();
      work.tasks()
          .run(() -> work.gateway().load(key))
          .onSuccess(
              now -> {
                if (item.isLatest(read)) {
                  item.detail(now);
                  // The database's message spells the item as stored and counts flags; the changes
                  // listed under it say the same in words.
                  pending.stale(
                      request,
                      basis,
                      now,
                      me,
                      ModerationWords.item(request.key()) + " changed after you opened it.",
                      onSaved);
                }
                work.queueChanged().run();
              })
          .onFailure(failure -> lines.error(Refusals.describe(refusal)));
    }
  }
}
