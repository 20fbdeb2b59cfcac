package dev.arbiter.app.audit;

import dev.arbiter.persistence.audit.AuditRecord;
import dev.arbiter.persistence.audit.FieldChange;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One entry in full: who, when, from which client, under which request, and its values field by
 * field with the changed ones first-class and the unchanged ones collapsed until asked for.
 */
public final class EntryDetailViewModel {

  /** One line of the diff. */
  public record DiffRow(String field, String before, String after, FieldChange.Kind kind) {}

  private final AuditText text;
  private final ReadOnlyObjectWrapper<AuditRecord> entry = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("No entry selected");
  private final ReadOnlyStringWrapper who = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper when = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper client = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper request = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper command = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper chain = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper hiddenNote = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper unchangedToggle = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper hasUnchanged = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper hasRecord = new ReadOnlyBooleanWrapper(false);
  private final BooleanProperty showUnchanged = new SimpleBooleanProperty(false);
  private final ObservableList<DiffRow> diff = FXCollections.observableArrayList();
  private final ObservableList<DiffRow> diffView = FXCollections.unmodifiableObservableList(diff);

  EntryDetailViewModel(AuditText text) {
    this.text = text;
    showUnchanged.addListener((obs, was, now) -> fill());
  }

  /** Shows {@code record}, or nothing when null. */
  public void show(AuditRecord record) {
    entry.set(record);
    if (record == null) {
      title.set("No entry selected");
      for (ReadOnlyStringWrapper s :
          List.of(who, when, client, request, command, chain, hiddenNote)) {
        s.set("");
      }
      hasRecord.set(false);
      diff.clear();
      hasUnchanged.set(false);
      return;
    }
    title.set("Entry " + record.id() + " · " + record.action() + " " + AuditText.entity(record));
    who.set(AuditText.who(record));
    when.set(text.exactTime(record));
    client.set(AuditText.orDash(record.clientInfo()));
    request.set(AuditText.orDash(record.requestId()));
    command.set(AuditText.orDash(record.command()));
    chain.set(shortHash(record.prevHash()) + " → " + shortHash(record.hash()));
    hiddenNote.set(
        record.hiddenKeys() == 0
            ? ""
            : record.hiddenKeys()
                + (record.hiddenKeys() == 1 ? " hidden key" : " hidden keys")
                + " (internal or private; shown to admins only)");
    hasRecord.set(record.entityId() != null);
    fill();
  }

  private void fill() {
    AuditRecord record = entry.get();
    if (record == null) {
      return;
    }
    List<FieldChange> changes = WithheldBody.changes(record);
    long unchanged = changes.stream().filter(c -> !c.changed()).count();
    hasUnchanged.set(unchanged > 0);
    unchangedToggle.set(
        (showUnchanged.get() ? "Hide " : "Show ")
            + unchanged
            + (unchanged == 1 ? " unchanged field" : " unchanged fields"));
    diff.setAll(
        changes.stream()
            .filter(c -> c.changed() || showUnchanged.get())
            .map(c -> new DiffRow(c.path(), c.before(), c.after(), c.kind()))
            .toList());
  }

  private static String shortHash(String hex) {
    return hex.length() > 12 ? hex.substring(0, 12) + "…" : hex;
  }

  public ReadOnlyObjectProperty<AuditRecord> entryProperty() {
    return entry.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty whoProperty() {
    return who.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty whenProperty() {
    return when.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty clientProperty() {
    return client.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty requestProperty() {
    return request.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty commandProperty() {
    return command.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty chainProperty() {
    return chain.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty hiddenNoteProperty() {
    return hiddenNote.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty unchangedToggleProperty() {
    return unchangedToggle.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty hasUnchangedProperty() {
    return hasUnchanged.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty hasRecordProperty() {
    return hasRecord.getReadOnlyProperty();
  }

  public BooleanProperty showUnchangedProperty() {
    return showUnchanged;
  }

  public ObservableList<DiffRow> diff() {
    return diffView;
  }
}
