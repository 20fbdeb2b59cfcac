package dev.arbiter.app.disputes;

import dev.arbiter.app.live.PresenceTracker;
import dev.arbiter.persistence.presence.PresenceKey;
import dev.arbiter.persistence.presence.PresenceMode;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * Tells the other consoles which case this one has open, and whether the agent is typing in it (a
 * reply, a note or a settlement reason not sent yet). FX thread.
 */
final class CasePresence implements AutoCloseable {

  private final PresenceTracker.Scope tracker;
  private final ObjectBinding<PresenceKey> key;
  private final List<StringProperty> inputs;

  CasePresence(PresenceTracker.Scope tracker, DisputeCaseViewModel model) {
    this.tracker = tracker;
    CaseForms forms = model.forms();
    this.inputs = List.of(forms.replyProperty(), forms.noteProperty(), forms.reasonProperty());
    this.key =
        Bindings.createObjectBinding(
            () -> {
              Long id = model.formsForProperty().get();
              return id == null ? null : PresenceKey.dispute(id);
            },
            model.formsForProperty());
    key.addListener(
        (obs, was, now) -> {
          if (was != null) {
            tracker.leave(was);
          }
          publish();
        });
    inputs.forEach(input -> input.addListener((obs, was, now) -> publish()));
  }

  /** The open case's presence key (null when none is open), for the "Also here" line. */
  ObservableValue<PresenceKey> key() {
    return key;
  }

  private void publish() {
    PresenceKey open = key.get();
    if (open != null) {
      boolean typing = inputs.stream().anyMatch(i -> i.get() != null && !i.get().isBlank());
      tracker.enter(open, typing ? PresenceMode.EDITING : PresenceMode.VIEWING);
    }
  }

  /** The case view closes: nobody should see this console there any more. */
  @Override
  public void close() {
    PresenceKey open = key.get();
    if (open != null) {
      tracker.leave(open);
    }
  }
}
