package dev.arbiter.persistence.db;

import org.flywaydb.core.api.FlywayException;
import org.postgresql.ds.PGSimpleDataSource;

/** Migrates a shared server, logged in as the migrator role with the configured credentials. */
public final class SharedServerMigrator {

  private SharedServerMigrator() {}

  public static int migrate(DatabaseSettings settings) {
    String url = settings.sharedUrl().orElseThrow();
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(url);
    ds.setUser(
        settings
            .user()
            .orElseThrow(
                () ->
                    new DatabaseUnavailableException(
                        "set ARBITER_DB_USER (the arbiter_migrator login) to migrate " + url,
                        null)));
    settings.password().ifPresent(ds::setPassword);
    try {
      return SchemaMigrator.migrate(ds, false).migrationsExecuted;
    } catch (FlywayException e) {
      throw new DatabaseUnavailableException(
          "migration failed on " + url + ": " + e.getMessage(), e);
    }
  }
}
