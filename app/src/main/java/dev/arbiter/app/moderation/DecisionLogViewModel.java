package dev.arbiter.app.moderation;

import dev.arbiter.app.common.DateTimes;
import dev.arbiter.app.common.command.CommandReply;
import dev.arbiter.app.common.command.CommandSlot;
import dev.arbiter.app.common.command.StaffCommand;
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
  private static final String UNDO = "undo-of-decision-";

  private final ModerationWork work;
  private final ObservableList<DecisionEntry> entries = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

  // One undo at a time; one whose answer was lost is settled before another is sent.
  private final CommandSlot undos;

  /**
   * @param commands sends the undos: refused while offline, and an undo whose answer was lost is
   *     looked up once online
   */
  public DecisionLogViewModel(ModerationWork work) {
    this.work = work;
    // An undo leaves its mark on the decision itself, so the decision is the record that settles
    // an undo whose answer was lost.
    this.undos = new CommandSlot(work.commands().checkingWith(this::undone));
  }

  public void refresh() {
    work.tasks()
        .run(() -> work.gateway().recentDecisions(LIMIT))
        .onSuccess(entries::setAll)
        .onFailure(failure -> status.set(Refusals.describe(failure)));
  }

  /**
   * Undoes {@code entry} if the log says it still can be, then reloads the log and the queue. If
   * the connection drops on the way, whether it was undone is asked once the console is online,
   * before it may be undone again.
   */
  public void undo(DecisionEntry entry) {
    if (entry == null || !entry.undoable()) {
      return;
    }
    undos.send(
        StaffCommand.of(
            UNDO + entry.id(),
            "Undo decision " + entry.id(),
            () -> {
              work.gateway().undo(entry.id());
              return null;
            }),
        new CommandReply<Object>() {
          @Override
          public void answered(Object ignored) {
            undone(entry);
          }

          @Override
          public void failed(Throwable failure) {
            status.set(Refusals.describe(failure));
          }

          @Override
          public void offline() {
            status.set(ItemViewModel.OFFLINE);
          }

          @Override
          public void checking() {
            status.set(
                "The connection was lost while undoing decision "
                    + entry.id()
                    + ". Checking whether it was undone…");
          }

          @Override
          public void savedAfterAll(Object ignored) {
            undone(entry);
          }

          @Override
          public void notSaved(Throwable why) {
            status.set(
                why == null
                    ? "Decision "
                        + entry.id()
                        + " was not undone: the connection was lost before the database got it."
                        + " You can undo it again."
                    : "Could not tell whether decision "
                        + entry.id()
                        + " was undone ("
                        + Refusals.describe(why)
                        + "). The log shows it once it can be read.");
            refresh();
          }
        });
  }

  // Whether the undo keyed so took effect: its decision is marked undone.
  private boolean undone(String key) {
    long decisionId = Long.parseLong(key.substring(UNDO.length()));
    return work.gateway().decision(decisionId).map(d -> d.undoneAt() != null).orElse(false);
  }

  private void undone(DecisionEntry entry) {
    status.set("Undid decision " + entry.id() + " on " + ModerationWords.item(entry.key()));
    refresh();
    work.queueChanged().run();
  }

  /** One line for the list. */
  public static String describe(DecisionEntry d, DateTimes dates) {
    return "#"
        + d.id()
        + " · "
        + ModerationWords.item(d.key())
        + " · "
        + decided(d)
        + " · "
        + dates.dateTime(d.decidedAt())
        + (d.undoneAt() == null
            ? (d.undoable() ? " · can be undone" : "")
            : " · undone by " + d.undoneBy());
  }

  /** What was decided, why and by whom: "Hide content (Spam or advertising: note) by ...". */
  static String decided(DecisionEntry d) {
    return ModerationWords.word(d.decision())
        + " ("
        + d.reason().label()
        + (d.note() == null ? "" : ": " + d.note())
        + ") by "
        + d.decidedBy();
  }

  public ObservableList<DecisionEntry> entries() {
    return entries;
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }
}
