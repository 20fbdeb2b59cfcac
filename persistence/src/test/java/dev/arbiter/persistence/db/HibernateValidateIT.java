package dev.arbiter.persistence.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.model.disputes.Dispute;
import dev.arbiter.model.disputes.DisputeMessage;
import dev.arbiter.model.disputes.DisputePriority;
import dev.arbiter.model.disputes.MessageVisibility;
import dev.arbiter.model.presence.ConsolePresence;
import dev.arbiter.model.presence.PresenceEntityType;
import dev.arbiter.model.presence.PresenceKey;
import dev.arbiter.model.presence.PresenceMode;
import dev.arbiter.model.staff.StaffAccount;
import dev.arbiter.persistence.testing.TestDatabase;
import jakarta.persistence.OptimisticLockException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StaleObjectStateException;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HibernateValidateIT {

  private static final AtomicInteger DISPUTES = new AtomicInteger();

  private static TestDatabase db;
  private static SessionFactory support;
  private long disputeId;

  @BeforeAll
  static void setUpDatabase() throws SQLException {
    db = TestDatabase.fresh();
    insertParties(db);
    support = HibernateFactory.build(db.dataSource("demo_support", "demo"));
  }

  @AfterAll
  static void closeSessionFactory() {
    support.close();
  }

  @BeforeEach
  void openADispute() throws SQLException {
    disputeId = insertDispute(db, DISPUTES.incrementAndGet());
  }

  @Test
  void validateAcceptsEveryMappingWhenConnectedAsAStaffLogin() {
    assertThat(support.getMetamodel().getEntities()).hasSize(HibernateFactory.ENTITIES.size());
    assertThat(support.unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect())
        .isInstanceOf(PostgreSQLDialect.class);
  }

  @Test
  void validateRefusesToStartWhenTheSchemaLacksAMappedColumn() throws SQLException {
    TestDatabase drifted = TestDatabase.migratedFromScratch();
    try (Connection c = drifted.superuser();
        Statement s = c.createStatement()) {
      s.execute("ALTER TABLE disputes RENAME COLUMN resolution_notes TO case_notes");
    }

    assertThatThrownBy(() -> HibernateFactory.build(drifted.dataSource("demo_support", "demo")))
        .isInstanceOf(SchemaManagementException.class)
        .hasMessageContaining("resolution_notes")
        .hasMessageContaining("disputes");
  }

  @Test
  void staffLoginReadsItsOwnStaffAccount() {
    StaffAccount me =
        support.fromTransaction(
            s ->
                s.createSelectionQuery(
                        "from StaffAccount where loginRole = :login", StaffAccount.class)
                    .setParameter("login", "demo_support")
                    .getSingleResult());

    assertThat(me.getDisplayName()).isEqualTo("Sam Support");
    assertThat(me.isActive()).isTrue();
    assertThat(me.getDeactivatedAt()).isNull();
    assertThat(me.getCreatedAt()).isNotNull();
  }

  @Test
  void moderatorCannotChangeADisputesPriorityThroughHibernate() throws SQLException {
    try (SessionFactory moderator =
        HibernateFactory.build(db.dataSource("demo_moderator", "demo"))) {
      assertThatThrownBy(
              () ->
                  moderator.inTransaction(
                      s -> s.find(Dispute.class, disputeId).setPriority(DisputePriority.URGENT)))
          .satisfies(e -> assertThat(sqlState(e)).isEqualTo("42501"))
          .hasStackTraceContaining("permission denied for table disputes");
    }

    assertThat(priorityAndVersion()).isEqualTo("normal/0");
  }

  @Test
  void supportChangesPriorityThroughItsColumnGrantsAndTheVersionAdvancesOnce() throws SQLException {
    support.inTransaction(s -> s.find(Dispute.class, disputeId).setPriority(DisputePriority.HIGH));

    Dispute reloaded = support.fromTransaction(s -> s.find(Dispute.class, disputeId));
    assertThat(reloaded.getPriority()).isEqualTo(DisputePriority.HIGH);
    assertThat(reloaded.getPriorityRank()).isEqualTo(DisputePriority.HIGH.rank());
    assertThat(reloaded.getVersion()).isEqualTo(1);
    assertThat(priorityAndVersion()).isEqualTo("high/1");
    try (Connection c = db.superuser();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT action, entity_type, actor, db_user FROM audit_log"
                        + " ORDER BY id DESC LIMIT 1")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("update");
      assertThat(rs.getString(2)).isEqualTo("disputes");
      assertThat(rs.getString(3)).isEqualTo("demo_support");
      assertThat(rs.getString(4)).isEqualTo("demo_support");
    }
  }

  @Test
  void writeBasedOnARowSomeoneElseChangedIsRefusedAsStale() throws SQLException {
    try (Session session = support.openSession()) {
      session.beginTransaction();
      Dispute mine = session.find(Dispute.class, disputeId);

      // Another writer outside Hibernate changes the row; the database bumps the version anyway.
      try (Connection other = db.as("demo_support");
          PreparedStatement ps =
              other.prepareStatement(
                  "UPDATE disputes SET resolution_notes = 'called both parties' WHERE id = ?")) {
        ps.setLong(1, disputeId);
        assertThat(ps.executeUpdate()).isEqualTo(1);
      }

      mine.setPriority(DisputePriority.URGENT);
      assertThatThrownBy(() -> session.getTransaction().commit())
          .isInstanceOf(OptimisticLockException.class)
          .hasCauseInstanceOf(StaleObjectStateException.class);
    }
    assertThat(priorityAndVersion()).isEqualTo("normal/1");
  }

  @Test
  void adminCannotWriteAStaffAccountRowOutsideTheStaffFunctions() {
    // A staff account exists only for a login made by create_staff_login, and is deactivated only
    // by
    // deactivate_staff: an entity written directly is refused by the column grants.
    try (SessionFactory admin = HibernateFactory.build(db.dataSource("demo_admin", "demo"))) {
      assertThatThrownBy(
              () ->
                  admin.inTransaction(
                      s ->
                          s.persist(
                              new StaffAccount("new_agent", "Nina Agent", "nina@arbiter.example"))))
          .satisfies(e -> assertThat(sqlState(e)).isEqualTo("42501"));
      assertThatThrownBy(
              () ->
                  admin.inTransaction(
                      s ->
                          s.createSelectionQuery(
                                  "from StaffAccount where loginRole = 'demo_support'",
                                  StaffAccount.class)
                              .getSingleResult()
                              .deactivate(Instant.parse("2026-01-05T10:00:00Z"))))
          .satisfies(e -> assertThat(sqlState(e)).isEqualTo("42501"));
    }
  }

  @Test
  void backendRecordsAPartysMessageUnderItsAuthor() {
    try (SessionFactory backend = HibernateFactory.build(db.dataSource("demo_backend", "demo"))) {
      long id =
          backend.fromTransaction(
              s -> {
                DisputeMessage m = DisputeMessage.fromParty(disputeId, 1L, "The logo is blurry.");
                s.persist(m);
                return m.getId();
              });

      DisputeMessage reloaded = backend.fromTransaction(s -> s.find(DisputeMessage.class, id));
      assertThat(reloaded.getAuthorUserId()).isEqualTo(1L);
      assertThat(reloaded.getAuthorStaff()).isNull();
      assertThat(reloaded.getVisibility()).isEqualTo(MessageVisibility.PARTIES);
    }
  }

  @Test
  void supportPostsAnInternalNoteThatTheDatabaseStampsWithItsLogin() {
    long messageId =
        support.fromTransaction(
            s -> {
              DisputeMessage note =
                  DisputeMessage.fromStaff(
                      disputeId, MessageVisibility.INTERNAL, "Client sent a revised brief.");
              s.persist(note);
              return note.getId();
            });

    DisputeMessage reloaded = support.fromTransaction(s -> s.find(DisputeMessage.class, messageId));
    assertThat(reloaded.getAuthorStaff()).isEqualTo("demo_support");
    assertThat(reloaded.getAuthorUserId()).isNull();
    assertThat(reloaded.getVisibility()).isEqualTo(MessageVisibility.INTERNAL);
    assertThat(reloaded.getVersion()).isZero();
    assertThat(reloaded.getCreatedAt()).isNotNull();
  }

  @Test
  void presenceIsWrittenForTheOwnLoginOnlyAndHeartbeatsUpdateIt() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    PresenceKey mine =
        new PresenceKey(
            java.util.UUID.randomUUID(), "demo_support", PresenceEntityType.DISPUTE, disputeId);
    support.inTransaction(s -> s.persist(new ConsolePresence(mine, PresenceMode.VIEWING, now)));
    support.inTransaction(
        s -> s.find(ConsolePresence.class, mine).beat(PresenceMode.EDITING, now.plusSeconds(5)));

    ConsolePresence reloaded = support.fromTransaction(s -> s.find(ConsolePresence.class, mine));
    assertThat(reloaded.getMode()).isEqualTo(PresenceMode.EDITING);
    // The heartbeat is the database's clock, not the writer's: a row dated into the future would
    // never expire.
    assertThat(reloaded.getHeartbeatAt()).isBefore(now.plusSeconds(5));

    PresenceKey someoneElse =
        new PresenceKey(
            java.util.UUID.randomUUID(), "demo_moderator", PresenceEntityType.DISPUTE, disputeId);
    assertThatThrownBy(
            () ->
                support.inTransaction(
                    s -> s.persist(new ConsolePresence(someoneElse, PresenceMode.VIEWING, now))))
        .satisfies(e -> assertThat(sqlState(e)).isEqualTo("42501"))
        .hasStackTraceContaining("row-level security");
  }

  private String priorityAndVersion() throws SQLException {
    try (Connection c = db.superuser();
        PreparedStatement ps =
            c.prepareStatement("SELECT priority, version FROM disputes WHERE id = ?")) {
      ps.setLong(1, disputeId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1) + "/" + rs.getInt(2);
      }
    }
  }

  /** Users 1 (a client) and 2 (a freelancer) with contract 1 between them. */
  static void insertParties(TestDatabase db) throws SQLException {
    try (Connection c = db.migrator();
        Statement s = c.createStatement()) {
      s.execute(
          """
          INSERT INTO users (id, email, display_name, kind) VALUES
            (1, 'cleo@example.com', 'Cleo Client', 'client'),
            (2, 'fred@example.com', 'Fred Freelancer', 'freelancer');
          INSERT INTO contracts (id, reference, kind, title, client_id, freelancer_id, currency,
                                 value_minor)
            VALUES (1, 'GIG-0001', 'gig_order', 'Logo design', 1, 2, 'USD', 50000);
          """);
    }
  }

  /** An open, normal-priority dispute by the client over contract 1; returns its id. */
  static long insertDispute(TestDatabase db, int number) throws SQLException {
    try (Connection c = db.migrator();
        PreparedStatement ps =
            c.prepareStatement(
                """
                INSERT INTO disputes (reference, contract_id, opened_by, reason_code,
                                      amount_disputed_minor, currency)
                  VALUES (?, 1, 1, 'quality', 20000, 'USD')
                  RETURNING id
                """)) {
      ps.setString(1, String.format("DSP-%06d", number));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static String sqlState(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        return sql.getSQLState();
      }
    }
    return null;
  }
}
