package dev.arbiter.persistence.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the Flyway migrations shipped in the resources module. Every object is created as {@code
 * arbiter_migrator}: either by logging in as that role, or (embedded server) by a superuser session
 * that switches to it, so the migrator is the owner either way.
 */
public final class SchemaMigrator {

  private SchemaMigrator() {}

  public static MigrateResult migrate(DataSource dataSource, boolean switchToMigrator) {
    var config =
        Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .placeholderReplacement(false)
            .validateMigrationNaming(true);
    if (switchToMigrator) {
      config.initSql("SET ROLE " + ServerBootstrap.MIGRATOR);
    }
    return config.load().migrate();
  }
}
