package dev.arbiter.app.live;

import javafx.beans.property.ReadOnlyBooleanProperty;

/**
 * What one area of a signed-in window uses to stay live: the coalesced change feed and the draft
 * journal, which all areas share, and the area's own presence scope, which the window hides while
 * the area is not shown.
 */
public record LiveContext(LiveUpdates updates, PresenceTracker.Scope presence, DraftBinder drafts) {

  /** False while the database cannot be reached; actions that need it wait. FX thread. */
  public ReadOnlyBooleanProperty onlineProperty() {
    return updates.onlineProperty();
  }
}
