package dev.arbiter.app.shell;

import dev.arbiter.app.live.LiveContext;
import dev.arbiter.persistence.live.ChangeFeed;

/**
 * The live parts of one sign-in: the feed's connection, the coalescer, presence and drafts, closed
 * together at sign-out.
 */
record LiveSession(ChangeFeed feed, LiveContext context) implements AutoCloseable {

  @Override
  public void close() {
    feed.close();
    context.updates().close();
    context.presence().close();
    context.drafts().journal().close();
  }
}
