package dev.arbiter.persistence.db;

import dev.arbiter.model.audit.AuditEntry;
import dev.arbiter.model.contracts.Contract;
import dev.arbiter.model.disputes.Dispute;
import dev.arbiter.model.disputes.DisputeEvidence;
import dev.arbiter.model.disputes.DisputeMessage;
import dev.arbiter.model.disputes.Settlement;
import dev.arbiter.model.escrow.Escrow;
import dev.arbiter.model.escrow.EscrowCheckpoint;
import dev.arbiter.model.escrow.ReleaseApproval;
import dev.arbiter.model.ledger.Journal;
import dev.arbiter.model.ledger.LedgerEntry;
import dev.arbiter.model.ledger.Wallet;
import dev.arbiter.model.moderation.ModerationFlag;
import dev.arbiter.model.presence.ConsolePresence;
import dev.arbiter.model.staff.StaffAccount;
import dev.arbiter.model.users.User;
import dev.arbiter.model.workspaces.ContactNote;
import dev.arbiter.model.workspaces.Workspace;
import dev.arbiter.model.workspaces.WorkspaceInvite;
import dev.arbiter.model.workspaces.WorkspaceMember;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.mapping.PersistentClass;

/**
 * Builds Arbiter's Hibernate {@link SessionFactory} over a connection pool created elsewhere.
 *
 * <p>Flyway owns the schema; Hibernate only validates that every mapping matches it. The dialect is
 * Hibernate's {@code PostgreSQLDialect}, which it picks (with the server's version) from the
 * connection; naming it explicitly is deprecated in Hibernate 6. Every entity writes with dynamic
 * inserts and updates: a staff login holds column-level grants, so a statement naming a column it
 * did not change (or left to its default) would be refused. Sending only what changed also leaves
 * database-filled columns (authors, timestamps, status defaults) to the database.
 */
public final class HibernateFactory {

  /** Every mapped entity, listed so that nothing depends on classpath scanning. */
  public static final List<Class<?>> ENTITIES =
      List.of(
          User.class,
          StaffAccount.class,
          Workspace.class,
          WorkspaceMember.class,
          WorkspaceInvite.class,
          ContactNote.class,
          Contract.class,
          Escrow.class,
          EscrowCheckpoint.class,
          ReleaseApproval.class,
          Wallet.class,
          Journal.class,
          LedgerEntry.class,
          Dispute.class,
          DisputeMessage.class,
          DisputeEvidence.class,
          Settlement.class,
          ModerationFlag.class,
          AuditEntry.class,
          ConsolePresence.class);

  /** JDBC statements grouped per round trip when flushing many rows. */
  public static final int BATCH_SIZE = 50;

  private HibernateFactory() {}

  /** A session factory over {@code dataSource} that validates the schema on start. */
  public static SessionFactory build(DataSource dataSource) {
    return build(dataSource, Map.of());
  }

  /**
   * A session factory over {@code dataSource}; {@code overrides} replace the defaults (for example
   * {@code hibernate.show_sql=true} while investigating a query). The pool stays the caller's to
   * close.
   */
  public static SessionFactory build(DataSource dataSource, Map<String, Object> overrides) {
    Objects.requireNonNull(dataSource, "dataSource");
    Map<String, Object> settings = defaultSettings();
    settings.putAll(overrides);
    settings.put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);

    StandardServiceRegistry registry =
        new StandardServiceRegistryBuilder().applySettings(settings).build();
    try {
      MetadataSources sources = new MetadataSources(registry);
      ENTITIES.forEach(sources::addAnnotatedClass);
      Metadata metadata = sources.buildMetadata();
      for (PersistentClass entity : metadata.getEntityBindings()) {
        entity.setDynamicInsert(true);
        entity.setDynamicUpdate(true);
      }
      return metadata.buildSessionFactory();
    } catch (RuntimeException e) {
      StandardServiceRegistryBuilder.destroy(registry);
      throw e;
    }
  }

  private static Map<String, Object> defaultSettings() {
    Map<String, Object> s = new HashMap<>();
    s.put(AvailableSettings.HBM2DDL_AUTO, "validate");
    s.put(AvailableSettings.JDBC_TIME_ZONE, "UTC");
    s.put(AvailableSettings.STATEMENT_BATCH_SIZE, BATCH_SIZE);
    s.put(AvailableSettings.ORDER_INSERTS, true);
    s.put(AvailableSettings.ORDER_UPDATES, true);
    s.put(AvailableSettings.BATCH_VERSIONED_DATA, true);
    s.put(AvailableSettings.SHOW_SQL, false);
    s.put(AvailableSettings.FORMAT_SQL, false);
    s.put(AvailableSettings.IN_CLAUSE_PARAMETER_PADDING, true);
    s.put(AvailableSettings.FAIL_ON_PAGINATION_OVER_COLLECTION_FETCH, true);
    // No Bean Validation provider ships with Arbiter; the database's CHECKs are the last word.
    s.put(AvailableSettings.JAKARTA_VALIDATION_MODE, "none");
    return s;
  }
}
