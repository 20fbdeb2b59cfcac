package dev.arbiter.app.moderation;

import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.persistence.moderation.DecisionEntry;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
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

  private final java.util.function.BooleanSupplier online;

  public DecisionLogViewModel(ModerationGateway gateway, TaskRunner tasks, Runnable changed) {
    this(gateway, tasks, changed, () -> true);
  }

  /**
   * @param online false while the database cannot be reached: undo is refused, nothing is sent
   */
  public DecisionLogViewModel(
      ModerationGateway gateway,
      TaskRunner tasks,
      Runnable changed,
      java.util.function.BooleanSupplier online) {
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

  /** Undoes {@code entry} if the log says it still can be, then reloads the log and the queue. */
  public void undo(DecisionEntry entry) {
    if (entry == null || !entry.undoable()) {
      return;
    }
    if (!online.getAsBoolean()) {
      status.set(ItemViewModel.OFFLINE);
      return;
    }
    tasks
        .run(
            () -> {
              gateway.undo(entry.id());
              return null;
            })
        .onSuccess(
            done -> {
              status.set("Undid decision " + entry.id() + " on " + entry.key().label());
              refresh();
              changed.run();
            })
        .onFailure(failure -> status.set(Refusals.describe(failure)));
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
