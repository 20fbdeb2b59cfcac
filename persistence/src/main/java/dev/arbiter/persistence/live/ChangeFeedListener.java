package dev.arbiter.persistence.live;

import java.util.List;

/** What a {@link ChangeFeed} reports, always on the feed's own thread. */
public interface ChangeFeedListener {

  /** Changes that arrived together, in commit order. */
  void changes(List<TableChange> changes);

  /**
   * The feed is listening. {@code resync} is true after a reconnect: notifications sent while it
   * was away are lost, so whoever shows data must re-read all of it.
   */
  void online(boolean resync);

  /** The feed lost its connection (or could not open one) and keeps retrying. */
  void offline(String reason);
}
