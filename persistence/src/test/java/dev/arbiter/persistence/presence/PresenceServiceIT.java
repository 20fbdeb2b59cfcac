package dev.arbiter.persistence.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.persistence.testing.TestDatabase;
import dev.arbiter.persistence.testing.Waits;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PresenceServiceIT {

  private TestDatabase db;
  private PresenceService support;
  private PresenceService finance;

  @BeforeEach
  void database() throws SQLException {
    db = TestDatabase.fresh();
    support = new PresenceService(db.access("demo_support"), Duration.ofSeconds(30));
    finance = new PresenceService(db.access("demo_finance"), Duration.ofSeconds(30));
    // Hibernate starts on a login's first read; start it here, as the console has by the time its
    // presence beats, so that no test's time-to-live is spent on it.
    support.others();
    finance.others();
  }

  @Test
  void othersSeeWhoIsOnARecordAndWhetherTheyAreEditing() throws SQLException {
    support.publish(
        Map.of(
            PresenceKey.dispute(7), PresenceMode.EDITING,
            PresenceKey.dispute(8), PresenceMode.VIEWING));

    assertThat(finance.others())
        .extracting(Presence::login, Presence::displayName, Presence::key, Presence::mode)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "demo_support", "Sam Support", PresenceKey.dispute(7), PresenceMode.EDITING),
            org.assertj.core.groups.Tuple.tuple(
                "demo_support", "Sam Support", PresenceKey.dispute(8), PresenceMode.VIEWING));
    assertThat(support.others()).isEmpty();
  }

  @Test
  void publishingReplacesTheRecordsALoginIsOn() throws SQLException {
    support.publish(Map.of(PresenceKey.dispute(7), PresenceMode.EDITING));
    support.publish(Map.of(PresenceKey.checkpoint(3), PresenceMode.VIEWING));

    assertThat(finance.others())
        .extracting(Presence::key)
        .containsExactly(PresenceKey.checkpoint(3));

    support.publish(Map.of());
    assertThat(finance.others()).isEmpty();
  }

  @Test
  void theSameLoginSignedInTwiceKeepsBothConsolesRowsAndShowsOnce() throws SQLException {
    PresenceService samsLaptop =
        new PresenceService(db.access("demo_support"), Duration.ofSeconds(30));
    support.publish(Map.of(PresenceKey.dispute(1), PresenceMode.VIEWING));
    samsLaptop.publish(Map.of(PresenceKey.dispute(2), PresenceMode.VIEWING));
    support.publish(Map.of(PresenceKey.dispute(1), PresenceMode.VIEWING));

    assertThat(finance.others())
        .extracting(Presence::key)
        .containsExactly(PresenceKey.dispute(1), PresenceKey.dispute(2));

    samsLaptop.publish(Map.of(PresenceKey.dispute(1), PresenceMode.EDITING));
    assertThat(finance.others())
        .extracting(Presence::key, Presence::mode)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(PresenceKey.dispute(1), PresenceMode.EDITING));
  }

  @Test
  void editorsAreListedBeforeViewers() throws SQLException {
    support.publish(Map.of(PresenceKey.dispute(5), PresenceMode.VIEWING));
    new PresenceService(db.access("demo_admin"), Duration.ofSeconds(30))
        .publish(Map.of(PresenceKey.dispute(5), PresenceMode.EDITING));

    assertThat(finance.others())
        .extracting(Presence::login)
        .containsExactly("demo_admin", "demo_support");
  }

  @Test
  void presenceWithoutAHeartbeatExpires() throws Exception {
    PresenceService impatient =
        new PresenceService(db.access("demo_finance"), Duration.ofMillis(800));
    support.publish(Map.of(PresenceKey.flag(5), PresenceMode.VIEWING));
    assertThat(impatient.others()).hasSize(1);

    // The database's clock passes the 800 ms without a heartbeat.
    Waits.atMost(Duration.ofSeconds(30)).until(() -> impatient.others().isEmpty());

    support.publish(Map.of(PresenceKey.flag(5), PresenceMode.VIEWING));
    assertThat(impatient.others()).hasSize(1);
  }

  @Test
  void aSweepRemovesOnlyRowsLeftLongAgo() throws SQLException {
    support.publish(Map.of(PresenceKey.dispute(1), PresenceMode.VIEWING));
    finance.publish(Map.of(PresenceKey.dispute(2), PresenceMode.VIEWING));
    try (Connection owner = db.migrator();
        Statement s = owner.createStatement()) {
      s.execute(
          "UPDATE console_presence SET heartbeat_at = now() - interval '10 minutes'"
              + " WHERE staff_login = 'demo_support'");
    }

    assertThat(finance.sweep()).isEqualTo(1);
    assertThat(support.others()).extracting(Presence::login).containsExactly("demo_finance");
  }

  @Test
  void aLoginCannotWriteSomeoneElsesPresence() throws SQLException {
    try (Connection c = db.as("demo_finance");
        Statement s = c.createStatement()) {
      assertThatThrownBy(
              () ->
                  s.execute(
                      "INSERT INTO console_presence (staff_login, entity_type, entity_id, mode)"
                          + " VALUES ('demo_support', 'dispute', 1, 'editing')"))
          .hasMessageContaining("row-level security");
    }
  }
}
