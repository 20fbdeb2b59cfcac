package dev.arbiter.tools.demo;

import dev.arbiter.persistence.db.DatabaseUnavailableException;
import dev.arbiter.persistence.db.EmbeddedDatabasePreparer;
import dev.arbiter.persistence.db.SuperuserConnections;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

/**
 * The demo marketplace on the embedded server: loaded once, into a database that {@link
 * EmbeddedDatabasePreparer#prepare} has readied, as the schema owner.
 */
public final class EmbeddedDemo {

  /** The seed of the demo everyone sees on first start, so screenshots and docs match. */
  public static final long SEED = 20261122L;

  private EmbeddedDemo() {}

  /**
   * Loads the demo data unless the database already has data; returns what was loaded, if anything.
   */
  public static Optional<DemoLoadSummary> loadOnce(
      SuperuserConnections server, DemoScale scale, long seed, ProgressListener progress) {
    try (Connection c = EmbeddedDatabasePreparer.ownerConnection(server)) {
      if (DemoDataLoader.isLoaded(c)) {
        return Optional.empty();
      }
      return Optional.of(new DemoDataLoader(Clock.systemUTC()).load(c, scale, seed, progress));
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("could not load the demo data: " + e.getMessage(), e);
    }
  }
}
