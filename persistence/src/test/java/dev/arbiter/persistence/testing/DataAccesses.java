package dev.arbiter.persistence.testing;

import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.db.HibernateFactory;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;

/**
 * The console's data access over a data source a test made itself (one that loses its connection at
 * a chosen moment, say), with Hibernate built on first use and statistics on.
 */
public final class DataAccesses {

  private DataAccesses() {}

  public static DataAccess over(DataSource dataSource) {
    return over(dataSource, Map.of(AvailableSettings.GENERATE_STATISTICS, true));
  }

  /**
   * The data access over a server that may not be there yet: Hibernate starts without asking the
   * server anything (no metadata, no validation), so every statement is the first contact.
   */
  public static DataAccess startedOffline(DataSource dataSource) {
    return over(
        dataSource,
        Map.of(
            AvailableSettings.ALLOW_METADATA_ON_BOOT, false,
            AvailableSettings.DIALECT, "org.hibernate.dialect.PostgreSQLDialect",
            AvailableSettings.HBM2DDL_AUTO, "none"));
  }

  private static DataAccess over(DataSource dataSource, Map<String, Object> settings) {
    return new DataAccess(
        new java.util.function.Supplier<>() {
          private SessionFactory factory;

          @Override
          public synchronized SessionFactory get() {
            if (factory == null) {
              factory = HibernateFactory.build(dataSource, settings);
            }
            return factory;
          }
        });
  }
}
