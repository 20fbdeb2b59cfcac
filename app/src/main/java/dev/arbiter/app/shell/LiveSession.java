package dev.arbiter.app.shell;

import dev.arbiter.app.live.LiveContext;
import dev.arbiter.persistence.live.ChangeFeed;

/**
 * The live parts of one sign-in: the feed's connection, the coalescer and presence, closed together
 * at sign-out. The draft journal outlives it (the shell keeps one per login).
 */
record LiveSession(ChangeFeed feed, LiveContext context) implements AutoCloseable {

  @Override
  public void close() {
    feed.close();
    context.updates().close();
    context.presence().close();
  }
}
