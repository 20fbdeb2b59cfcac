package dev.arbiter.tools.simulate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A small cache of rows an operation may act on, shared by the workers. It is refilled by a cheap
 * sample (see {@link IdWindows}) when it runs dry or grows old, so picking a target never costs a
 * scan of a big table; rows the simulator creates itself are offered to it at once.
 */
final class CandidatePool<T> {

  /** Reads a fresh sample of candidates. */
  @FunctionalInterface
  interface Sampler<T> {
    List<T> sample(Connection c, SplittableRandom r) throws SQLException;
  }

  static final long MAX_AGE_NANOS = 15_000_000_000L;
  private static final long EMPTY_RETRY_NANOS = 1_000_000_000L;
  private static final int CAP = 128;

  private final Sampler<T> sampler;
  private final List<T> items = new ArrayList<>();
  private long sampledAt = Long.MIN_VALUE / 2;

  CandidatePool(Sampler<T> sampler) {
    this.sampler = sampler;
  }

  /** A random candidate, kept in the pool for later operations too. */
  Optional<T> pick(Connection c, SplittableRandom r) throws SQLException {
    return draw(c, r, false);
  }

  /** A random candidate, removed from the pool because the operation uses it up. */
  Optional<T> take(Connection c, SplittableRandom r) throws SQLException {
    return draw(c, r, true);
  }

  private synchronized Optional<T> draw(Connection c, SplittableRandom r, boolean remove)
      throws SQLException {
    long now = System.nanoTime();
    long age = now - sampledAt;
    if (age > MAX_AGE_NANOS || (items.isEmpty() && age > EMPTY_RETRY_NANOS)) {
      List<T> fresh = sampler.sample(c, r);
      sampledAt = now;
      items.clear();
      items.addAll(fresh.subList(0, Math.min(CAP, fresh.size())));
    }
    if (items.isEmpty()) {
      return Optional.empty();
    }
    int i = r.nextInt(items.size());
    return Optional.of(remove ? items.remove(i) : items.get(i));
  }

  /** Adds a row the simulator just created. */
  synchronized void offer(T item) {
    if (items.size() >= CAP) {
      items.remove(0);
    }
    items.add(item);
  }

  /** Forgets a row that turned out to be unusable. */
  synchronized void forget(T item) {
    items.remove(item);
  }
}
