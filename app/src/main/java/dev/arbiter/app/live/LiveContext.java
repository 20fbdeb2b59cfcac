package dev.arbiter.app.live;

import javafx.beans.property.ReadOnlyBooleanProperty;

/**
 * What a signed-in window's areas share to stay live: the coalesced change feed, presence, and the
 * draft journal. The console builds one per sign-in and hands it to every area.
 */
public record LiveContext(LiveUpdates updates, PresenceTracker presence, DraftBinder drafts) {

  /** False while the database cannot be reached; actions that need it wait. FX thread. */
  public ReadOnlyBooleanProperty onlineProperty() {
    return updates.onlineProperty();
  }
}
