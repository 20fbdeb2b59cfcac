package dev.arbiter.app.shell;

import dev.arbiter.app.live.DraftBinder;
import dev.arbiter.app.live.LiveContext;
import dev.arbiter.app.live.LiveUpdates;
import dev.arbiter.app.live.PresenceTracker;
import dev.arbiter.persistence.live.ChangeFeed;

/**
 * The live parts of one sign-in: the feed's connection, the coalescer and presence, closed together
 * at sign-out. The draft journal outlives it (the shell keeps one per login).
 */
record LiveSession(
    ChangeFeed feed, LiveUpdates updates, PresenceTracker presence, DraftBinder drafts)
    implements AutoCloseable {

  /** What one area gets: the shared feed and drafts, and its own presence scope. */
  LiveContext forArea(PresenceTracker.Scope scope) {
    return new LiveContext(updates, scope, drafts);
  }

  @Override
  public void close() {
    feed.close();
    updates.close();
    presence.close();
  }
}
