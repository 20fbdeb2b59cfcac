package dev.arbiter.app.audit;

import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.TaskKey;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.persistence.audit.AuditRecord;
import dev.arbiter.persistence.audit.FieldChange;
import dev.arbiter.persistence.audit.RecordHistory;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One record's history as a timeline, oldest first: for the audit view and for any area that shows
 * a record (dispute, checkpoint, flag, workspace, user) and wants its history beside it.
 */
public final class RecordHistoryViewModel {

  /** Reads a record's history; called off the FX thread. */
  @FunctionalInterface
  public interface Source {
    RecordHistory history(String entityType, String entityId);
  }

  /** One change on the timeline. */
  public record Item(
      long id, String time, String who, String action, List<String> changes, AuditRecord record) {}

  private final Source source;
  private final TaskRunner tasks;
  private final AuditText text;
  private final ObservableList<Item> items = FXCollections.observableArrayList();
  private final ObservableList<Item> itemsView = FXCollections.unmodifiableObservableList(items);
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("History");
  private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
  private final TaskKey reads = new TaskKey();

  public RecordHistoryViewModel(Source source, TaskRunner tasks, Locale locale, ZoneId zone) {
    this.source = source;
    this.tasks = tasks;
    this.text = new AuditText(locale, zone);
  }

  /** Loads the history of record {@code entityId} of table {@code entityType}. */
  public void load(String entityType, String entityId) {
    title.set("History of " + entityType + " #" + entityId);
    loading.set(true);
    tasks
        .runLatest(reads, () -> source.history(entityType, entityId))
        .onSuccess(
            history -> {
              loading.set(false);
              error.set("");
              show(history);
            })
        .onFailure(
            failure -> {
              loading.set(false);
              error.set(ErrorText.describe(failure));
            });
  }

  private void show(RecordHistory history) {
    items.setAll(history.changes().stream().map(this::item).toList());
    int n = history.changes().size();
    note.set(
        (n == 0 ? "No recorded changes" : n == 1 ? "1 change" : n + " changes")
            + (history.earlierOmitted() ? " (the oldest are left out; filter the audit log)" : "")
            + ", oldest first");
  }

  private Item item(AuditRecord r) {
    return new Item(r.id(), text.time(r), AuditText.who(r), r.action(), changeLines(r), r);
  }

  static List<String> changeLines(AuditRecord r) {
    return switch (r.action()) {
      case "insert" -> List.of("created with " + WithheldBody.changes(r).size() + " fields");
      case "delete" -> List.of("deleted");
      case "truncate" -> List.of("removed with every row of " + r.entityType());
      default -> {
        List<FieldChange> changed = WithheldBody.changedFields(r);
        yield changed.isEmpty()
            ? List.of("no visible change")
            : changed.stream().map(RecordHistoryViewModel::line).toList();
      }
    };
  }

  private static String line(FieldChange c) {
    return switch (c.kind()) {
      case ADDED -> c.path() + ": set to " + c.after();
      case REMOVED -> c.path() + ": removed (was " + c.before() + ")";
      default -> c.path() + ": " + c.before() + " → " + c.after();
    };
  }

  public ObservableList<Item> items() {
    return itemsView;
  }

  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty noteProperty() {
    return note.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }
}
