package dev.arbiter.app.disputes;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The disputes changed since the queue last showed a live read, gathered between reads. A read
 * takes a look ({@link #look}) and they are forgotten only once its answer is shown ({@link
 * #shown}), so a read that was cancelled or failed leaves them for the next one.
 */
final class LiveChanges {

  /** What one read saw: the ids, or everything (a reconnect) as of one such request. */
  record Look(Set<Long> ids, long everythingAsOf) {
    /** The ids to judge, or empty when anything may have changed. */
    Optional<List<Long>> changed() {
      return everythingAsOf > 0 ? Optional.empty() : Optional.of(List.copyOf(ids));
    }
  }

  private final Set<Long> ids = new LinkedHashSet<>();
  private long everythingRequests;
  private long everythingAsOf;

  synchronized void add(Collection<Long> changed) {
    ids.addAll(changed);
  }

  synchronized void addEverything() {
    everythingRequests++;
    everythingAsOf = everythingRequests;
  }

  synchronized Look look() {
    return new Look(Set.copyOf(ids), everythingAsOf);
  }

  /** The read that took {@code look} was shown: what it saw is up to date. */
  synchronized void shown(Look look) {
    ids.removeAll(look.ids());
    if (look.everythingAsOf() > 0 && look.everythingAsOf() == everythingAsOf) {
      everythingAsOf = 0;
    }
  }
}
