package dev.arbiter.app.live;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TextInputControl;

/**
 * Keeps a text field's unsent text in the {@link DraftJournal}: what the user types is saved under
 * a key naming the record and the field (e.g. {@code dispute:42:reply}), and brought back when the
 * field shows that record again, after an outage, or in the next session after a crash. Sending
 * clears the field, which removes the draft.
 *
 * <p>When a form is reused for another record, change the key <em>after</em> the form has been
 * reset for the new record: the binder then fills the field with the new record's draft.
 */
public final class DraftBinder {

  private final DraftJournal journal;

  public DraftBinder(DraftJournal journal) {
    this.journal = journal;
  }

  public DraftJournal journal() {
    return journal;
  }

  /** Binds {@code field} to the draft under {@code key}'s current value (null: not kept). */
  public void bind(TextInputControl field, ObservableValue<String> key) {
    boolean[] restoring = {false};
    Runnable restore =
        () -> {
          String k = key.getValue();
          if (k == null) {
            return;
          }
          String draft = journal.get(k);
          if (!draft.isEmpty() && !draft.equals(field.getText())) {
            restoring[0] = true;
            try {
              field.setText(draft);
            } finally {
              restoring[0] = false;
            }
          }
        };
    ChangeListener<String> typed =
        (obs, old, text) -> {
          String k = key.getValue();
          if (!restoring[0] && k != null) {
            journal.put(k, text);
          }
        };
    field.textProperty().addListener(typed);
    key.addListener((obs, old, now) -> restore.run());
    restore.run();
  }

  /** Binds {@code field} to the draft under a fixed key. */
  public void bind(TextInputControl field, String key) {
    bind(field, new javafx.beans.property.SimpleStringProperty(key));
  }
}
