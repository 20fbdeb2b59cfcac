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
    // The database's session limits (V85) are for interactive work, not for a migration that may
    // rebuild or validate a large table.
    String lifted =
        "SET statement_timeout = 0; SET lock_timeout = 0; SET idle_in_transaction_session_timeout = 0";
    config.initSql(switchToMigrator ? lifted + "; SET ROLE " + ServerBootstrap.MIGRATOR : lifted);
    return config.load().migrate();
  }
}
