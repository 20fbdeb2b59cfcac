package dev.arbiter.app.moderation;

import dev.arbiter.app.common.OutcomeByKey;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.persistence.moderation.DecisionEntry;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The log of recent decisions, newest first, from which one made today can be undone (the database
 * decides what is still undoable).
 */
public final class DecisionLogViewModel {

  static final int LIMIT = 200;

  private final ModerationGateway gateway;
  private final TaskRunner tasks;
  private final Runnable changed;
  private final ObservableList<DecisionEntry> entries = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

  private final ObservableBooleanValue online;
  // An undo whose answer was lost is being settled; no other undo is sent meanwhile.
  private boolean settling;

  public DecisionLogViewModel(ModerationGateway gateway, TaskRunner tasks, Runnable changed) {
    this(gateway, tasks, changed, new SimpleBooleanProperty(true));
  }

  /**
   * @param online false while the database cannot be reached: undo is refused, nothing is sent
   */
  public DecisionLogViewModel(
      ModerationGateway gateway,
      TaskRunner tasks,
      Runnable changed,
      ObservableBooleanValue online) {
    this.gateway = gateway;
    this.tasks = tasks;
    this.changed = changed;
    this.online = online;
  }

  public void refresh() {
    tasks
        .run(() -> gateway.recentDecisions(LIMIT))
        .onSuccess(entries::setAll)
        .onFailure(failure -> status.set(Refusals.describe(failure)));
  }

  /**
   * Undoes {@code entry} if the log says it still can be, then reloads the log and the queue. If
   * the connection drops on the way, whether it was undone is asked once the console is online,
   * before it may be undone again.
   */
  public void undo(DecisionEntry entry) {
    if (entry == null || !entry.undoable() || settling) {
      return;
    }
    if (!online.get()) {
      status.set(ItemViewModel.OFFLINE);
      return;
    }
    tasks
        .run(
            () -> {
              gateway.undo(entry.id());
              return null;
            })
        .onSuccess(done -> undone(entry))
        .onFailure(
            failure -> {
              if (OutcomeByKey.unknown(failure)) {
                settle(entry);
              } else {
                status.set(Refusals.describe(failure));
              }
            });
  }

  private void settle(DecisionEntry entry) {
    settling = true;
    status.set(
        "The connection was lost while undoing decision "
            + entry.id()
            + ". Checking whether it was undone…");
    // An undo leaves its mark on the decision itself, so the decision is the record that settles
    // an undo whose answer was lost.
    new OutcomeByKey(key -> isUndone(entry.id()), tasks, online)
        .settle(
            "undo of decision " + entry.id(),
            wasUndone -> {
              settling = false;
              if (wasUndone) {
                undone(entry);
              } else {
                status.set(
                    "Decision "
                        + entry.id()
                        + " was not undone: the connection was lost before the database got it."
                        + " You can undo it again.");
                refresh();
              }
            },
            gaveUp -> {
              settling = false;
              status.set(
                  "Could not tell whether decision "
                      + entry.id()
                      + " was undone ("
                      + Refusals.describe(gaveUp)
                      + "). The log shows it once it can be read.");
              refresh();
            });
  }

  private boolean isUndone(long decisionId) {
    return gateway.decision(decisionId).map(d -> d.undoneAt() != null).orElse(false);
  }

  private void undone(DecisionEntry entry) {
    status.set("Undid decision " + entry.id() + " on " + entry.key().label());
    refresh();
    changed.run();
  }

  /** One line for the list. */
  public static String describe(DecisionEntry d) {
    return "#"
        + d.id()
        + " · "
        + d.key().label()
        + " · "
        + d.decision().dbValue()
        + " ("
        + d.reason().label()
        + (d.note() == null ? "" : ": " + d.note())
        + ") by "
        + d.decidedBy()
        + " · "
        + d.decidedAt()
        + (d.undoneAt() == null
            ? (d.undoable() ? " · can be undone" : "")
            : " · undone by " + d.undoneBy());
  }

  public ObservableList<DecisionEntry> entries() {
    return entries;
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }
}
